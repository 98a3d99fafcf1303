/**
 * The box around a small graph's cards. The what-if graphs refit when it changes (a card left or
 * arrived at an edge of the picture), and only then: a step that changes statuses keeps the view.
 */
import { CARD_HEIGHT, CARD_WIDTH } from '../graph/layout';
import type { Position } from '../graph/layout';

export interface CardsBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The box around cards at `positions` (their top-left corners), or undefined for no card. */
export function cardsBox(positions: readonly Position[]): CardsBox | undefined {
  if (positions.length === 0) return undefined;
  const left = Math.min(...positions.map((position) => position.x));
  const top = Math.min(...positions.map((position) => position.y));
  const right = Math.max(...positions.map((position) => position.x + CARD_WIDTH));
  const bottom = Math.max(...positions.map((position) => position.y + CARD_HEIGHT));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** A value that changes exactly when the box does ('' for no card), to key the refit on. */
export function boxKey(box: CardsBox | undefined): string {
  return box ? `${box.x},${box.y},${box.width},${box.height}` : '';
}
