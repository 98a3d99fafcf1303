/**
 * The header's Workspace menu: share the story as a link, export or import the workspace as a
 * file, draw a real cluster from its kubectl output, and take the story to a real cluster
 * (replay.sh and manifests.yaml, made by the worker).
 */
import { useEffect, useRef, useState } from 'react';
import { engineClient } from '../engine/connection';
import { useAppStore } from '../store';
import { ClusterImportDialog } from './ClusterImportDialog';
import { encodeShareLink } from './share-link';
import { captureWorkspace } from './workspace-actions';
import { downloadText, workspaceFileName, workspaceFileText } from './workspace-file';
import { importWorkspaceFile } from './workspace-flows';
import './workspace.css';

interface ActionStatus {
  readonly kind: 'done' | 'problem';
  readonly text: string;
}

async function shareLink(): Promise<{ url?: string; status: ActionStatus }> {
  const workspace = await captureWorkspace();
  if (workspace.cluster?.kind !== 'timeline')
    return { status: { kind: 'problem', text: 'There is no story to share yet.' } };
  const encoded = await encodeShareLink(
    { log: workspace.cluster.log, seq: workspace.cluster.seq, editorText: workspace.editorText },
    window.location.href,
  );
  if (!encoded.ok) return { status: { kind: 'problem', text: `No link: ${encoded.reason}.` } };
  try {
    await navigator.clipboard.writeText(encoded.value);
    return {
      url: encoded.value,
      status: { kind: 'done', text: 'Link copied. Anyone who opens it sees this frame.' },
    };
  } catch {
    // The clipboard may be refused (permissions, an insecure page): the link is shown to copy.
    return { url: encoded.value, status: { kind: 'done', text: 'Copy the link below.' } };
  }
}

export function WorkspaceMenu() {
  const [open, setOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const ready = useAppStore((store) => store.engineStatus === 'ready');

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointer = (event: PointerEvent) => {
      if (menu.current && !menu.current.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const run = (action: () => Promise<ActionStatus | null>) => () => {
    setStatus(null);
    void action().then(setStatus, (error: unknown) =>
      setStatus({
        kind: 'problem',
        text: `That did not work: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
  };

  const copyLink = run(async () => {
    const result = await shareLink();
    setLink(result.url ?? null);
    return result.status;
  });

  const exportFile = run(async () => {
    const workspace = await captureWorkspace();
    const name = workspaceFileName(new Date());
    downloadText(name, workspaceFileText(workspace), 'application/json');
    return { kind: 'done', text: `Saved ${name}.` };
  });

  // Made in the worker, which has the engine and its YAML code: the page's first chunk stays lean.
  const exportScript = run(async () => {
    const { script } = await (await engineClient()).realClusterFiles();
    downloadText('replay.sh', script, 'text/x-shellscript');
    return { kind: 'done', text: 'Saved replay.sh: run it with bash against a kind or minikube cluster.' };
  });

  const exportManifests = run(async () => {
    const { manifests } = await (await engineClient()).realClusterFiles();
    downloadText('manifests.yaml', manifests, 'application/yaml');
    return { kind: 'done', text: 'Saved manifests.yaml.' };
  });

  return (
    <div className="workspace-menu" ref={menu}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="workspace-menu-panel"
        onClick={() => setOpen((value) => !value)}
        disabled={!ready}
      >
        Workspace
      </button>
      {open && (
        <div
          id="workspace-menu-panel"
          className="workspace-menu__panel"
          role="group"
          aria-label="Workspace actions"
        >
          <p className="workspace-menu__heading">Share</p>
          <button type="button" onClick={copyLink}>
            Copy share link
          </button>
          {link && (
            <label className="workspace-menu__link">
              Share link
              <input readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
            </label>
          )}
          <p className="workspace-menu__heading">This workspace</p>
          <button type="button" onClick={exportFile}>
            Export workspace file
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import workspace file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Workspace file to import"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (!file) return;
              setOpen(false);
              void importWorkspaceFile(file);
            }}
          />
          <p className="workspace-menu__heading">Real clusters</p>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              setImporting(true);
            }}
          >
            Import from a cluster…
          </button>
          <button type="button" onClick={exportScript}>
            Download replay.sh
          </button>
          <button type="button" onClick={exportManifests}>
            Download manifests.yaml
          </button>
          {status && (
            <p
              className={`workspace-menu__status is-${status.kind}`}
              role={status.kind === 'problem' ? 'alert' : 'status'}
              aria-label="Workspace action"
            >
              {status.text}
            </p>
          )}
        </div>
      )}
      {importing && <ClusterImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
