/** Playback as the worker reports it: playing or paused, rounds per second, settled. */
import type { StateCreator } from 'zustand';
import type { PlaybackState } from '../../worker/protocol';
import type { AppState } from './index';

export interface PlaybackSlice {
  playback: PlaybackState;
  setPlayback: (playback: PlaybackState) => void;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set) => ({
  playback: { playing: true, speed: 2, settled: true },
  setPlayback: (playback) => set({ playback }),
});
