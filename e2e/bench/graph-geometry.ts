/**
 * What the graph looks like on screen, measured in the page: the smallest card text as rendered
 * (CSS px after the graph's zoom), card overlaps, edge crossings, and edges that pass through a
 * card they do not connect. Used by the legibility report and by the e2e that guards it.
 */
import type { Page } from '@playwright/test';

export interface GraphGeometry {
  readonly cards: number;
  /** Smallest rendered font size of any card text on screen; 0 when cards show no text (tiles). */
  readonly smallestTextPx: number;
  readonly overlaps: number;
  readonly crossings: number;
  readonly edgesThroughCards: number;
  readonly zoom: number;
}

/** Runs in the browser: everything it needs is inside the function. */
function measureInPage(): GraphGeometry {
  interface Box {
    readonly id: string;
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  }
  const viewport = document.querySelector<HTMLElement>('.cluster-graph .react-flow__viewport');
  const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
  const pane = document.querySelector('.cluster-graph .react-flow')?.getBoundingClientRect();
  const onScreen = (box: DOMRect) =>
    !!pane &&
    box.right > pane.left &&
    box.left < pane.right &&
    box.bottom > pane.top &&
    box.top < pane.bottom;
  const cardElements = [
    ...document.querySelectorAll<HTMLElement>('.cluster-graph .react-flow__node-resource'),
  ].filter((element) => !(element.dataset['id'] ?? '').startsWith('ghost:'));
  const cards: Box[] = cardElements.map((element) => {
    const box = element.getBoundingClientRect();
    return {
      id: element.dataset['id'] ?? '',
      left: box.left,
      top: box.top,
      right: box.right,
      bottom: box.bottom,
    };
  });
  let smallest = Infinity;
  let anyText = false;
  for (const element of cardElements) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const parent = text.parentElement;
      if (!parent || !(text.textContent ?? '').trim()) continue;
      const box = parent.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || !onScreen(box)) continue;
      if (getComputedStyle(parent).visibility === 'hidden') continue;
      anyText = true;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(parent).fontSize) * zoom);
    }
  }
  let overlaps = 0;
  for (let i = 0; i < cards.length; i += 1) {
    for (let j = i + 1; j < cards.length; j += 1) {
      const a = cards[i]!;
      const b = cards[j]!;
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (width > 1 && height > 1) overlaps += 1;
    }
  }
  // Each edge as a polyline on screen, with the ids of the two cards it joins.
  const edges = [...document.querySelectorAll<SVGGElement>('.cluster-graph .react-flow__edge')]
    .filter((group) => !(group.dataset['id'] ?? '').startsWith('ghost:'))
    .flatMap((group) => {
      const path = group.querySelector<SVGPathElement>('path.relation-edge');
      const matrix = path?.getScreenCTM();
      if (!path || !matrix) return [];
      const match = /^[^:]+:(.+)->(.+)$/.exec(group.dataset['id'] ?? '');
      const length = path.getTotalLength();
      const points: { x: number; y: number }[] = [];
      for (let step = 0; step <= 40; step += 1) {
        const point = path.getPointAtLength((length * step) / 40);
        points.push({
          x: matrix.a * point.x + matrix.c * point.y + matrix.e,
          y: matrix.b * point.x + matrix.d * point.y + matrix.f,
        });
      }
      return [{ source: match?.[1] ?? '', target: match?.[2] ?? '', points }];
    });
  const inset = 3;
  let through = 0;
  for (const edge of edges) {
    const crossesCard = cards.some(
      (card) =>
        card.id !== edge.source &&
        card.id !== edge.target &&
        edge.points.some(
          (point) =>
            point.x > card.left + inset &&
            point.x < card.right - inset &&
            point.y > card.top + inset &&
            point.y < card.bottom - inset,
        ),
    );
    if (crossesCard) through += 1;
  }
  type Point = { x: number; y: number };
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const segmentsMeet = (p1: Point, p2: Point, q1: Point, q2: Point) =>
    cross(p1, p2, q1) * cross(p1, p2, q2) < 0 && cross(q1, q2, p1) * cross(q1, q2, p2) < 0;
  let crossings = 0;
  for (let i = 0; i < edges.length; i += 1) {
    for (let j = i + 1; j < edges.length; j += 1) {
      const a = edges[i]!;
      const b = edges[j]!;
      const shared = [a.source, a.target].some((end) => end === b.source || end === b.target);
      if (shared) continue;
      let met = false;
      for (let s = 1; s < a.points.length && !met; s += 1) {
        for (let t = 1; t < b.points.length && !met; t += 1) {
          met = segmentsMeet(a.points[s - 1]!, a.points[s]!, b.points[t - 1]!, b.points[t]!);
        }
      }
      if (met) crossings += 1;
    }
  }
  return {
    cards: cards.length,
    smallestTextPx: anyText ? Math.round(smallest * 10) / 10 : 0,
    overlaps,
    crossings,
    edgesThroughCards: through,
    zoom: Math.round(zoom * 1000) / 1000,
  };
}

export function measureGraphGeometry(page: Page): Promise<GraphGeometry> {
  // Sent as source text: tsx names inner functions with a `__name` helper the page lacks.
  return page.evaluate(`(() => { const __name = (f) => f; return (${measureInPage.toString()})(); })()`);
}
