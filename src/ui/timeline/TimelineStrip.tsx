/**
 * The timeline under the header: back, forward and back to live, a scrubber over every frame with
 * markers for what you did and for warnings, the moments to jump to, and plain words about where
 * you are (the past, or the branch your last change made).
 */
import { useEffect } from 'react';
import { useAppStore } from '../store';
import { BranchNotice } from './BranchNotice';
import { MomentsList } from './MomentsList';
import { Scrubber } from './Scrubber';
import { backToLive, travelBack, travelForward, useTravelTarget } from './time-travel';
import { syncTimeline, useTimelineStore } from './timeline-store';
import './timeline.css';

export function TimelineStrip() {
  const position = useAppStore((store) => store.timelinePosition);
  const round = useAppStore((store) => store.frame?.state.round ?? 0);
  const ready = useAppStore((store) => store.engineStatus === 'ready');
  const entries = useTimelineStore((store) => store.entries);
  const target = useTravelTarget((store) => store.target);
  const beat = useAppStore((store) => store.beatShown);

  // Every frame may bring entries (new rounds) or replace some (a branch): fetch what is missing.
  useEffect(() => {
    if (!ready) return;
    syncTimeline();
    return useAppStore.subscribe((state, previous) => {
      if (state.frame !== previous.frame) syncTimeline();
    });
  }, [ready]);

  const { seq, head } = position;
  const inPast = seq < head;
  const headRound = entries[head]?.round ?? round;
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline__row">
        <button
          type="button"
          onClick={travelBack}
          disabled={(target ?? seq) === 0}
          aria-label="Back one frame"
        >
          ◀ Back
        </button>
        <button
          type="button"
          onClick={() => void travelForward()}
          disabled={!inPast}
          aria-label="Forward one frame"
        >
          Forward ▶
        </button>
        <Scrubber position={position} entries={entries} />
        <span className="timeline__where">
          Round {round} · frame {seq} of {head}
          {inPast ? '' : ' · live'}
          {beat && (
            // The graph tells a frame's round beat by beat (a moment behind the newest frame, at times).
            <span className="timeline__beat">
              {beat.seq === seq ? ' · ' : ` · telling frame ${beat.seq}: `}beat {beat.index + 1} of{' '}
              {beat.count}
            </span>
          )}
        </span>
        <button type="button" onClick={() => void backToLive()} disabled={!inPast}>
          Back to live
        </button>
        <MomentsList entries={entries} current={seq} />
      </div>
      {inPast && (
        <p className="timeline__past" role="status" aria-label="Looking at the past">
          Round {round} of {headRound} — the past. A change made here starts a new branch: later frames are
          dropped.
        </p>
      )}
      <BranchNotice entries={entries} />
    </section>
  );
}
