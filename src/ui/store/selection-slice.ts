/** What the user selected in the graph, and what a narration line highlights. */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface SelectionSlice {
  /** Graph id of the selected element (see graph/ids.ts), or null. */
  selectedId: string | null;
  /** Graph ids to highlight (the objects of a clicked narration line). */
  highlightedIds: readonly string[];
  select: (id: string | null) => void;
  highlight: (ids: readonly string[]) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedId: null,
  highlightedIds: [],
  select: (selectedId) => set({ selectedId }),
  highlight: (highlightedIds) => set({ highlightedIds }),
});
