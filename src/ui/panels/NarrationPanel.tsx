/**
 * Why: the changes of the latest frames in plain words, newest first, each with the controller
 * and the rule behind it. Clicking a line highlights the objects it involves in the graph.
 */
import { useState } from 'react';
import type { Change } from '../../engine';
import type { Frame } from '../../worker/protocol';
import { objectNodeId } from '../graph/ids';
import { useAppStore } from '../store';

const ACTOR_NAMES: Readonly<Record<string, string>> = {
  user: 'you',
  'kube-apiserver': 'API server',
  'persistentvolume-controller': 'PV controller',
  'csi-provisioner': 'provisioner',
  'pvc-protection-controller': 'PVC protection',
  'pv-protection-controller': 'PV protection',
  'default-scheduler': 'scheduler',
  'attachdetach-controller': 'attach/detach controller',
  'csi-attacher': 'attacher',
  kubelet: 'kubelet',
  'volume-expand-controller': 'expand controller',
  'external-resizer': 'resizer',
  'namespace-controller': 'namespace controller',
  'pod-garbage-collector': 'pod GC',
};

function idsOf(change: Change): string[] {
  return [change.object, ...(change.related ?? [])]
    .filter((ref) => ref !== undefined)
    .map((ref) => objectNodeId(ref));
}

interface NarrationLine {
  readonly change: Change;
  readonly ids: readonly string[];
  /** Where its changes sit in the frame, to follow the beat the graph is telling. */
  readonly indexes: readonly number[];
}

/** One write per object: a bind writes claim and volume with one sentence, shown once. */
function mergeRepeats(changes: readonly Change[]): NarrationLine[] {
  const lines: NarrationLine[] = [];
  changes.forEach((change, index) => {
    if (change.repeat) return;
    const last = lines.at(-1);
    if (last && last.change.message === change.message && last.change.actor === change.actor) {
      lines[lines.length - 1] = {
        change: last.change,
        ids: [...new Set([...last.ids, ...idsOf(change)])],
        indexes: [...last.indexes, index],
      };
    } else {
      lines.push({ change, ids: idsOf(change), indexes: [index] });
    }
  });
  return lines;
}

function titleOf(frame: Frame): string {
  switch (frame.cause.kind) {
    case 'round':
      return `Round ${frame.state.round}`;
    case 'intent':
      return `You: ${frame.cause.summary}`;
    case 'kubectl':
      return `$ ${frame.cause.line}`;
    case 'start':
      return 'A fresh cluster';
    case 'restore':
      return frame.cause.summary;
  }
}

/** Lines shown per frame before "show all": a stress apply makes hundreds. */
const LINES_PER_FRAME = 30;
/** Frames shown, newest first. */
const FRAMES_SHOWN = 12;

export function NarrationPanel() {
  const frames = useAppStore((store) => store.narratedFrames);
  const latest = useAppStore((store) => store.frame);
  if (!latest) return <p className="panel-empty">Starting the simulated cluster…</p>;
  const newestFirst = [...frames].reverse().slice(0, FRAMES_SHOWN);
  return (
    <section className="narration" aria-label="What happened and why">
      <p className="narration__state" role="status">
        {latest.settled
          ? 'The cluster has settled: nothing more happens until you change something.'
          : 'Reconciling…'}
      </p>
      {newestFirst.map((frame) => (
        <FrameNarration key={frame.seq} frame={frame} />
      ))}
    </section>
  );
}

function FrameNarration({ frame }: { frame: Frame }) {
  const highlight = useAppStore((store) => store.highlight);
  const highlighted = useAppStore((store) => store.highlightedIds);
  const beat = useAppStore((store) => (store.beatShown?.seq === frame.seq ? store.beatShown : null));
  const [showAll, setShowAll] = useState(false);
  const allLines = mergeRepeats(frame.changes);
  const lines = showAll ? allLines : allLines.slice(0, LINES_PER_FRAME);
  return (
    <article className="narration__frame" aria-label={titleOf(frame)}>
      <h3>{titleOf(frame)}</h3>
      {lines.length === 0 ? (
        <p className="panel-empty">No changes.</p>
      ) : (
        <ol className="narration__list">
          {lines.map(({ change, ids, indexes }, index) => {
            const active = ids.length > 0 && ids.every((id) => highlighted.includes(id));
            // The change the graph is telling now, beat by beat.
            const current = beat !== null && indexes.some((at) => beat.changeIndexes.includes(at));
            return (
              <li key={`${frame.seq}-${index}`} aria-current={current ? 'step' : undefined}>
                <button
                  type="button"
                  className={`narration__line ${active ? 'is-active' : ''} ${current ? 'is-beat' : ''}`}
                  aria-pressed={active}
                  onClick={() => highlight(active ? [] : ids)}
                >
                  <span className="narration__actor">
                    {ACTOR_NAMES[change.actor] ?? change.actor}
                    {change.on ? ` (${change.on})` : ''}
                  </span>
                  {change.rule && <span className="narration__rule">{change.rule}</span>}
                  <span className="narration__message">{change.message}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {allLines.length > lines.length && (
        <button type="button" className="narration__more" onClick={() => setShowAll(true)}>
          Show all {allLines.length} changes
        </button>
      )}
    </article>
  );
}
