/**
 * What a workspace holds, versioned, and the check every workspace read back must pass (from this
 * browser's storage or from a file). Version 2 keeps the cluster as the story that made it (the
 * replay log and the frame shown), so a restore replays to the same frame with its whole history;
 * when that story is too long to keep, a snapshot of the shown frame stands in. Version 1 saves
 * (a snapshot only) are read and migrated.
 */
import type { Progress } from '../lesson/progress';
import { isProgress } from '../lesson/progress';
import type { ReplayLog } from '../../worker/replay-log';
import { replayLogProblem } from '../../worker/replay-log';
import type { SavedPrefs } from './saved-prefs';
import { readPrefs } from './saved-prefs';

export const WORKSPACE_VERSION = 2;
/** The editor holds manifests, not data sets: beyond this a workspace is refused. */
export const MAX_EDITOR_TEXT = 2 * 1024 * 1024;

export type SavedCluster =
  /** The story: replaying `log` rebuilds every frame; `seq` is the one that was shown. */
  | { readonly kind: 'timeline'; readonly log: ReplayLog; readonly seq: number }
  /** The shown frame's ClusterState only (checked by the engine before it is used). */
  | { readonly kind: 'state'; readonly state: unknown };

export interface LessonPosition {
  readonly id: string;
  readonly stepIndex: number;
}

export interface Workspace {
  readonly version: typeof WORKSPACE_VERSION;
  readonly savedAt: string;
  readonly editorText: string;
  readonly lesson: LessonPosition | null;
  readonly prefs: SavedPrefs;
  /** Lesson steps completed; merged into (never replacing) what this browser already has. */
  readonly progress: Progress;
  /** null: nothing was kept of the cluster (the sandbox is left as it is). */
  readonly cluster: SavedCluster | null;
}

type Problem = string;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lessonProblem(value: unknown): LessonPosition | null | Problem {
  if (value === null || value === undefined) return null;
  if (
    !isRecord(value) ||
    typeof value['id'] !== 'string' ||
    !Number.isInteger(value['stepIndex']) ||
    (value['stepIndex'] as number) < 0
  )
    return 'the lesson position is unreadable';
  return { id: value['id'], stepIndex: value['stepIndex'] as number };
}

function clusterProblem(value: unknown): SavedCluster | null | Problem {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) return 'cluster is not an object';
  if (value['kind'] === 'state') return { kind: 'state', state: value['state'] };
  if (value['kind'] !== 'timeline') return 'cluster.kind is neither timeline nor state';
  const log = replayLogProblem(value['log']);
  if (typeof log === 'string') return `cluster.log: ${log}`;
  const seq = value['seq'];
  if (!Number.isInteger(seq) || (seq as number) < 0) return 'cluster.seq is not a frame number';
  return { kind: 'timeline', log, seq: seq as number };
}

/** Version 1 kept a state snapshot under `cluster`, and no preferences. */
function fromVersion1(record: Record<string, unknown>): Record<string, unknown> {
  const state = record['cluster'];
  return {
    ...record,
    version: WORKSPACE_VERSION,
    prefs: {},
    progress: {},
    cluster: state === null || state === undefined ? null : { kind: 'state', state },
  };
}

/** The workspace in an untrusted value (migrated from an older version), or what is wrong with it. */
export function parseWorkspace(value: unknown): Workspace | Problem {
  if (!isRecord(value)) return 'it is not an object';
  const record = value['version'] === 1 ? fromVersion1(value) : value;
  if (record['version'] !== WORKSPACE_VERSION)
    return `it has version ${String(record['version'])}; this app reads versions 1 and ${WORKSPACE_VERSION}`;
  const editorText = record['editorText'];
  if (typeof editorText !== 'string') return 'it has no editor text';
  if (editorText.length > MAX_EDITOR_TEXT)
    return `its editor text is ${Math.round(editorText.length / 1024)} KB; at most ${MAX_EDITOR_TEXT / 1024 / 1024} MB is read`;
  const lesson = lessonProblem(record['lesson']);
  if (typeof lesson === 'string') return lesson;
  const cluster = clusterProblem(record['cluster']);
  if (typeof cluster === 'string') return cluster;
  const progress = record['progress'] ?? {};
  if (!isProgress(progress)) return 'the lesson progress is unreadable';
  const savedAt = typeof record['savedAt'] === 'string' ? record['savedAt'] : '';
  return {
    version: WORKSPACE_VERSION,
    savedAt,
    editorText,
    lesson,
    prefs: readPrefs(record['prefs']),
    progress,
    cluster,
  };
}

/** Parses JSON text first; the reason says what is wrong without repeating the text. */
export function parseWorkspaceText(text: string): Workspace | Problem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  return parseWorkspace(value);
}

/** A workspace with nothing in it worth keeping: no story, no text, no lesson. */
export function isEmptyWorkspace(workspace: Workspace): boolean {
  const cluster = workspace.cluster;
  const noStory = cluster === null || (cluster.kind === 'timeline' && cluster.log.moves.length === 0);
  return noStory && workspace.editorText.trim() === '' && workspace.lesson === null;
}
