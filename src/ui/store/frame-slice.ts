/** The latest frame from the engine worker, and whether the worker is there at all. */
import type { StateCreator } from 'zustand';
import type { Frame } from '../../worker/protocol';
import type { AppState } from './index';

export type EngineStatus = 'starting' | 'ready' | 'failed';

/** Frames that changed something, newest last, for the narration history. */
const NARRATED_FRAMES = 40;

export interface FrameSlice {
  frame: Frame | null;
  /** Frames received since the page loaded, so the UI can tell rounds apart. */
  framesSeen: number;
  /** The latest frames that made changes (repeated events aside). */
  narratedFrames: readonly Frame[];
  engineStatus: EngineStatus;
  engineError: string | null;
  receiveFrame: (frame: Frame) => void;
  setEngineStatus: (status: EngineStatus, error?: string) => void;
}

export const createFrameSlice: StateCreator<AppState, [], [], FrameSlice> = (set) => ({
  frame: null,
  framesSeen: 0,
  narratedFrames: [],
  engineStatus: 'starting',
  engineError: null,
  receiveFrame: (frame) =>
    set((state) => ({
      frame,
      framesSeen: state.framesSeen + 1,
      narratedFrames:
        frame.cause.kind === 'start' || (frame.cause.kind === 'intent' && frame.cause.intent === 'reset')
          ? [frame]
          : frame.changes.some((change) => !change.repeat) || frame.cause.kind !== 'round'
            ? [...state.narratedFrames, frame].slice(-NARRATED_FRAMES)
            : state.narratedFrames,
    })),
  setEngineStatus: (engineStatus, error) => set({ engineStatus, engineError: error ?? null }),
});
