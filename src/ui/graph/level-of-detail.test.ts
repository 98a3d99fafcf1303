import { describe, expect, it } from 'vitest';
import { CARD_ABOVE_ZOOM, TILE_BELOW_ZOOM, showsTiles } from './level-of-detail';

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
