/**
 * Where a failure line runs. Cards sit in columns and rows with free gutters between them, and a
 * failure often joins cards that are not neighbours (a pod and the volume behind its claim), so
 * the line leaves the bottom of its source card, runs along the gutter under that card's row,
 * climbs the column gap beside its target and enters the target from the side. Its label sits in
 * the gutter under the source card: it never covers a card, however long the line.
 * Pure geometry: handle points in, an SVG path and the label's centre out.
 */
import { CARD_WIDTH, ROW_GAP } from './layout';

/** The id of the handle at the bottom of a card that failure lines leave from. */
export const FAILURE_HANDLE = 'failure-out';

/** Half a column gap: the vertical run stays clear of the cards on both sides. */
const SIDE_OFFSET = 12;
const CORNER_RADIUS = 6;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface FailureRoute {
  readonly path: string;
  readonly label: Point;
  readonly points: readonly Point[];
}

/**
 * `source` is the bottom centre of the source card, `target` the middle of the target card's
 * left edge. A target wholly left of the source is entered from its right edge instead.
 */
export function failureRoute(source: Point, target: Point): FailureRoute {
  const gutterY = source.y + ROW_GAP / 2;
  const fromRight = target.x + CARD_WIDTH < source.x;
  const edgeX = fromRight ? target.x + CARD_WIDTH : target.x;
  const sideX = fromRight ? edgeX + SIDE_OFFSET : edgeX - SIDE_OFFSET;
  const points = [
    source,
    { x: source.x, y: gutterY },
    { x: sideX, y: gutterY },
    { x: sideX, y: target.y },
    { x: edgeX, y: target.y },
  ];
  return { path: roundedPath(points, CORNER_RADIUS), label: { x: source.x, y: gutterY }, points };
}

/** A polyline with its corners rounded (by at most half of each adjoining segment). */
export function roundedPath(points: readonly Point[], radius: number): string {
  const [first, ...rest] = points;
  if (!first) return '';
  const parts = [`M${first.x},${first.y}`];
  rest.forEach((corner, index) => {
    const before = points[index] ?? corner;
    const after = rest[index + 1];
    if (!after) {
      parts.push(`L${corner.x},${corner.y}`);
      return;
    }
    const cut = Math.min(radius, distance(before, corner) / 2, distance(corner, after) / 2);
    const entry = toward(corner, before, cut);
    const exit = toward(corner, after, cut);
    parts.push(`L${entry.x},${entry.y}`, `Q${corner.x},${corner.y} ${exit.x},${exit.y}`);
  });
  return parts.join(' ');
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The point `length` from `from` toward `to`. */
function toward(from: Point, to: Point, length: number): Point {
  const total = distance(from, to);
  if (total === 0) return from;
  return { x: from.x + ((to.x - from.x) * length) / total, y: from.y + ((to.y - from.y) * length) / total };
}
