/** The latest frame from the engine worker, and whether the worker is there at all. */
import type { StateCreator } from 'zustand';
import type { Frame } from '../../worker/protocol';
import type { AppState } from './index';

export type EngineStatus = 'starting' | 'ready' | 'failed';

export interface FrameSlice {
  frame: Frame | null;
  /** Frames received since the page loaded, so the UI can tell rounds apart. */
  framesSeen: number;
  engineStatus: EngineStatus;
  engineError: string | null;
  receiveFrame: (frame: Frame) => void;
  setEngineStatus: (status: EngineStatus, error?: string) => void;
}

export const createFrameSlice: StateCreator<AppState, [], [], FrameSlice> = (set) => ({
  frame: null,
  framesSeen: 0,
  engineStatus: 'starting',
  engineError: null,
  receiveFrame: (frame) => set((state) => ({ frame, framesSeen: state.framesSeen + 1 })),
  setEngineStatus: (engineStatus, error) => set({ engineStatus, engineError: error ?? null }),
});
