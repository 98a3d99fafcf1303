/** The kubectl terminal: what was typed, what came back, and the command history. */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface TerminalEntry {
  readonly id: number;
  readonly line: string;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TerminalSlice {
  terminalEntries: readonly TerminalEntry[];
  commandHistory: readonly string[];
  addTerminalEntry: (entry: Omit<TerminalEntry, 'id'>) => void;
  clearTerminal: () => void;
}

const MAX_ENTRIES = 200;

export const createTerminalSlice: StateCreator<AppState, [], [], TerminalSlice> = (set) => ({
  terminalEntries: [],
  commandHistory: [],
  addTerminalEntry: (entry) =>
    set((state) => ({
      terminalEntries: [
        ...state.terminalEntries,
        { ...entry, id: (state.terminalEntries.at(-1)?.id ?? 0) + 1 },
      ].slice(-MAX_ENTRIES),
      commandHistory: entry.line.trim()
        ? [...state.commandHistory.filter((line) => line !== entry.line), entry.line].slice(-MAX_ENTRIES)
        : state.commandHistory,
    })),
  clearTerminal: () => set({ terminalEntries: [] }),
});
