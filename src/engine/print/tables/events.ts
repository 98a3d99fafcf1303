/** `kubectl get events` (printEvent), plus the times both get and describe read from an Event. */
import type { Event } from '../../model/types';
import { nameOf } from '../../model/object-helpers';
import { secondsOf } from '../../sim/ids';
import { ageSince } from '../age';
import type { TableDefinition } from './table';

/** When the event was first seen: firstTimestamp, or eventTime for events.k8s.io-style events. */
export function eventFirstSeen(event: Event): string | undefined {
  return event.firstTimestamp || event.eventTime || undefined;
}

/** When it was last seen: the series' last observation, lastTimestamp, or first seen. */
export function eventLastSeen(event: Event): string | undefined {
  return event.series?.lastObservedTime || event.lastTimestamp || eventFirstSeen(event);
}

/** Singleton events of the new API carry no count: they happened once. */
export function eventCount(event: Event): number {
  return event.series?.count ?? (event.count || 1);
}

/** Oldest first, as the event sorter orders them (stable, so ties keep list order). */
export function sortEventsByLastSeen(events: readonly Event[]): Event[] {
  return [...events].sort((a, b) => secondsOf(eventLastSeen(a)) - secondsOf(eventLastSeen(b)));
}

export const EVENT_TABLE: TableDefinition<'Event'> = {
  // Oldest first, as `--sort-by=.lastTimestamp` lists them: the story reads top to bottom.
  order: sortEventsByLastSeen,
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', wide: true },
    { name: 'Source', wide: true },
    { name: 'Message' },
    { name: 'First Seen', wide: true },
    { name: 'Count', wide: true },
    { name: 'Name', wide: true },
  ],
  row: (event, { clock }) => {
    const involved = event.involvedObject;
    const kind = (involved.kind ?? '').toLowerCase();
    return [
      ageSince(eventLastSeen(event), clock),
      event.type ?? '',
      event.reason ?? '',
      involved.name ? `${kind}/${involved.name}` : kind,
      involved.fieldPath ?? '',
      eventSource(event),
      (event.message ?? '').trim(),
      ageSince(eventFirstSeen(event), clock),
      String(eventCount(event)),
      nameOf(event),
    ];
  },
};

/** "component, host", falling back to the reporting controller and instance of newer events. */
function eventSource(event: Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const instance = event.source?.host || event.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}
