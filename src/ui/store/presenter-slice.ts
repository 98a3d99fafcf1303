/** Instructor mode: the overlay shown (key help, demo picker) and the demo being presented. */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type Overlay = 'help' | 'demos';

export interface DemoSession {
  readonly demoId: string;
  /** The pause point shown: 0 before the first step, k once step k has played. */
  readonly position: number;
  /** stepStarts[k]: the frame step k+1 began from, where "previous" goes back to. */
  readonly stepStarts: readonly number[];
  /** Intents are playing or the cluster is reconciling: next and previous wait. */
  readonly busy: boolean;
  /** A next or previous pressed while busy, played once the step has settled (one press kept). */
  readonly queued: 'next' | 'previous' | null;
  readonly problem: string | null;
  /** Playback was live before going back (which pauses): the next step plays live again. */
  readonly resumeLive: boolean;
}

export interface PresenterSlice {
  overlay: Overlay | null;
  demo: DemoSession | null;
  openOverlay: (overlay: Overlay) => void;
  closeOverlay: () => void;
  setDemo: (demo: DemoSession | null) => void;
  /** Changes the session in place; nothing when no demo runs. */
  updateDemo: (patch: Partial<DemoSession>) => void;
}

export const createPresenterSlice: StateCreator<AppState, [], [], PresenterSlice> = (set) => ({
  overlay: null,
  demo: null,
  openOverlay: (overlay) => set({ overlay }),
  closeOverlay: () => set({ overlay: null }),
  setDemo: (demo) => set({ demo }),
  updateDemo: (patch) => set((state) => (state.demo ? { demo: { ...state.demo, ...patch } } : {})),
});
