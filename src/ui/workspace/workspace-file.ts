/**
 * A workspace as a file to keep or send: JSON with a marker saying which app wrote it. Reading one
 * is bounded in size and checked like a save; a refusal names what is wrong and where.
 */
import type { Workspace } from './workspace-format';
import { parseWorkspace } from './workspace-format';

export const WORKSPACE_FILE_APP = 'kube-storage-visualized';
export const MAX_WORKSPACE_FILE_BYTES = 8 * 1024 * 1024;

export function workspaceFileName(savedAt: Date): string {
  const stamp = savedAt.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `kube-storage-workspace-${stamp}.json`;
}

export function workspaceFileText(workspace: Workspace): string {
  return `${JSON.stringify({ app: WORKSPACE_FILE_APP, ...workspace }, null, 1)}\n`;
}

/** Why a file is too large to read, checked before reading it; undefined when it is not. */
export function fileTooLarge(name: string, size: number): string | undefined {
  return size > MAX_WORKSPACE_FILE_BYTES
    ? `${name} cannot be imported: it is ${Math.ceil(size / 1024)} KB; workspace files are at most ${MAX_WORKSPACE_FILE_BYTES / 1024 / 1024} MB`
    : undefined;
}

/** The workspace in a file's text, or a refusal naming the file and what is wrong. */
export function readWorkspaceFile(name: string, size: number, text: string): Workspace | string {
  const prefix = `${name} cannot be imported:`;
  const tooLarge = fileTooLarge(name, Math.max(size, text.length));
  if (tooLarge) return tooLarge;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = error instanceof SyntaxError ? ` (${error.message})` : '';
    return `${prefix} it is not valid JSON${where}`;
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as Record<string, unknown>)['app'] !== WORKSPACE_FILE_APP
  )
    return `${prefix} it is not a workspace exported by this app`;
  const workspace = parseWorkspace(value);
  return typeof workspace === 'string' ? `${prefix} ${workspace}` : workspace;
}

/** Offers text as a download (nothing leaves the machine). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is not needed any more.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
