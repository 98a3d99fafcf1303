/**
 * The line under the graph that says what the beat shown is: "beat 2 of 5 · binder · bound claim
 * data to pv-1". With reduced motion (or a round too big to play) the round is told at once, as a
 * short list. A polite live region, so screen readers hear each beat as it comes.
 */
import { Panel } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { CommandButton } from '../commands/CommandButton';
import type { DirectorView, RoundTold } from './beat-director';
import type { CaptionSide, Obstacle } from './caption-side';
import { quieterSide } from './caption-side';
import './beats.css';

/** Lines of a round told at once; the narration panel has the rest. */
const TOLD_LINES = 4;
/** The view refits (300 ms) when a beat adds or removes cards: look where they are after that. */
const AFTER_FIT_MS = 450;
/** The chip rests on the bottom edge of each card of the beat's path, at its right: keep that in view. */
const CHIP_WIDTH = 110;
const CHIP_HALF_HEIGHT = 14;
const CHIP_WEIGHT = 8;

/** Cards on screen, and where the beat's chip passes, as obstacles for the caption. */
function obstaclesIn(pane: Element, path: readonly string[]): Obstacle[] {
  const cards: Obstacle[] = [];
  for (const card of pane.querySelectorAll<HTMLElement>('.react-flow__node-resource')) {
    const box = card.getBoundingClientRect();
    cards.push(box);
    if (!path.includes(card.dataset['id'] ?? '')) continue;
    cards.push({
      left: box.right - CHIP_WIDTH,
      right: box.right + CHIP_WIDTH / 4,
      top: box.bottom - CHIP_HALF_HEIGHT,
      bottom: box.bottom + CHIP_HALF_HEIGHT,
      weight: CHIP_WEIGHT,
    });
  }
  return cards;
}

export function BeatCaption({ view }: { view: DirectorView }) {
  const { playing, told } = view;
  const idle = !playing && !told;
  const panel = useRef<HTMLDivElement>(null);
  const [side, setSide] = useState<CaptionSide>('bottom');

  // Under the graph unless that covers cards the top would not: measured once a beat, not per frame.
  useEffect(() => {
    if (idle) return;
    const timer = window.setTimeout(() => {
      const element = panel.current;
      const pane = element?.closest('.react-flow');
      if (!element || !pane) return;
      const obstacles = obstaclesIn(pane, view.playing?.beat.path ?? []);
      setSide(quieterSide(element.getBoundingClientRect(), pane.getBoundingClientRect(), obstacles));
    }, AFTER_FIT_MS);
    return () => window.clearTimeout(timer);
  }, [view, idle]);

  return (
    <Panel
      ref={panel}
      position={side === 'bottom' ? 'bottom-center' : 'top-left'}
      className={`beat-panel is-${side}${idle ? ' is-idle' : ''}`}
    >
      <div
        className={told && !playing ? 'beat-caption is-told' : 'beat-caption'}
        role="status"
        aria-live="polite"
        aria-label="Round beats"
      >
        {playing ? (
          <>
            <span className="beat-caption__count">
              beat {playing.index + 1} of {playing.count}
            </span>
            {/* Read aloud (and as text) "beat 2 of 5, binder: bound claim …". */}
            <span className="visually-hidden">, </span>
            <span className="beat-caption__actor">{playing.beat.actor}</span>
            <span className="visually-hidden">: </span>
            <span className="beat-caption__text">{playing.beat.caption}</span>
          </>
        ) : (
          told && <ToldRound told={told} />
        )}
      </div>
      {playing && <CommandButton id="skipBeats" className="beat-caption__skip" />}
    </Panel>
  );
}

function ToldRound({ told }: { told: RoundTold }) {
  const shown = told.beats.slice(-TOLD_LINES);
  const more = told.beats.length - shown.length;
  return (
    <>
      <span className="beat-caption__count">
        {told.beats.length} {told.beats.length === 1 ? 'beat' : 'beats'} this round
        {more > 0 ? `, the last ${shown.length}:` : ':'}
      </span>
      <ol className="beat-caption__list">
        {shown.map((beat, index) => (
          <li key={index}>
            <span className="beat-caption__actor">{beat.actor}</span>
            <span className="visually-hidden">: </span>
            <span className="beat-caption__text">{beat.caption}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
