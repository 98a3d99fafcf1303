/** The `Events:` table every describer ends with (describe.DescribeEvents). */
import type { Event, KubeObject } from '../../model/types';
import type { ClusterState } from '../../sim/state';
import { secondsOf } from '../../sim/ids';
import { ageSince } from '../age';
import type { PrefixWriter } from './prefix-writer';

/** The events about one object: kubectl searches by the object's uid (and kind, name, namespace). */
export function eventsAbout(state: ClusterState, object: KubeObject): Event[] {
  const uid = object.metadata?.uid;
  return Object.values(state.objects.Event).filter((event) => {
    const involved = event.involvedObject;
    if (uid) return involved.uid === uid;
    return (
      involved.kind === object.kind &&
      involved.name === object.metadata?.name &&
      (involved.namespace ?? '') === (object.metadata?.namespace ?? '')
    );
  });
}

export function describeEvents(writer: PrefixWriter, state: ClusterState, object: KubeObject): void {
  const events = eventsAbout(state, object);
  if (events.length === 0) {
    writer.write(0, 'Events:\t<none>\n');
    return;
  }
  writer.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  writer.write(1, '----\t------\t----\t----\t-------\n');
  for (const event of sortByLastTimestamp(events)) {
    const source = event.source?.component || event.reportingComponent || '';
    const message = (event.message ?? '').trim();
    writer.write(
      1,
      `${event.type ?? ''}\t${event.reason ?? ''}\t${interval(event, state.clock)}\t${source}\t${message}\n`,
    );
  }
}

/** event.SortableEvents: by lastTimestamp, an unset one (Go's zero time) first. */
function sortByLastTimestamp(events: readonly Event[]): Event[] {
  const key = (event: Event) => (event.lastTimestamp ? secondsOf(event.lastTimestamp) : -Infinity);
  return [...events].sort((a, b) => {
    const difference = key(a) - key(b);
    return Number.isNaN(difference) ? 0 : difference;
  });
}

/** The Age cell: "5s", or "2s (x3 over 40s)" for a repeated event. */
function interval(event: Event, clock: number): string {
  const firstSeen = ageSince(event.eventTime || event.firstTimestamp, clock);
  if (event.series) {
    return `${ageSince(event.series.lastObservedTime, clock)} (x${event.series.count ?? 0} over ${firstSeen})`;
  }
  if ((event.count ?? 0) > 1)
    return `${ageSince(event.lastTimestamp, clock)} (x${event.count ?? 0} over ${firstSeen})`;
  return firstSeen;
}
