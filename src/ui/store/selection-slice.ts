/** What the user selected in the graph, what a narration line highlights, the events a warning mark points at. */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface SelectionSlice {
  /** Graph id of the selected element (see graph/ids.ts), or null. */
  selectedId: string | null;
  /** Graph ids to highlight (the objects of a clicked narration line). */
  highlightedIds: readonly string[];
  select: (id: string | null) => void;
  highlight: (ids: readonly string[]) => void;
  /** Events (`namespace/name`) a warning mark pointed at: the events panel marks and shows them. */
  focusedEventKeys: readonly string[];
  focusEvents: (keys: readonly string[]) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedId: null,
  highlightedIds: [],
  select: (selectedId) => set({ selectedId }),
  highlight: (highlightedIds) => set({ highlightedIds }),
  focusedEventKeys: [],
  focusEvents: (focusedEventKeys) => set({ focusedEventKeys }),
});
