/**
 * Level of detail for the main graph. Zoomed out far enough that a card's text would be a few
 * pixels tall, cards are drawn as plain tiles in their status colour and edge labels are left out:
 * panning a 500-object cluster then has a tenth of the elements to paint and hit-test.
 */
import { useStoreApi } from '@xyflow/react';
import { createContext, useContext, useEffect } from 'react';

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
