/** Kubernetes Events, like `kubectl get events`: type, reason, object, message, count. */
import { ageSince } from '../../engine';
import { EventJumpButton } from '../timeline/EventJumpButton';
import { useAppStore } from '../store';

export function EventsPanel() {
  const state = useAppStore((store) => store.frame?.state);
  if (!state) return null;
  const events = Object.values(state.objects.Event).sort((a, b) =>
    (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''),
  );
  if (events.length === 0) return <p className="panel-empty">No events yet.</p>;
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
        {events.map((event) => (
          <tr
            key={`${event.metadata?.namespace}/${event.metadata?.name}`}
            className={event.type === 'Warning' ? 'is-warning' : ''}
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
        ))}
      </tbody>
    </table>
  );
}
