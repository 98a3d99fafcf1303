/** The manifest text, and the outcome of the last apply (an engine refusal shows in the editor). */
import type { StateCreator } from 'zustand';
import type { ApiError } from '../../engine';
import type { AppState } from './index';

export interface ApplyOutcome {
  readonly ok: boolean;
  readonly message: string;
  readonly error?: ApiError;
}

export interface EditorSlice {
  editorText: string;
  applyOutcome: ApplyOutcome | null;
  /** An apply is with the engine (a big paste can take a moment). */
  applying: boolean;
  setApplying: (applying: boolean) => void;
  setEditorText: (text: string) => void;
  setApplyOutcome: (outcome: ApplyOutcome | null) => void;
}

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set) => ({
  editorText: '',
  applyOutcome: null,
  applying: false,
  setApplying: (applying) => set({ applying }),
  setEditorText: (editorText) => set({ editorText }),
  setApplyOutcome: (applyOutcome) => set({ applyOutcome }),
});
