/** After a change made in the past: where the timeline branched and how much of it was dropped. */
import type { TimelineEntry } from '../../worker/protocol';
import { useAppStore } from '../store';

export function BranchNotice({ entries }: { entries: readonly TimelineEntry[] }) {
  const branch = useAppStore((store) => store.lastBranch);
  const dismiss = useAppStore((store) => store.noteBranch);
  if (!branch) return null;
  const round = entries[branch.fromSeq]?.round;
  return (
    <div className="timeline__branch" role="status" aria-label="Timeline branched">
      <p>
        You changed the past: the timeline now continues from {round === undefined ? '' : `round ${round}, `}
        frame {branch.fromSeq}. {branch.dropped} later frame
        {branch.dropped === 1 ? ' was' : 's were'} dropped.
      </p>
      <button type="button" onClick={() => dismiss(null)}>
        Dismiss
      </button>
    </div>
  );
}
