/** The acting controller as a small labelled chip, travelling along the relation it acts on. */
import { ViewportPortal } from '@xyflow/react';
import { motion } from 'motion/react';
import type { BeatShown } from './beat-director';
import type { Position } from './layout';
import type { CardSizes } from './layout';
import { cardHeight, cardSizes } from './layout';
import type { GraphNodeModel } from './model';

/** The chip rests this far in from a card's right end, on its bottom edge (see beats.css). */
export const CHIP_INSET = 20;

/**
 * Where the chip passes for a beat's path: the bottom edge of each card towards its right end
 * (names and facts start at the left; a node's name fills its short card), where the card is
 * placed now (or was last placed, for a card fading out). Cards with no place yet are passed over.
 */
export function tokenStops(
  path: readonly string[],
  positions: ReadonlyMap<string, Position>,
  lastPositions: ReadonlyMap<string, Position>,
  cards: readonly GraphNodeModel[],
  size: CardSizes = cardSizes(),
): Position[] {
  const byId = new Map(cards.map((card) => [card.id, card]));
  return path.flatMap((id) => {
    const position = positions.get(id) ?? lastPositions.get(id);
    const card = byId.get(id);
    return position && card
      ? [{ x: position.x + size.width - CHIP_INSET, y: position.y + cardHeight(card, size) }]
      : [];
  });
}

/**
 * `stops`: where the chip passes, in graph coordinates (see tokenStops). It moves by transform
 * only; the viewport's zoom and pan apply to it as to cards.
 */
export function BeatToken({ playing, stops }: { playing: BeatShown; stops: readonly Position[] }) {
  const first = stops[0];
  if (!first) return null;
  const xs = stops.map((stop) => stop.x);
  const ys = stops.map((stop) => stop.y);
  return (
    <ViewportPortal>
      <motion.div
        key={`${playing.seq}:${playing.index}`}
        className="beat-token"
        // The caption names the actor for screen readers; the chip is the picture of it.
        aria-hidden="true"
        initial={{ x: first.x, y: first.y, opacity: 0 }}
        animate={{ x: xs.length > 1 ? xs : first.x, y: ys.length > 1 ? ys : first.y, opacity: 1 }}
        transition={{ duration: playing.travelMs / 1000, ease: 'easeInOut', opacity: { duration: 0.12 } }}
      >
        <span className="beat-token__chip">{playing.beat.token}</span>
      </motion.div>
    </ViewportPortal>
  );
}
