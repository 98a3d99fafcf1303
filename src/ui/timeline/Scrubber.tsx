/** A range over every frame (keyboard: arrows, Page Up/Down, Home, End) with markers above it. */
import type { TimelineEntry, TimelinePosition } from '../../worker/protocol';
import { travelTo, useTravelTarget } from './time-travel';
import { markersOf } from './timeline-entries';

/** The range thumb's width in timeline.css: markers line up with the thumb's centre. */
const THUMB_PX = 14;

export function Scrubber({
  position,
  entries,
}: {
  position: TimelinePosition;
  entries: readonly TimelineEntry[];
}) {
  const target = useTravelTarget((store) => store.target);
  const value = Math.min(target ?? position.seq, position.head);
  const roundAt = (seq: number) => entries[seq]?.round;
  const round = roundAt(value);
  return (
    <div className="scrubber">
      <Markers entries={entries} head={position.head} />
      <input
        type="range"
        className="scrubber__range"
        min={0}
        max={position.head}
        step={1}
        value={value}
        aria-label="Timeline position"
        aria-valuetext={`${round === undefined ? '' : `Round ${round}, `}frame ${value} of ${position.head}`}
        onChange={(event) => travelTo(Number(event.target.value))}
      />
    </div>
  );
}

function Markers({ entries, head }: { entries: readonly TimelineEntry[]; head: number }) {
  if (head <= 0) return null;
  // The moments list offers the same jumps to keyboards and screen readers.
  return (
    <div className="scrubber__markers" aria-hidden="true">
      {markersOf(entries.slice(0, head + 1)).map((marker) => {
        const fraction = marker.seq / head;
        return (
          <span
            key={marker.seq}
            className={`scrubber__marker is-${marker.kind}`}
            style={{ left: `calc(${fraction * 100}% + ${(0.5 - fraction) * THUMB_PX}px)` }}
            title={marker.label}
          />
        );
      })}
    </div>
  );
}
