/**
 * Level of detail for the main graph. Zoomed out far enough that a card's text would be a few
 * pixels tall, cards are drawn as plain tiles in their status colour and edge labels are left out;
 * zoomed in, the cards well outside the view are tiles too. Every object keeps its element (and its
 * name for screen readers and the keyboard), but panning a 500-object cluster paints and hit-tests
 * a tenth of the elements.
 */
import { useStoreApi } from '@xyflow/react';
import { createContext, useCallback, useContext, useEffect, useSyncExternalStore } from 'react';

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

/** What `CardsNearView` reads from React Flow's store (its state fits this shape). */
export interface ViewOfNodes {
  readonly transform: readonly [number, number, number];
  readonly width: number;
  readonly height: number;
  readonly nodeLookup: ReadonlyMap<
    string,
    {
      readonly internals: { readonly positionAbsolute: { readonly x: number; readonly y: number } };
      readonly measured: { readonly width?: number; readonly height?: number };
    }
  >;
}

/**
 * Which cards are near the view. One subscription to React Flow's store works it out for every
 * card when the viewport moves, and wakes only the cards whose answer changed: a subscription per
 * card would run 500 selectors on every frame of a pan.
 */
export class CardsNearView {
  private readonly near = new Map<string, boolean>();
  private readonly listeners = new Map<string, Set<() => void>>();

  subscribe(id: string, listener: () => void): () => void {
    const forId = this.listeners.get(id) ?? new Set();
    forId.add(listener);
    this.listeners.set(id, forId);
    return () => {
      forId.delete(listener);
      if (forId.size > 0) return;
      this.listeners.delete(id);
      this.near.delete(id);
    };
  }

  /** Cards not yet placed count as near: a new card is drawn in full until the view says otherwise. */
  isNear(id: string): boolean {
    return this.near.get(id) ?? true;
  }

  /** Re-decides every subscribed card against the view and wakes those whose answer changed. */
  update(state: ViewOfNodes): void {
    for (const [id, forId] of this.listeners) {
      const node = state.nodeLookup.get(id);
      if (!node) continue;
      const { x, y } = node.internals.positionAbsolute;
      const box = { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 };
      const near = nearView(box, state);
      if (near === this.isNear(id)) continue;
      this.near.set(id, near);
      for (const listener of forId) listener();
    }
  }
}

const NearView = createContext<CardsNearView | null>(null);
export const NearViewProvider = NearView.Provider;

/** Whether the node `id` is near enough the view to be drawn as a card (always, without a provider). */
export function useNearView(id: string): boolean {
  const cards = useContext(NearView);
  const subscribe = useCallback(
    (listener: () => void) => cards?.subscribe(id, listener) ?? (() => undefined),
    [cards, id],
  );
  return useSyncExternalStore(subscribe, () => cards?.isNear(id) ?? true);
}

/** True inside a graph that is zoomed out to tiles. Graphs without a provider (what-if) show cards. */
const TileView = createContext(false);
export const TileViewProvider = TileView.Provider;

export function useTileView(): boolean {
  return useContext(TileView);
}

/**
 * Renders nothing. Tells `onTilesChange` whenever the viewport crosses between tiles and cards and,
 * while cards show, keeps `cards` up to date with which of them are near the view.
 */
export function LevelOfDetailWatcher({
  cards,
  onTilesChange,
}: {
  cards: CardsNearView;
  onTilesChange: (tiles: boolean) => void;
}): null {
  const store = useStoreApi();
  useEffect(() => {
    let tiles = showsTiles(store.getState().transform[2], false);
    onTilesChange(tiles);
    if (!tiles) cards.update(store.getState());
    return store.subscribe((state) => {
      const next = showsTiles(state.transform[2], tiles);
      if (next !== tiles) {
        tiles = next;
        onTilesChange(tiles);
      }
      // Zoomed out to tiles, nearness changes nothing on screen: skip the work until cards return.
      if (!tiles) cards.update(state);
    });
  }, [store, cards, onTilesChange]);
  return null;
}
