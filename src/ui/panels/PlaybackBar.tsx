/** Play/pause, one round at a time, speed, reset: the reconcile loop under the user's hand. */
import { useAppStore } from '../store';
import { pause, play, resetCluster, setSpeed, stepRound } from '../engine/connection';

const SPEEDS = [0.5, 1, 2, 4, 8];

export function PlaybackBar() {
  const playback = useAppStore((store) => store.playback);
  const round = useAppStore((store) => store.frame?.state.round ?? 0);
  return (
    <div className="playback-bar" role="toolbar" aria-label="Playback">
      <button
        type="button"
        onClick={() => void (playback.playing ? pause() : play())}
        aria-pressed={playback.playing}
      >
        {playback.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => void stepRound()} disabled={playback.playing && !playback.settled}>
        Step
      </button>
      <label className="speed-control">
        Speed
        <select
          value={playback.speed}
          onChange={(event) => void setSpeed(Number(event.target.value))}
          aria-label="Rounds per second"
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed} round{speed === 1 ? '' : 's'}/s
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void resetCluster()}>
        Reset
      </button>
      <span className="round-counter" aria-live="polite">
        Round {round}
        {playback.settled ? ' · settled' : ' · reconciling…'}
      </span>
    </div>
  );
}
