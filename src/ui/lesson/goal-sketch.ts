/**
 * The faint "goal picture" of a lesson step: the graph as it will look once the step's solution
 * has played, drawn small. Objects that are new or change status on the way are marked, so the
 * learner sees where the step leads without being told how to get there.
 */
import type { ClusterState } from '../../engine';
import { buildGraphModel } from '../graph/model';
import type { GraphModel } from '../graph/model';
import { CARD_HEIGHT, CARD_WIDTH, LayoutMemory, placeNodes } from '../graph/layout';
import type { Tone } from '../graph/tones';

export type SketchChange = 'new' | 'changed' | 'same';

export interface SketchNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly kindLabel: string;
  readonly name: string;
  readonly status: string;
  readonly tone: Tone;
  readonly change: SketchChange;
  /** "PersistentVolumeClaim data, Bound". */
  readonly ariaLabel: string;
}

export interface SketchEdge {
  readonly id: string;
  readonly from: { readonly x: number; readonly y: number };
  readonly to: { readonly x: number; readonly y: number };
}

export interface GoalSketch {
  readonly nodes: readonly SketchNode[];
  readonly edges: readonly SketchEdge[];
  readonly width: number;
  readonly height: number;
}

export const SKETCH_CARD = { width: CARD_WIDTH, height: CARD_HEIGHT } as const;

/** The sketch of `goal`, compared with `now`. Machines (nodes) are left out: they never change here. */
export function sketchGoal(now: ClusterState, goal: ClusterState): GoalSketch {
  const before = new Map(buildGraphModel(now).nodes.map((node) => [node.id, node.status]));
  const model = withoutMachines(buildGraphModel(goal));
  const { positions } = placeNodes(model, new LayoutMemory());
  const top = Math.min(...[...positions.values()].map((position) => position.y), 0);
  const nodes: SketchNode[] = model.nodes.flatMap((node) => {
    const position = positions.get(node.id);
    if (!position) return [];
    const previous = before.get(node.id);
    return [
      {
        id: node.id,
        x: position.x,
        y: position.y - top,
        kindLabel: node.kindLabel,
        name: node.name,
        status: node.status,
        tone: node.tone,
        change: previous === undefined ? 'new' : previous === node.status ? 'same' : 'changed',
        ariaLabel: node.ariaLabel,
      },
    ];
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const edges: SketchEdge[] = model.edges.flatMap((edge) => {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) return [];
    const [left, right] = source.x <= target.x ? [source, target] : [target, source];
    return [
      {
        id: edge.id,
        from: { x: left.x + CARD_WIDTH, y: left.y + CARD_HEIGHT / 2 },
        to: { x: right.x, y: right.y + CARD_HEIGHT / 2 },
      },
    ];
  });
  const width = Math.max(CARD_WIDTH, ...nodes.map((node) => node.x + CARD_WIDTH));
  const height = Math.max(CARD_HEIGHT, ...nodes.map((node) => node.y + CARD_HEIGHT));
  return { nodes, edges, width, height };
}

function withoutMachines(model: GraphModel): GraphModel {
  const nodes = model.nodes.filter((node) => node.lane !== 'machines');
  const kept = new Set(nodes.map((node) => node.id));
  return {
    nodes,
    edges: model.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target)),
    zones: model.zones,
  };
}

/** What the picture shows, in words: the objects that appear or change. */
export function describeSketch(sketch: GoalSketch): string {
  const moving = sketch.nodes.filter((node) => node.change !== 'same');
  if (moving.length === 0) return 'Nothing new appears: the goal is about what the objects already there do.';
  return `When the goal is met: ${moving.map((node) => node.ariaLabel).join('; ')}.`;
}
