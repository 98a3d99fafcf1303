/**
 * Kubernetes Events, like `kubectl get events`: type, reason, object, message, count. The events
 * a card's warning mark pointed at are marked (aria-current) and scrolled into view.
 */
import { useEffect, useRef } from 'react';
import { ageSince } from '../../engine';
import { EventJumpButton } from '../timeline/EventJumpButton';
import { useAppStore } from '../store';

export function EventsPanel() {
  const state = useAppStore((store) => store.frame?.state);
  const focusedKeys = useAppStore((store) => store.focusedEventKeys);
  const firstFocused = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    firstFocused.current?.scrollIntoView({ block: 'nearest' });
  }, [focusedKeys]);
  if (!state) return null;
  const events = Object.values(state.objects.Event).sort((a, b) =>
    (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''),
  );
  if (events.length === 0) return <p className="panel-empty">No events yet.</p>;
  const focused = new Set(focusedKeys);
  // The newest of the focused events comes first in the table; it is the one scrolled to.
  let scrollTargetTaken = false;
  return (
    <table className="events-table" aria-label="Events">
      <thead>
        <tr>
          <th scope="col">Last seen</th>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          <th scope="col">Object</th>
          <th scope="col">Message</th>
          <th scope="col">Count</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const key = `${event.metadata?.namespace}/${event.metadata?.name}`;
          const isFocused = focused.has(key);
          const scrollTarget = isFocused && !scrollTargetTaken;
          if (scrollTarget) scrollTargetTaken = true;
          return (
            <tr
              key={key}
              ref={scrollTarget ? firstFocused : undefined}
              aria-current={isFocused ? 'true' : undefined}
              className={[event.type === 'Warning' ? 'is-warning' : '', isFocused ? 'is-focused' : '']
                .filter(Boolean)
                .join(' ')}
            >
              <td>{ageSince(event.lastTimestamp, state.clock)}</td>
              <td>{event.type}</td>
              <td>{event.reason}</td>
              <td>{`${(event.involvedObject.kind ?? '').toLowerCase()}/${event.involvedObject.name ?? ''}`}</td>
              <td>{event.message}</td>
              <td>{event.count ?? 1}</td>
              <td>
                <EventJumpButton
                  namespace={event.metadata?.namespace ?? ''}
                  name={event.metadata?.name ?? ''}
                  description={`${event.reason ?? 'the event'} on ${(event.involvedObject.kind ?? '').toLowerCase()}/${event.involvedObject.name ?? ''}`}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
