/**
 * "Import from a cluster": paste what kubectl printed, and the sandbox starts afresh with that
 * cluster's nodes and storage objects (the story so far stays on the timeline). The result and
 * every warning are shown as plain text.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ObjectRef } from '../../engine';
import { engineClient } from '../engine/connection';
import { useAppStore } from '../store';

type Outcome =
  | { readonly ok: true; readonly summary: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const COMMAND = 'kubectl get pv,pvc,sc,pods -A -o yaml';

function summarize(objects: readonly ObjectRef[], nodes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const ref of objects) counts.set(ref.kind, (counts.get(ref.kind) ?? 0) + 1);
  const kinds = [...counts].map(
    ([kind, count]) => `${count} ${kind}${count === 1 ? '' : kind.endsWith('s') ? 'es' : 's'}`,
  );
  const onNodes = nodes.length > 0 ? ` The sandbox now has the cluster's nodes: ${nodes.join(', ')}.` : '';
  return `Imported ${kinds.join(', ')}.${onNodes}`;
}

export function ClusterImportDialog({ onClose }: { readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [includeSystemPods, setIncludeSystemPods] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const importText = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await (await engineClient()).importCluster(text, { includeSystemPods });
      if (result.ok && result.branched) useAppStore.getState().noteBranch(result.branched);
      setOutcome(
        result.ok
          ? { ok: true, summary: summarize(result.objects, result.nodes), warnings: result.warnings }
          : { ok: false, reason: result.reason },
      );
    } finally {
      setBusy(false);
    }
  };

  const fillExample = async () => {
    const example = await import('../../engine/interop/fixtures/kind-cluster.yaml?raw');
    setText(example.default);
  };

  return (
    <dialog ref={dialog} className="cluster-import nokey" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Import from a cluster</h2>
      <p>
        Paste what <code>{COMMAND}</code> prints. The sandbox starts afresh with that cluster&apos;s nodes and
        its volumes, claims, classes and pods; the story so far stays on the timeline.
      </p>
      <label className="cluster-import__field">
        kubectl output
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={14}
          spellCheck={false}
          placeholder={`apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: PersistentVolume\n  …\nkind: List`}
        />
      </label>
      <label className="cluster-import__option">
        <input
          type="checkbox"
          checked={includeSystemPods}
          onChange={(event) => setIncludeSystemPods(event.target.checked)}
        />
        Include the pods in kube-system (the cluster&apos;s own components)
      </label>
      <div className="cluster-import__actions">
        <button type="button" onClick={() => void fillExample()}>
          Use an example
        </button>
        <button
          type="button"
          className="apply-button"
          disabled={busy || !text.trim()}
          onClick={() => void importText()}
        >
          Import
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      {outcome?.ok === false && (
        <p role="alert" aria-label="Import result" className="cluster-import__refusal">
          Nothing was imported: {outcome.reason}.
        </p>
      )}
      {outcome?.ok && (
        <div role="status" aria-label="Import result">
          <p>{outcome.summary}</p>
          {outcome.warnings.length > 0 && (
            <>
              <p>What the simulator does differently:</p>
              <ul aria-label="Import warnings" className="cluster-import__warnings">
                {outcome.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </dialog>
  );
}
