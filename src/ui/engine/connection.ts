/**
 * The page's one connection to the engine worker. Frames flow into the store; components call
 * the actions below, which send intents and record what came back.
 */
import type { ClusterOptions, ObjectRef } from '../../engine';
import { startEngine } from './supervisor';
import type { Intent } from '../../worker/protocol';
import { useAppStore } from '../store';

export { startEngine } from './supervisor';

async function client() {
  return (await startEngine()).client;
}

/** The worker client, for features (lessons) that call the protocol directly. */
export const engineClient = client;

export async function engineSchema(): Promise<object> {
  return (await startEngine()).info.schema;
}

/** Applies the editor's manifests; a refusal is kept so the editor can mark the line. */
export async function applyEditorText(): Promise<void> {
  const store = useAppStore.getState();
  if (store.applying) return;
  store.setApplying(true);
  const result = await (
    await client()
  )
    .dispatch({ type: 'apply', text: store.editorText })
    .finally(() => useAppStore.getState().setApplying(false));
  if (result.ok && result.branched) store.noteBranch(result.branched);
  store.setApplyOutcome(
    result.ok
      ? { ok: true, message: result.summary }
      : { ok: false, message: result.error.message, error: result.error },
  );
}

export async function dispatchIntent(intent: Intent): Promise<string> {
  const result = await (await client()).dispatch(intent);
  if (result.ok && result.branched) useAppStore.getState().noteBranch(result.branched);
  return result.ok ? result.summary : `${result.error.kind}: ${result.error.message}`;
}

/** Shows the cluster as it was at frame `seq` (pauses playback). */
export async function seekFrame(seq: number): Promise<void> {
  await (await client()).seek(seq);
  useAppStore.getState().setPlayback(await (await client()).playback());
}

export async function deleteObject(ref: ObjectRef): Promise<string> {
  return dispatchIntent({ type: 'delete', ref });
}

export async function stepRound(): Promise<void> {
  await (await client()).step();
}

export async function play(): Promise<void> {
  useAppStore.getState().setPlayback(await (await client()).play());
}

export async function pause(): Promise<void> {
  useAppStore.getState().setPlayback(await (await client()).pause());
}

export async function setSpeed(roundsPerSecond: number): Promise<void> {
  useAppStore.getState().setPlayback(await (await client()).setSpeed(roundsPerSecond));
}

export async function resetCluster(options?: ClusterOptions): Promise<void> {
  await (await client()).dispatch({ type: 'reset', ...(options ? { options } : {}) });
  useAppStore.getState().setApplyOutcome(null);
}

export async function runKubectlLine(line: string): Promise<void> {
  const store = useAppStore.getState();
  const output = await (await client()).kubectl(line, store.editorText);
  if (output.branched) useAppStore.getState().noteBranch(output.branched);
  useAppStore.getState().addTerminalEntry({ line, stdout: output.stdout, stderr: output.stderr });
}

export async function explainClaim(namespace: string, name: string) {
  return (await client()).explainClaim(namespace, name);
}

/** A read-only kubectl line for the inspector (not recorded in the terminal). */
export async function kubectlText(line: string): Promise<string> {
  const output = await (await client()).kubectl(line, '');
  return output.exitCode === 0 ? output.stdout : output.stderr;
}
