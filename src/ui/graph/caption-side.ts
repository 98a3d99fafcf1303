/**
 * Where the beats' caption covers fewer cards: centred along the bottom of the graph, or at its
 * top left (the top right holds the graph's toolbar). Pure: screen rectangles in, a side out.
 * The bottom is home (the top holds the cards' status lines, under the lane titles): the caption
 * goes up only when that covers less than half as much, so it does not hop from beat to beat.
 */
export type CaptionSide = 'top' | 'bottom';

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Something the caption should not cover; the travelling chip's stops weigh more than cards. */
export interface Obstacle extends Box {
  readonly weight?: number;
}

/** The panel's gap to the pane's edge (React Flow's panel margin plus ours). */
const EDGE_GAP = 15;
/** Text right at the panel's edge is as hard to read as text under it. */
const CLEARANCE = 6;

function covered(box: Box, obstacles: readonly Obstacle[]): number {
  let area = 0;
  for (const item of obstacles) {
    const width = Math.min(box.right, item.right) - Math.max(box.left, item.left);
    const height = Math.min(box.bottom, item.bottom) - Math.max(box.top, item.top);
    if (width > 0 && height > 0) area += width * height * (item.weight ?? 1);
  }
  return area;
}

export function quieterSide(panel: Box, pane: Box, obstacles: readonly Obstacle[]): CaptionSide {
  const height = panel.bottom - panel.top;
  const width = panel.right - panel.left;
  const at = (side: CaptionSide): Box => {
    const top = side === 'bottom' ? pane.bottom - EDGE_GAP - height : pane.top + EDGE_GAP;
    const left = side === 'bottom' ? (pane.left + pane.right - width) / 2 : pane.left + EDGE_GAP;
    return {
      left: left - CLEARANCE,
      right: left + width + CLEARANCE,
      top: top - CLEARANCE,
      bottom: top + height + CLEARANCE,
    };
  };
  return covered(at('top'), obstacles) < covered(at('bottom'), obstacles) / 2 ? 'top' : 'bottom';
}
