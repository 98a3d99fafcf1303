import { describe, expect, it } from 'vitest';
import type { GhostFrame, Ghosts } from './ghosts';
import { NO_GHOSTS, ghostsAfterFrame, nextExpiry, withoutExpired } from './ghosts';

interface Item {
  readonly id: string;
}

const FADE = 550;
const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));
const ids = (ghosts: Ghosts<Item, Item>) => ({
  nodes: ghosts.nodes.map((ghost) => ghost.item.id),
  edges: ghosts.edges.map((ghost) => ghost.item.id),
});

function frame(
  change: {
    vanishedNodes?: Item[];
    vanishedEdges?: Item[];
    present?: string[];
    presentEdges?: string[];
  } = {},
): GhostFrame<Item, Item> {
  return {
    vanishedNodes: change.vanishedNodes ?? [],
    vanishedEdges: change.vanishedEdges ?? [],
    presentNodeIds: new Set(change.present ?? []),
    presentEdgeIds: new Set(change.presentEdges ?? []),
  };
}

/**
 * What the hook does with time: frames at the given times, and a removal at every expiry due
 * (the timer, set for the earliest expiry whenever the ghosts change).
 */
function play(frames: ReadonlyMap<number, GhostFrame<Item, Item>>, end: number): Ghosts<Item, Item> {
  let ghosts: Ghosts<Item, Item> = NO_GHOSTS;
  for (let now = 0; now <= end; now += 1) {
    const arriving = frames.get(now);
    if (arriving) ghosts = ghostsAfterFrame(ghosts, arriving, now, FADE);
    const due = nextExpiry(ghosts);
    if (due !== undefined && now >= due + 20) ghosts = withoutExpired(ghosts, now);
  }
  return ghosts;
}

describe('ghost bookkeeping', () => {
  it('adds what vanished, each with its own expiry', () => {
    const first = ghostsAfterFrame(NO_GHOSTS, frame({ vanishedNodes: items('a', 'b') }), 100, FADE);
    const second = ghostsAfterFrame(first, frame({ vanishedEdges: items('a->b') }), 300, FADE);
    expect(ids(second)).toEqual({ nodes: ['a', 'b'], edges: ['a->b'] });
    expect(second.nodes.map((ghost) => ghost.until)).toEqual([650, 650]);
    expect(second.edges.map((ghost) => ghost.until)).toEqual([850]);
    expect(nextExpiry(second)).toBe(650);
    expect(nextExpiry(NO_GHOSTS)).toBeUndefined();
  });

  it('is the same object when a frame changes nothing, so the removal timer keeps running', () => {
    const ghosts = ghostsAfterFrame(NO_GHOSTS, frame({ vanishedNodes: items('a') }), 0, FADE);
    expect(ghostsAfterFrame(ghosts, frame({ present: ['b'] }), 100, FADE)).toBe(ghosts);
    expect(withoutExpired(ghosts, 549)).toBe(ghosts);
    expect(ghostsAfterFrame(NO_GHOSTS, frame(), 0, FADE)).toBe(NO_GHOSTS);
  });

  it('removes every ghost after its fade although frames keep arriving faster than the fade', () => {
    // Five cards vanish at once (a demo reset), then a frame every 100 ms for two seconds.
    const frames = new Map<number, GhostFrame<Item, Item>>([
      [0, frame({ vanishedNodes: items('d1', 'd2', 'd3', 'd4', 'd5'), vanishedEdges: items('d1->d2') })],
    ]);
    for (let now = 100; now <= 2000; now += 100) frames.set(now, frame({ present: ['pod'] }));
    expect(ids(play(frames, 540))).toEqual({ nodes: ['d1', 'd2', 'd3', 'd4', 'd5'], edges: ['d1->d2'] });
    expect(play(frames, 2000)).toEqual(NO_GHOSTS);
    expect(ids(play(frames, 600))).toEqual({ nodes: [], edges: [] });
  });

  it('removes each ghost at its own time when cards vanish in different frames', () => {
    const frames = new Map([
      [0, frame({ vanishedNodes: items('early') })],
      [400, frame({ vanishedNodes: items('late') })],
    ]);
    expect(ids(play(frames, 700)).nodes).toEqual(['late']);
    expect(ids(play(frames, 1000)).nodes).toEqual([]);
  });

  it('drops a ghost that comes back to life, and fades it anew when it vanishes again', () => {
    const gone = ghostsAfterFrame(NO_GHOSTS, frame({ vanishedNodes: items('a', 'b') }), 0, FADE);
    const back = ghostsAfterFrame(gone, frame({ present: ['a'] }), 100, FADE);
    expect(ids(back).nodes).toEqual(['b']);
    const goneAgain = ghostsAfterFrame(back, frame({ vanishedNodes: items('b') }), 200, FADE);
    expect(goneAgain.nodes).toEqual([{ item: { id: 'b' }, until: 750 }]);
    const edgeBack = ghostsAfterFrame(
      ghostsAfterFrame(NO_GHOSTS, frame({ vanishedEdges: items('a->b') }), 0, FADE),
      frame({ presentEdges: ['a->b'] }),
      50,
      FADE,
    );
    expect(edgeBack.edges).toEqual([]);
  });

  it('drops expired ghosts when the next frame comes, even without a timer', () => {
    const ghosts = ghostsAfterFrame(NO_GHOSTS, frame({ vanishedNodes: items('a') }), 0, FADE);
    const later = ghostsAfterFrame(ghosts, frame({ vanishedNodes: items('b') }), 600, FADE);
    expect(ids(later).nodes).toEqual(['b']);
  });
});
