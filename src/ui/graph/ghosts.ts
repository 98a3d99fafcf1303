/**
 * The bookkeeping of fading cards and edges ("ghosts"): what vanished from the graph stays drawn,
 * fading, until its own expiry time, whatever the frames do meanwhile. Pure: time is passed in.
 */

export interface Ghost<T> {
  readonly item: T;
  /** When it is removed (a `performance.now()` time). */
  readonly until: number;
}

export interface Ghosts<N, E> {
  readonly nodes: readonly Ghost<N>[];
  readonly edges: readonly Ghost<E>[];
}

export const NO_GHOSTS: Ghosts<never, never> = { nodes: [], edges: [] };

interface Identified {
  readonly id: string;
}

/** What one frame changed, as the ghosts see it. */
export interface GhostFrame<N, E> {
  readonly vanishedNodes: readonly N[];
  readonly vanishedEdges: readonly E[];
  /** Ids drawn live in this frame: a ghost with one of them came back to life and goes at once. */
  readonly presentNodeIds: ReadonlySet<string>;
  readonly presentEdgeIds: ReadonlySet<string>;
}

/**
 * The ghosts after a frame at `now`: expired and revived ones dropped, what vanished added with
 * expiry `now + fadeMs` (replacing an older ghost of the same id). The same object when nothing
 * changed, so a state holding it is not updated for nothing.
 */
export function ghostsAfterFrame<N extends Identified, E extends Identified>(
  ghosts: Ghosts<N, E>,
  frame: GhostFrame<N, E>,
  now: number,
  fadeMs: number,
): Ghosts<N, E> {
  const until = now + fadeMs;
  const nodes = merge(ghosts.nodes, frame.vanishedNodes, frame.presentNodeIds, now, until);
  const edges = merge(ghosts.edges, frame.vanishedEdges, frame.presentEdgeIds, now, until);
  return nodes === ghosts.nodes && edges === ghosts.edges ? ghosts : { nodes, edges };
}

/** The ghosts still fading at `now`; the same object when none has expired. */
export function withoutExpired<N, E>(ghosts: Ghosts<N, E>, now: number): Ghosts<N, E> {
  const nodes = keep(ghosts.nodes, (ghost) => ghost.until > now);
  const edges = keep(ghosts.edges, (ghost) => ghost.until > now);
  return nodes === ghosts.nodes && edges === ghosts.edges ? ghosts : { nodes, edges };
}

/** When the next ghost is due to go, or undefined when there is none. */
export function nextExpiry<N, E>(ghosts: Ghosts<N, E>): number | undefined {
  const times = [...ghosts.nodes, ...ghosts.edges].map((ghost) => ghost.until);
  return times.length === 0 ? undefined : Math.min(...times);
}

function merge<T extends Identified>(
  current: readonly Ghost<T>[],
  vanished: readonly T[],
  presentIds: ReadonlySet<string>,
  now: number,
  until: number,
): readonly Ghost<T>[] {
  const fresh = new Set(vanished.map((item) => item.id));
  const kept = keep(
    current,
    (ghost) => ghost.until > now && !presentIds.has(ghost.item.id) && !fresh.has(ghost.item.id),
  );
  return vanished.length === 0 ? kept : [...kept, ...vanished.map((item) => ({ item, until }))];
}

/** `list` filtered, or `list` itself when every entry stays. */
function keep<T>(list: readonly T[], stays: (entry: T) => boolean): readonly T[] {
  const kept = list.filter(stays);
  return kept.length === list.length ? list : kept;
}
