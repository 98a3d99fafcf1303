/** Preferences: motion, and the side panel shown. */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type SidePanel = 'lesson' | 'narration' | 'events' | 'inspector' | 'terminal';

export interface PrefsSlice {
  /** null: follow the system's prefers-reduced-motion. */
  reducedMotion: boolean | null;
  sidePanel: SidePanel;
  setReducedMotion: (value: boolean | null) => void;
  showPanel: (panel: SidePanel) => void;
}

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  reducedMotion: null,
  sidePanel: 'narration',
  setReducedMotion: (reducedMotion) => set({ reducedMotion }),
  showPanel: (sidePanel) => set({ sidePanel }),
});
