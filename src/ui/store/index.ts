/** The app's one zustand store, bound from small slices. The cluster arrives only as frames. */
import { create } from 'zustand';
import type { BeatSlice } from './beat-slice';
import { createBeatSlice } from './beat-slice';
import type { EditorSlice } from './editor-slice';
import { createEditorSlice } from './editor-slice';
import type { FrameSlice } from './frame-slice';
import type { LessonSlice } from './lesson-slice';
import { createLessonSlice } from './lesson-slice';
import { createFrameSlice } from './frame-slice';
import type { PlaybackSlice } from './playback-slice';
import { createPlaybackSlice } from './playback-slice';
import type { PrefsSlice } from './prefs-slice';
import { createPrefsSlice } from './prefs-slice';
import type { PresenterSlice } from './presenter-slice';
import { createPresenterSlice } from './presenter-slice';
import type { SelectionSlice } from './selection-slice';
import { createSelectionSlice } from './selection-slice';
import type { TerminalSlice } from './terminal-slice';
import { createTerminalSlice } from './terminal-slice';

export type AppState = FrameSlice &
  SelectionSlice &
  PlaybackSlice &
  EditorSlice &
  TerminalSlice &
  PrefsSlice &
  LessonSlice &
  PresenterSlice &
  BeatSlice;

export const createAppStore = () =>
  create<AppState>()((...args) => ({
    ...createFrameSlice(...args),
    ...createSelectionSlice(...args),
    ...createPlaybackSlice(...args),
    ...createEditorSlice(...args),
    ...createTerminalSlice(...args),
    ...createPrefsSlice(...args),
    ...createLessonSlice(...args),
    ...createPresenterSlice(...args),
    ...createBeatSlice(...args),
  }));

export const useAppStore = createAppStore();
