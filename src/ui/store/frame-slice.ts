/** The latest frame from the engine worker, and whether the worker is there at all. */
import type { StateCreator } from 'zustand';
import type { Branch, Frame, TimelinePosition } from '../../worker/protocol';
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
  /** Where the shown frame sits in the engine's timeline. */
  timelinePosition: TimelinePosition;
  /** The last time an intent from the past dropped later frames, to say so on screen. */
  lastBranch: Branch | null;
  engineStatus: EngineStatus;
  engineError: string | null;
  /** Something the user should know about the engine (it was restarted), until dismissed. */
  engineNotice: string | null;
  setEngineNotice: (notice: string | null) => void;
  receiveFrame: (frame: Frame, position?: TimelinePosition) => void;
  noteBranch: (branch: Branch | null) => void;
  /** A replayed timeline replaces the story so far. */
  forgetNarration: () => void;
  /** After a jump in the timeline: the story told again from the frames that led to the shown one. */
  retellNarration: (frames: readonly Frame[]) => void;
  setEngineStatus: (status: EngineStatus, error?: string) => void;
}

export const createFrameSlice: StateCreator<AppState, [], [], FrameSlice> = (set) => ({
  frame: null,
  framesSeen: 0,
  narratedFrames: [],
  timelinePosition: { seq: 0, head: 0 },
  lastBranch: null,
  engineStatus: 'starting',
  engineError: null,
  engineNotice: null,
  setEngineNotice: (engineNotice) => set({ engineNotice }),
  noteBranch: (lastBranch) => set({ lastBranch }),
  receiveFrame: (frame, position) =>
    set((state) => ({
      frame,
      timelinePosition: position ?? {
        seq: frame.seq,
        head: Math.max(frame.seq, state.timelinePosition.head),
      },
      framesSeen: state.framesSeen + 1,
      narratedFrames: narrate(
        // Going back in the timeline: what came after this frame has not happened yet.
        state.narratedFrames.filter((earlier) => earlier.seq < frame.seq),
        frame,
      ),
    })),
  forgetNarration: () => set({ narratedFrames: [] }),
  retellNarration: (frames) => set({ narratedFrames: frames.reduce(narrate, []) }),
  setEngineStatus: (engineStatus, error) => set({ engineStatus, engineError: error ?? null }),
});

function narrate(history: readonly Frame[], frame: Frame): readonly Frame[] {
  const cause = frame.cause;
  if (
    cause.kind === 'start' ||
    cause.kind === 'restore' ||
    (cause.kind === 'intent' && cause.intent === 'reset')
  )
    return [frame];
  if (cause.kind === 'round' && frame.changes.every((change) => change.repeat)) return history;
  return [...history, frame].slice(-NARRATED_FRAMES);
}
