/**
 * Level of detail for the main graph. Zoomed out far enough that a card's text would be a few
 * pixels tall, cards are drawn as plain tiles in their status colour and edge labels are left out;
 * zoomed in, the cards well outside the view are tiles too. Every object keeps its element (and its
 * name for screen readers and the keyboard), but panning a 500-object cluster paints and hit-tests
 * a tenth of the elements.
 */
import type { ReactFlowState } from '@xyflow/react';
import { useStore, useStoreApi } from '@xyflow/react';
import { createContext, useCallback, useContext, useEffect } from 'react';

/** Cards become tiles below this zoom (a 13 px name is then under 4 px tall)… */
export const TILE_BELOW_ZOOM = 0.28;
/** …and cards again above this one: a gap, so zooming around the edge does not flicker. */
export const CARD_ABOVE_ZOOM = 0.32;

/** Whether a zoom level shows tiles, given what is shown now (the gap keeps the current view). */
export function showsTiles(zoom: number, tilesNow: boolean): boolean {
  if (zoom < TILE_BELOW_ZOOM) return true;
  if (zoom > CARD_ABOVE_ZOOM) return false;
  return tilesNow;
}

/** How far outside the view (in screen pixels) cards are still drawn, so a pan meets cards, not tiles. */
const CARD_MARGIN_PX = 400;

/** Whether a node's box, in graph coordinates, is within the view or its margin. */
export function nearView(
  box: { x: number; y: number; width: number; height: number },
  view: { transform: readonly [number, number, number]; width: number; height: number },
): boolean {
  const [panX, panY, zoom] = view.transform;
  const margin = CARD_MARGIN_PX / zoom;
  const left = -panX / zoom - margin;
  const top = -panY / zoom - margin;
  const right = left + view.width / zoom + 2 * margin;
  const bottom = top + view.height / zoom + 2 * margin;
  return box.x < right && box.x + box.width > left && box.y < bottom && box.y + box.height > top;
}

/** Whether the node `id` is near enough the view to be drawn as a card. */
export function useNearView(id: string): boolean {
  const selector = useCallback(
    (state: ReactFlowState) => {
      const node = state.nodeLookup.get(id);
      if (!node) return true;
      const { x, y } = node.internals.positionAbsolute;
      const box = { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 };
      return nearView(box, state);
    },
    [id],
  );
  return useStore(selector);
}

/** True inside a graph that is zoomed out to tiles. Graphs without a provider (what-if) show cards. */
const TileView = createContext(false);
export const TileViewProvider = TileView.Provider;

export function useTileView(): boolean {
  return useContext(TileView);
}

/** Renders nothing; tells `onChange` whenever the viewport crosses between tiles and cards. */
export function TileZoomWatcher({ onChange }: { onChange: (tiles: boolean) => void }): null {
  const store = useStoreApi();
  useEffect(() => {
    let tiles = showsTiles(store.getState().transform[2], false);
    onChange(tiles);
    return store.subscribe((state) => {
      const next = showsTiles(state.transform[2], tiles);
      if (next === tiles) return;
      tiles = next;
      onChange(tiles);
    });
  }, [store, onChange]);
  return null;
}
