/** For the Events panel: go to the frame in which an event first happened. */
import { useState } from 'react';
import { travelToEvent } from './time-travel';

export function EventJumpButton({
  namespace,
  name,
  description,
}: {
  namespace: string;
  name: string;
  /** "ProvisioningFailed on persistentvolumeclaim/data", for the button's accessible name. */
  description: string;
}) {
  const [missing, setMissing] = useState(false);
  return (
    <button
      type="button"
      className="event-jump"
      aria-label={`Go to when ${description} first happened`}
      title={missing ? 'This event is not in the timeline' : 'Go to the frame where it first happened'}
      disabled={missing}
      onClick={() => void travelToEvent(namespace, name).then((found) => setMissing(!found))}
    >
      ⏮ First
    </button>
  );
}
