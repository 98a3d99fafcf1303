/**
 * The timeline as a story that can be told again: the moves (intents, kubectl lines, reconcile
 * rounds) that made every frame. The engine is deterministic, so replaying the moves from the same
 * start rebuilds the same frames, seq for seq. Share links and saved workspaces carry this log,
 * not the states, and anything read back is checked here before it touches the engine.
 */
import type { ClusterOptions, ClusterState } from '../engine';
import { intentProblem, isRecord } from './intent-shape';
import type { Frame, Intent } from './protocol';

export const REPLAY_LOG_VERSION = 1;

export type Move =
  | { readonly kind: 'intent'; readonly intent: Intent }
  | { readonly kind: 'kubectl'; readonly line: string; readonly editorText?: string }
  | { readonly kind: 'rounds'; readonly count: number }
  /** The timeline continued from a saved cluster state (only ever the first move). */
  | { readonly kind: 'restore'; readonly state: ClusterState };

export interface ReplayLog {
  readonly version: typeof REPLAY_LOG_VERSION;
  readonly options: ClusterOptions;
  readonly moves: readonly Move[];
}

/** The moves that made frames 1..last (frame 0 is the start). Consecutive rounds fold into one. */
export function movesOf(frames: readonly Frame[], last: number): Move[] {
  const moves: Move[] = [];
  for (const frame of frames.slice(1, last + 1)) {
    const cause = frame.cause;
    const previous = moves.at(-1);
    switch (cause.kind) {
      case 'round':
        if (previous?.kind === 'rounds')
          moves[moves.length - 1] = { kind: 'rounds', count: previous.count + 1 };
        else moves.push({ kind: 'rounds', count: 1 });
        break;
      case 'intent':
        moves.push({ kind: 'intent', intent: cause.request });
        break;
      case 'kubectl':
        moves.push(
          cause.editorText === undefined
            ? { kind: 'kubectl', line: cause.line }
            : { kind: 'kubectl', line: cause.line, editorText: cause.editorText },
        );
        break;
      case 'restore':
        moves.push({ kind: 'restore', state: frame.state });
        break;
      case 'start':
        break;
    }
  }
  return moves;
}

/** How many frames replaying the moves makes (besides the start frame). */
export function framesMadeBy(moves: readonly Move[]): number {
  return moves.reduce((total, move) => total + (move.kind === 'rounds' ? move.count : 1), 0);
}

/** kubectl reads the editor's text only for a line that names a file. */
export function readsFiles(line: string): boolean {
  return /(^|\s)(-f|--filename)(=|\s|$)/.test(line) || /(^|\s)-f\S/.test(line);
}

// ---- checking what comes from outside (links, files) ------------------------------------------

/** Beyond this many frames a log is refused: a link or file must not make the worker spin forever. */
export const MAX_REPLAY_FRAMES = 20_000;

type Problem = string;

function moveProblem(value: unknown, index: number): Problem | undefined {
  const where = `moves[${index}]`;
  if (!isRecord(value)) return `${where} is not an object`;
  switch (value['kind']) {
    case 'intent':
      return intentProblem(value['intent'], `${where}.intent`);
    case 'kubectl':
      if (typeof value['line'] !== 'string') return `${where}.line is not a string`;
      return value['editorText'] === undefined || typeof value['editorText'] === 'string'
        ? undefined
        : `${where}.editorText is not a string`;
    case 'rounds':
      return Number.isInteger(value['count']) && (value['count'] as number) > 0
        ? undefined
        : `${where}.count is not a positive whole number`;
    case 'restore':
      // The state itself is checked by the engine (stateProblem) when it is replayed.
      return index === 0 ? undefined : `${where}: a restore can only be the first move`;
    default:
      return `${where}.kind is not one of intent, kubectl, rounds, restore`;
  }
}

function optionsProblem(value: unknown): Problem | undefined {
  if (!isRecord(value)) return 'options is not an object';
  const nodes = value['nodes'];
  if (nodes !== undefined) {
    if (!Array.isArray(nodes) || nodes.length > 50) return 'options.nodes is not a list of up to 50 nodes';
    for (const [index, node] of nodes.entries()) {
      if (!isRecord(node) || typeof node['name'] !== 'string') return `options.nodes[${index}] has no name`;
      if (node['zone'] !== undefined && typeof node['zone'] !== 'string')
        return `options.nodes[${index}].zone is not a string`;
      const labels = node['labels'];
      if (
        labels !== undefined &&
        (!isRecord(labels) || Object.values(labels).some((v) => typeof v !== 'string'))
      )
        return `options.nodes[${index}].labels is not a map of strings`;
    }
  }
  const drivers = value['drivers'];
  if (
    drivers !== undefined &&
    (!Array.isArray(drivers) || drivers.some((driver) => typeof driver !== 'string'))
  )
    return 'options.drivers is not a list of driver names';
  if (value['defaultNamespace'] !== undefined && typeof value['defaultNamespace'] !== 'string')
    return 'options.defaultNamespace is not a string';
  return undefined;
}

/** The log, or why a value read from a link or file is not one. */
export function replayLogProblem(value: unknown): ReplayLog | Problem {
  if (!isRecord(value)) return 'the timeline is not an object';
  if (value['version'] !== REPLAY_LOG_VERSION)
    return `the timeline has version ${String(value['version'])}; this app replays version ${REPLAY_LOG_VERSION}`;
  const options = optionsProblem(value['options']);
  if (options) return options;
  const moves = value['moves'];
  if (!Array.isArray(moves)) return 'moves is not a list';
  for (const [index, move] of moves.entries()) {
    const problem = moveProblem(move, index);
    if (problem) return problem;
  }
  const frames = framesMadeBy(moves as Move[]);
  if (frames > MAX_REPLAY_FRAMES)
    return `the timeline has ${frames} frames; at most ${MAX_REPLAY_FRAMES} are replayed`;
  return value as unknown as ReplayLog;
}
