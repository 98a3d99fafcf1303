/** Preferences: motion, the side panel shown, and presenter view (chrome, type scale, theme). */
import type { StateCreator } from 'zustand';
import type { PaneLayout } from '../shell/pane-layout';
import type { AppState } from './index';

export type SidePanel = 'lesson' | 'narration' | 'events' | 'inspector' | 'terminal';

export type Theme = 'default' | 'high-contrast';
export const THEMES: readonly Theme[] = ['default', 'high-contrast'];
/** UI type, the editor and graph labels are scaled by this factor together. */
export const UI_SCALE_MIN = 1;
export const UI_SCALE_MAX = 2.5;

export function clampScale(scale: number): number {
  return Number.isFinite(scale) ? Math.min(UI_SCALE_MAX, Math.max(UI_SCALE_MIN, scale)) : UI_SCALE_MIN;
}

export interface PrefsSlice {
  /** null: follow the system's prefers-reduced-motion. */
  reducedMotion: boolean | null;
  sidePanel: SidePanel;
  setReducedMotion: (value: boolean | null) => void;
  showPanel: (panel: SidePanel) => void;
  /** Presenter view: header, editor and side panels hidden; the graph takes the screen. */
  chromeHidden: boolean;
  uiScale: number;
  theme: Theme;
  setChromeHidden: (hidden: boolean) => void;
  /** Clamped to UI_SCALE_MIN..UI_SCALE_MAX. */
  setUiScale: (scale: number) => void;
  setTheme: (theme: Theme) => void;
  /** null until the user resizes or collapses a pane: the window's width decides. */
  paneLayout: PaneLayout | null;
  setPaneLayout: (layout: PaneLayout) => void;
}

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  reducedMotion: null,
  sidePanel: 'narration',
  setReducedMotion: (reducedMotion) => set({ reducedMotion }),
  showPanel: (sidePanel) => set({ sidePanel }),
  chromeHidden: false,
  uiScale: 1,
  theme: 'default',
  setChromeHidden: (chromeHidden) => set({ chromeHidden }),
  setUiScale: (scale) => set({ uiScale: clampScale(scale) }),
  setTheme: (theme) => set({ theme }),
  paneLayout: null,
  setPaneLayout: (paneLayout) => set({ paneLayout }),
});
