/**
 * The timeline entries the strip shows, kept in step with the worker a slice at a time: after
 * each frame the worker sends only the entries the strip is missing (or those a branch replaced).
 */
import { create } from 'zustand';
import type { TimelineEntry, TimelineSlice } from '../../worker/protocol';
import { engineClient } from '../engine/connection';
import { LatestOnly } from './latest-only';
import { mergeSlice } from './timeline-entries';

interface TimelineStore {
  readonly entries: readonly TimelineEntry[];
  readonly revision: number;
  take: (slice: TimelineSlice) => void;
}

export const useTimelineStore = create<TimelineStore>()((set) => ({
  entries: [],
  revision: 0,
  take: (slice) =>
    set((state) =>
      // An empty slice from where the strip already is changes nothing: keep the same list.
      slice.revision === state.revision && slice.entries.length === 0 && slice.from === state.entries.length
        ? state
        : { entries: mergeSlice(state.entries, slice), revision: slice.revision },
    ),
}));

const syncs = new LatestOnly<void>(async () => {
  const { entries, revision } = useTimelineStore.getState();
  const slice = await (await engineClient()).timelineSince(entries.length, revision);
  useTimelineStore.getState().take(slice);
});

/** Asks the worker for what the strip is missing (one request in flight, one waiting at most). */
export function syncTimeline(): void {
  syncs.request(undefined);
}
