import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH } from '../graph/layout';
import { boxKey, cardsBox } from './fit-box';

describe('cardsBox', () => {
  const pod = { x: 0, y: 206 };
  const claim = { x: 300, y: 206 };
  const volume = { x: 600, y: 206 };
  const disk = { x: 900, y: 310 };

  it('spans the cards from the top-left corner of the first to the far corner of the last', () => {
    expect(cardsBox([claim, pod, disk, volume])).toEqual({
      x: 0,
      y: 206,
      width: 900 + CARD_WIDTH,
      height: 310 + CARD_HEIGHT - 206,
    });
    expect(cardsBox([])).toBeUndefined();
    expect(boxKey(undefined)).toBe('');
  });

  it('changes when the pod and the claim leave the left edge, not when a middle card leaves', () => {
    const all = boxKey(cardsBox([pod, claim, volume, disk]));
    expect(boxKey(cardsBox([pod, volume, disk]))).toBe(all);
    const retained = cardsBox([volume, disk]);
    expect(boxKey(retained)).not.toBe(all);
    expect(retained).toMatchObject({ x: 600, width: 300 + CARD_WIDTH });
  });
});
