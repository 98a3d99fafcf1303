import { describe, expect, it } from 'vitest';
import { CARD_ABOVE_ZOOM, CardsNearView, TILE_BELOW_ZOOM, nearView, showsTiles } from './level-of-detail';

describe('showsTiles', () => {
  it('shows tiles below the lower zoom and cards above the upper one, whatever is shown now', () => {
    for (const tilesNow of [true, false]) {
      expect(showsTiles(0.1, tilesNow)).toBe(true);
      expect(showsTiles(TILE_BELOW_ZOOM - 0.001, tilesNow)).toBe(true);
      expect(showsTiles(CARD_ABOVE_ZOOM + 0.001, tilesNow)).toBe(false);
      expect(showsTiles(1, tilesNow)).toBe(false);
    }
  });

  it('keeps what is shown inside the gap, so zooming around the edge does not flicker', () => {
    const between = (TILE_BELOW_ZOOM + CARD_ABOVE_ZOOM) / 2;
    expect(showsTiles(between, true)).toBe(true);
    expect(showsTiles(between, false)).toBe(false);
  });
});

describe('nearView', () => {
  // A 1000 × 800 view at zoom 2, panned so that graph point (100, 50) is at its top left corner.
  const view = { transform: [-200, -100, 2] as const, width: 1000, height: 800 };
  const card = (x: number, y: number) => ({ x, y, width: 220, height: 88 });

  it('counts a card inside the view, or within 400 screen pixels of it, as near', () => {
    expect(nearView(card(300, 200), view)).toBe(true);
    // Left of the view by 150 graph units (300 screen pixels): inside the margin.
    expect(nearView(card(100 - 150 - 220, 200), view)).toBe(true);
    // Below the view's bottom (graph y 450) by 190 units: inside the 200-unit margin.
    expect(nearView(card(300, 450 + 190), view)).toBe(true);
  });

  it('counts a card beyond the margin as far, on every side', () => {
    expect(nearView(card(100 - 201 - 220, 200), view)).toBe(false);
    expect(nearView(card(600 + 201, 200), view)).toBe(false);
    expect(nearView(card(300, 50 - 201 - 88), view)).toBe(false);
    expect(nearView(card(300, 450 + 201), view)).toBe(false);
  });
});

describe('CardsNearView', () => {
  const node = (x: number, y: number) => ({
    internals: { positionAbsolute: { x, y } },
    measured: { width: 220, height: 88 },
  });
  const nodeLookup = new Map([
    ['near', node(0, 0)],
    ['far', node(5000, 0)],
  ]);
  const at = (panX: number) => ({ transform: [panX, 0, 1] as const, width: 1000, height: 800, nodeLookup });

  it('wakes only the cards whose nearness changed, and says near until it knows', () => {
    const cards = new CardsNearView();
    const woken: string[] = [];
    cards.subscribe('near', () => woken.push('near'));
    cards.subscribe('far', () => woken.push('far'));
    expect(cards.isNear('far')).toBe(true);

    cards.update(at(0));
    expect(woken).toEqual(['far']);
    expect([cards.isNear('near'), cards.isNear('far')]).toEqual([true, false]);

    cards.update(at(-10));
    expect(woken).toEqual(['far']);

    // Panned so the view shows graph x 4000 to 5000: the far card comes near, the near one goes far.
    cards.update(at(-4000));
    expect(woken).toEqual(['far', 'near', 'far']);
    expect([cards.isNear('near'), cards.isNear('far')]).toEqual([false, true]);
  });

  it('forgets a card once its last listener has gone', () => {
    const cards = new CardsNearView();
    const unsubscribe = cards.subscribe('far', () => undefined);
    cards.update(at(0));
    expect(cards.isNear('far')).toBe(false);
    unsubscribe();
    expect(cards.isNear('far')).toBe(true);
  });
});
