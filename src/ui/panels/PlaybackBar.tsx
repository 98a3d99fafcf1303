/**
 * The reconcile loop under the user's hand (play/pause, back, step, speed, reset) and instructor
 * mode (demos, presenter view, keys). Buttons come from the command registry, which also feeds the
 * keyboard and the help overlay, so a button, its key and its help line can never disagree.
 */
import { CommandButton, SPEEDS, commandById, shortcutLabel } from '../commands';
import { setSpeed } from '../engine/connection';
import { useAppStore } from '../store';

const SPEED_KEYS = [commandById('slower'), commandById('faster')]
  .flatMap((command) => command.shortcuts.map(shortcutLabel))
  .join(' ');

export function PlaybackBar() {
  const playback = useAppStore((store) => store.playback);
  const round = useAppStore((store) => store.frame?.state.round ?? 0);
  return (
    <div className="playback-bar" role="toolbar" aria-label="Playback">
      <CommandButton id="playPause" />
      <CommandButton id="stepBack" />
      <CommandButton id="step" />
      <label className="speed-control" title={`Slower or faster (${SPEED_KEYS})`}>
        <span className="speed-control__text">Speed</span>
        <select
          value={playback.speed}
          onChange={(event) => void setSpeed(Number(event.target.value))}
          aria-label="Rounds per second"
          aria-keyshortcuts={SPEED_KEYS}
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed} round{speed === 1 ? '' : 's'}/s
            </option>
          ))}
        </select>
      </label>
      <CommandButton id="reset" />
      <span className="playback-bar__divider" aria-hidden="true" />
      <CommandButton id="chooseDemo" />
      <CommandButton id="presenterView" />
      <CommandButton id="help" />
      <span className="round-counter" aria-live="polite">
        Round {round}
        {playback.settled ? ' · settled' : ' · reconciling…'}
      </span>
    </div>
  );
}
