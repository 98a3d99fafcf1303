/** The reconcile loop under the presenter's hand: play, step, back, speed, reset. */
import { pause, play, resetCluster, setSpeed, stepRound } from '../engine/connection';
import { callHandle } from './handles';
import { travelBack } from '../timeline/time-travel';
import { SANDBOX_OPTIONS } from '../../engine';
import { lessonById } from '../lesson/lesson-actions';
import type { AppState } from '../store';
import type { Command } from './types';

/** Rounds per second the speed control offers. */
export const SPEEDS: readonly number[] = [0.5, 1, 2, 4, 8];

const ready = (state: AppState) => state.engineStatus === 'ready';

export function fasterSpeed(speed: number): number | undefined {
  return SPEEDS.find((candidate) => candidate > speed);
}

export function slowerSpeed(speed: number): number | undefined {
  return SPEEDS.findLast((candidate) => candidate < speed);
}

export const PLAYBACK_COMMANDS: readonly Command[] = [
  {
    id: 'playPause',
    label: 'Play / pause',
    group: 'Playback',
    shortcuts: [{ key: ' ' }, { key: 'k' }],
    enabled: ready,
    active: (state) => state.playback.playing,
    buttonLabel: (state) => (state.playback.playing ? 'Pause' : 'Play'),
    run: (state) => (state.playback.playing ? pause() : play()),
  },
  {
    id: 'step',
    label: 'Step forward one round',
    shortLabel: 'Step',
    group: 'Playback',
    shortcuts: [{ key: 'ArrowRight' }, { key: '.' }],
    enabled: (state) => ready(state) && !(state.playback.playing && !state.playback.settled),
    repeatable: true,
    run: () => stepRound(),
  },
  {
    id: 'skipBeats',
    label: 'Skip to the end of the round',
    shortLabel: 'Skip',
    group: 'Playback',
    shortcuts: [{ key: 's' }],
    // Only while the graph plays a round beat by beat.
    enabled: (state) => state.beatShown !== null,
    run: () => callHandle('skipBeats'),
  },
  {
    id: 'stepBack',
    label: 'Step back one frame',
    shortLabel: 'Back',
    group: 'Playback',
    shortcuts: [{ key: 'ArrowLeft' }, { key: ',' }],
    enabled: (state) => ready(state) && state.timelinePosition.seq > 0,
    repeatable: true,
    run: () => travelBack(),
  },
  {
    id: 'slower',
    label: 'Slower',
    group: 'Playback',
    shortcuts: [{ key: '[' }],
    enabled: (state) => ready(state) && slowerSpeed(state.playback.speed) !== undefined,
    run: (state) => setSpeed(slowerSpeed(state.playback.speed) ?? state.playback.speed),
  },
  {
    id: 'faster',
    label: 'Faster',
    group: 'Playback',
    shortcuts: [{ key: ']' }],
    enabled: (state) => ready(state) && fasterSpeed(state.playback.speed) !== undefined,
    run: (state) => setSpeed(fasterSpeed(state.playback.speed) ?? state.playback.speed),
  },
  {
    id: 'reset',
    label: 'Reset the cluster',
    shortLabel: 'Reset',
    group: 'Playback',
    shortcuts: [{ key: 'r', shift: true }],
    enabled: ready,
    run: (state) => {
      // A demo cannot go on from a cluster it did not make.
      if (state.demo) state.setDemo(null);
      // A fresh cluster of the open lesson's kind, else the sandbox (not whatever a demo used last).
      return resetCluster(lessonById(state.lessonId)?.cluster ?? SANDBOX_OPTIONS);
    },
  },
];
