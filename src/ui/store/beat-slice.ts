/** The beat the graph is telling now, so the narration and the timeline strip can follow it. */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface BeatProgress {
  /** The frame whose changes are being told (it may be behind the newest one for a moment). */
  readonly seq: number;
  /** From 0. */
  readonly index: number;
  readonly count: number;
  /** The frame's changes this beat tells, by index. */
  readonly changeIndexes: readonly number[];
  readonly actor: string;
  readonly caption: string;
}

export interface BeatSlice {
  /** Null while no round is being played beat by beat. */
  beatShown: BeatProgress | null;
  setBeatShown: (beat: BeatProgress | null) => void;
}

export const createBeatSlice: StateCreator<AppState, [], [], BeatSlice> = (set) => ({
  beatShown: null,
  setBeatShown: (beatShown) => set({ beatShown }),
});
