/** Every moment worth going back to (what you did, kubectl lines, events), each a jump to its frame. */
import { useMemo, useState } from 'react';
import type { TimelineEntry } from '../../worker/protocol';
import type { MomentKind } from './timeline-entries';
import { momentsOf } from './timeline-entries';
import { travelTo } from './time-travel';

/** Moments shown at first (the newest); a stress cluster makes thousands of events. */
const PAGE = 150;

const KIND_TITLES: Readonly<Record<MomentKind, string>> = {
  intent: 'you',
  kubectl: 'kubectl',
  event: 'event',
  warning: 'warning',
};

export function MomentsList({ entries, current }: { entries: readonly TimelineEntry[]; current: number }) {
  const moments = useMemo(() => momentsOf(entries), [entries]);
  const [shown, setShown] = useState(PAGE);
  const visible = moments.slice(Math.max(0, moments.length - shown));
  return (
    <details className="moments">
      <summary>Moments ({moments.length})</summary>
      <div className="moments__panel">
        <p className="moments__legend">
          Marks on the bar: <span className="moments__swatch is-intent" /> you{' '}
          <span className="moments__swatch is-kubectl" /> kubectl{' '}
          <span className="moments__swatch is-warning" /> warning
        </p>
        {moments.length > visible.length && (
          <button type="button" className="moments__more" onClick={() => setShown(shown + PAGE)}>
            Show earlier moments ({moments.length - visible.length} more)
          </button>
        )}
        {moments.length === 0 ? (
          <p className="panel-empty">Nothing has happened yet.</p>
        ) : (
          <ol className="moments__list" aria-label="Moments">
            {visible.map((moment, index) => (
              <li key={`${moment.seq}-${index}`}>
                <button
                  type="button"
                  className={`moments__item is-${moment.kind}`}
                  aria-current={moment.seq === current ? 'step' : undefined}
                  onClick={() => travelTo(moment.seq)}
                >
                  <span className="moments__round">Round {moment.round}:</span>{' '}
                  <span className="moments__kind">{KIND_TITLES[moment.kind]}</span> {moment.text}
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
