/**
 * Why: every change of the current frame in plain words, with the controller and rule behind it.
 * Clicking a line highlights the objects it involves.
 */
import type { Change } from '../../engine';
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

export function NarrationPanel() {
  const frame = useAppStore((store) => store.frame);
  const highlight = useAppStore((store) => store.highlight);
  const highlighted = useAppStore((store) => store.highlightedIds);
  if (!frame) return <p className="panel-empty">Starting the simulated cluster…</p>;
  const title =
    frame.cause.kind === 'round'
      ? `Round ${frame.state.round}`
      : frame.cause.kind === 'intent'
        ? `You: ${frame.cause.summary}`
        : frame.cause.kind === 'kubectl'
          ? `$ ${frame.cause.line}`
          : 'A fresh cluster';
  const changes = frame.changes.filter((change) => !change.repeat);
  return (
    <section className="narration" aria-label="What happened and why">
      <h3>{title}</h3>
      {changes.length === 0 ? (
        <p className="panel-empty">
          {frame.settled ? 'Nothing changed: the cluster has settled.' : 'No changes in this frame.'}
        </p>
      ) : (
        <ol className="narration__list">
          {changes.map((change, index) => {
            const ids = idsOf(change);
            const active = ids.length > 0 && ids.every((id) => highlighted.includes(id));
            return (
              <li key={`${frame.seq}-${index}`}>
                <button
                  type="button"
                  className={`narration__line ${active ? 'is-active' : ''}`}
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
    </section>
  );
}
