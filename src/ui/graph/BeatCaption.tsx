/**
 * The line under the graph that says what the beat shown is: "beat 2 of 5 · binder · bound claim
 * data to pv-1". With reduced motion (or a round too big to play) the round is told at once, as a
 * short list. A polite live region, so screen readers hear each beat as it comes.
 */
import { Panel } from '@xyflow/react';
import { CommandButton } from '../commands/CommandButton';
import type { DirectorView, RoundTold } from './beat-director';
import './beats.css';

/** Lines of a round told at once; the narration panel has the rest. */
const TOLD_LINES = 4;

export function BeatCaption({ view }: { view: DirectorView }) {
  const { playing, told } = view;
  const idle = !playing && !told;
  return (
    <Panel position="bottom-center" className={idle ? 'beat-panel is-idle' : 'beat-panel'}>
      <div className="beat-caption" role="status" aria-live="polite" aria-label="Round beats">
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
