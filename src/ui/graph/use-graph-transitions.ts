/**
 * Turns a sequence of graph models into what to animate: nodes and edges that appeared in this
 * frame, statuses that changed (a pulse), and those that vanished, kept briefly as fading ghosts.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GraphEdgeModel, GraphModel, GraphNodeModel } from './model';

export const EXIT_MS = 550;

export interface Ghost<T> {
  readonly item: T;
  readonly until: number;
}

export interface GraphTransitions {
  readonly entering: ReadonlySet<string>;
  readonly pulses: ReadonlyMap<string, number>;
  readonly ghostNodes: readonly GraphNodeModel[];
  readonly ghostEdges: readonly GraphEdgeModel[];
}

export function useGraphTransitions(model: GraphModel): GraphTransitions {
  const previous = useRef<GraphModel | null>(null);
  const pulseCounts = useRef(new Map<string, number>());
  const [ghosts, setGhosts] = useState<{ nodes: Ghost<GraphNodeModel>[]; edges: Ghost<GraphEdgeModel>[] }>({
    nodes: [],
    edges: [],
  });

  const result = useMemo(() => {
    const before = previous.current;
    const entering = new Set<string>();
    const vanishedNodes: GraphNodeModel[] = [];
    const vanishedEdges: GraphEdgeModel[] = [];
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
      const nowNodes = new Set(model.nodes.map((item) => item.id));
      const nowEdges = new Set(model.edges.map((item) => item.id));
      for (const item of before.nodes) if (!nowNodes.has(item.id)) vanishedNodes.push(item);
      for (const item of before.edges) if (!nowEdges.has(item.id)) vanishedEdges.push(item);
    }
    previous.current = model;
    return { entering, vanishedNodes, vanishedEdges, pulses: new Map(pulseCounts.current) };
  }, [model]);

  useEffect(() => {
    if (result.vanishedNodes.length === 0 && result.vanishedEdges.length === 0) return;
    const until = performance.now() + EXIT_MS;
    setGhosts((current) => ({
      nodes: [...current.nodes, ...result.vanishedNodes.map((item) => ({ item, until }))],
      edges: [...current.edges, ...result.vanishedEdges.map((item) => ({ item, until }))],
    }));
    const timer = setTimeout(() => {
      const now = performance.now();
      setGhosts((current) => ({
        nodes: current.nodes.filter((ghost) => ghost.until > now),
        edges: current.edges.filter((ghost) => ghost.until > now),
      }));
    }, EXIT_MS + 20);
    return () => clearTimeout(timer);
  }, [result]);

  const present = useMemo(() => new Set(model.nodes.map((item) => item.id)), [model]);
  return {
    entering: result.entering,
    pulses: result.pulses,
    // A ghost whose id came back (deleted and recreated) is dropped at once.
    ghostNodes: ghosts.nodes.filter((ghost) => !present.has(ghost.item.id)).map((ghost) => ghost.item),
    ghostEdges: ghosts.edges.map((ghost) => ghost.item),
  };
}
