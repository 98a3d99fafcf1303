import { describe, expect, it } from 'vitest';
import { failureRoute, roundedPath } from './failure-route';
import { CARD_WIDTH, ROW_GAP } from './layout';

describe('failure route', () => {
  it('leaves the source card downward, runs in the gutter under its row and enters the target from the left', () => {
    const route = failureRoute({ x: 75, y: 80 }, { x: 356, y: 40 });
    expect(route.points).toEqual([
      { x: 75, y: 80 },
      { x: 75, y: 80 + ROW_GAP / 2 },
      { x: 344, y: 80 + ROW_GAP / 2 },
      { x: 344, y: 40 },
      { x: 356, y: 40 },
    ]);
    expect(route.label).toEqual({ x: 75, y: 80 + ROW_GAP / 2 });
    expect(route.path.startsWith('M75,80 ')).toBe(true);
    expect(route.path.endsWith('L356,40')).toBe(true);
  });

  it('enters a target that lies wholly to the left from its right edge', () => {
    const route = failureRoute({ x: 253, y: 80 }, { x: 0, y: 40 });
    expect(route.points.at(-2)).toEqual({ x: CARD_WIDTH + 12, y: 40 });
    expect(route.points.at(-1)).toEqual({ x: CARD_WIDTH, y: 40 });
  });
});

describe('rounded path', () => {
  it('rounds each corner by the radius, less where a segment is short', () => {
    expect(
      roundedPath(
        [
          { x: 0, y: 0 },
          { x: 0, y: 4 },
          { x: 20, y: 4 },
        ],
        6,
      ),
    ).toBe('M0,0 L0,2 Q0,4 2,4 L20,4');
    expect(roundedPath([], 6)).toBe('');
  });
});
