/**
 * Turns a sequence of graph models into what to animate: nodes and edges that appeared in this
 * frame, statuses that changed (a pulse), and those that vanished, kept briefly as fading ghosts.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Ghosts } from './ghosts';
import { NO_GHOSTS, ghostsAfterFrame, nextExpiry, withoutExpired } from './ghosts';
import type { GraphEdgeModel, GraphModel, GraphNodeModel } from './model';

export const EXIT_MS = 550;
/** The removal timer fires this long after the earliest expiry, so that ghost is surely due. */
const TIMER_SLACK_MS = 20;

export interface GraphTransitions {
  readonly entering: ReadonlySet<string>;
  readonly pulses: ReadonlyMap<string, number>;
  readonly ghostNodes: readonly GraphNodeModel[];
  readonly ghostEdges: readonly GraphEdgeModel[];
}

export function useGraphTransitions(model: GraphModel): GraphTransitions {
  const previous = useRef<GraphModel | null>(null);
  const pulseCounts = useRef(new Map<string, number>());
  const [ghosts, setGhosts] = useState<Ghosts<GraphNodeModel, GraphEdgeModel>>(NO_GHOSTS);

  const result = useMemo(() => {
    const before = previous.current;
    const entering = new Set<string>();
    const vanishedNodes: GraphNodeModel[] = [];
    const vanishedEdges: GraphEdgeModel[] = [];
    const presentNodeIds = new Set(model.nodes.map((item) => item.id));
    const presentEdgeIds = new Set(model.edges.map((item) => item.id));
    if (before) {
      const oldNodes = new Map(before.nodes.map((item) => [item.id, item]));
      const oldEdges = new Set(before.edges.map((item) => item.id));
      for (const item of model.nodes) {
        const old = oldNodes.get(item.id);
        if (!old) entering.add(item.id);
        else if (
          old.status !== item.status ||
          old.files !== item.files ||
          old.facts.join('|') !== item.facts.join('|')
        ) {
          // A status, the files held or a fact (restarts, capacity) changed: the card pulses.
          pulseCounts.current.set(item.id, (pulseCounts.current.get(item.id) ?? 0) + 1);
        }
      }
      for (const item of model.edges) if (!oldEdges.has(item.id)) entering.add(item.id);
      for (const item of before.nodes) if (!presentNodeIds.has(item.id)) vanishedNodes.push(item);
      for (const item of before.edges) if (!presentEdgeIds.has(item.id)) vanishedEdges.push(item);
    }
    previous.current = model;
    return {
      entering,
      vanishedNodes,
      vanishedEdges,
      presentNodeIds,
      presentEdgeIds,
      pulses: new Map(pulseCounts.current),
    };
  }, [model]);

  // Each frame adds what vanished and drops what expired or came back (no update when neither).
  useEffect(() => {
    setGhosts((current) => ghostsAfterFrame(current, result, performance.now(), EXIT_MS));
  }, [result]);

  // One timer for the earliest expiry, set again whenever the ghosts change. Frames that change
  // nothing about the ghosts leave it running, so ghosts leave on time however frames arrive.
  useEffect(() => {
    const due = nextExpiry(ghosts);
    if (due === undefined) return;
    const timer = setTimeout(
      () =>
        setGhosts((current) => {
          const remaining = withoutExpired(current, performance.now());
          // Nothing due after all (a timer a hair early): a new object sets the timer again.
          return remaining === current ? { ...current } : remaining;
        }),
      Math.max(0, due - performance.now()) + TIMER_SLACK_MS,
    );
    return () => clearTimeout(timer);
  }, [ghosts]);

  return {
    entering: result.entering,
    pulses: result.pulses,
    // A ghost whose id came back (deleted and recreated) is dropped at once, before the effect runs.
    ghostNodes: ghosts.nodes
      .filter((ghost) => !result.presentNodeIds.has(ghost.item.id))
      .map((ghost) => ghost.item),
    ghostEdges: ghosts.edges
      .filter((ghost) => !result.presentEdgeIds.has(ghost.item.id))
      .map((ghost) => ghost.item),
  };
}
