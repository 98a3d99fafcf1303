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
  /** The card's two lines as drawn, cut to what fits on the card. */
  readonly statusLine: string;
  readonly nameLine: string;
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

/** Cards sit in a box from (0, 0) to (width, height) with SKETCH_MARGIN all round: the viewBox. */
export interface GoalSketch {
  readonly nodes: readonly SketchNode[];
  readonly edges: readonly SketchEdge[];
  readonly width: number;
  readonly height: number;
}

export const SKETCH_CARD = { width: CARD_WIDTH, height: CARD_HEIGHT } as const;
/** Room around the outermost cards, so their borders are not cut by the picture's edge. */
export const SKETCH_MARGIN = 12;
/** Space left and right of a card's text. */
export const SKETCH_TEXT_INSET = 10;
/**
 * How many characters fit on a card's 130 units of text (the graph's card, less the insets):
 * names are 16-unit monospace (about 0.6em a character, 12 and an ellipsis fit), the status line
 * 13-unit bold sans (about 0.58em on average; the picture also clips each card, for the rare
 * wide line).
 */
export const NAME_CHARS = 13;
export const STATUS_CHARS = 17;

/** `text`, or its first `max - 1` characters and an ellipsis. */
export function cutToFit(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The sketch of `goal`, compared with `now`. Machines (nodes) are left out: they never change here. */
export function sketchGoal(now: ClusterState, goal: ClusterState): GoalSketch {
  const before = new Map(buildGraphModel(now).nodes.map((node) => [node.id, node.status]));
  const model = withoutMachines(buildGraphModel(goal));
  const { positions } = placeNodes(model, new LayoutMemory());
  // The layout leaves room for machines above and for empty lanes to the left: the sketch starts
  // at its top-left card instead.
  const placed = model.nodes.flatMap((node) => positions.get(node.id) ?? []);
  const left = (placed.length === 0 ? 0 : Math.min(...placed.map((position) => position.x))) - SKETCH_MARGIN;
  const top = (placed.length === 0 ? 0 : Math.min(...placed.map((position) => position.y))) - SKETCH_MARGIN;
  const nodes: SketchNode[] = model.nodes.flatMap((node) => {
    const position = positions.get(node.id);
    if (!position) return [];
    const previous = before.get(node.id);
    return [
      {
        id: node.id,
        x: position.x - left,
        y: position.y - top,
        kindLabel: node.kindLabel,
        name: node.name,
        status: node.status,
        statusLine: cutToFit(`${node.kindLabel} · ${node.status}`, STATUS_CHARS),
        nameLine: cutToFit(node.name, NAME_CHARS),
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
  const width = Math.max(CARD_WIDTH, ...nodes.map((node) => node.x + CARD_WIDTH)) + SKETCH_MARGIN;
  const height = Math.max(CARD_HEIGHT, ...nodes.map((node) => node.y + CARD_HEIGHT)) + SKETCH_MARGIN;
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
