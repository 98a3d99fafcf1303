/**
 * While the user pans or zooms, and for a moment after, the graph's viewport is its own compositor
 * layer (`data-moving` on the container; the CSS gives it `will-change: transform`), so each step
 * of the move repaints nothing. At rest the flag goes and text is drawn sharp at the new zoom.
 * The moment after keeps a run of drags and wheel turns from flipping the layer on every one.
 */
import type { RefObject } from 'react';
import { useCallback, useEffect, useRef } from 'react';

export const MOVING_SETTLE_MS = 400;

export function useMovingLayer(container: RefObject<HTMLElement | null>): {
  moveStarted: () => void;
  moveEnded: () => void;
} {
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const moveStarted = useCallback(() => {
    window.clearTimeout(timer.current);
    container.current?.setAttribute('data-moving', '');
  }, [container]);
  const moveEnded = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () => container.current?.removeAttribute('data-moving'),
      MOVING_SETTLE_MS,
    );
  }, [container]);
  return { moveStarted, moveEnded };
}
