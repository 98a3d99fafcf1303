import { describe, expect, it } from 'vitest';
import { quieterSide } from './caption-side';

const pane = { left: 0, top: 0, right: 600, bottom: 500 };
const panel = { left: 100, top: 420, right: 500, bottom: 480 };
const card = (top: number) => ({ left: 150, top, right: 300, bottom: top + 80 });

describe('quieterSide', () => {
  it('stays at the bottom while nothing is under it', () => {
    expect(quieterSide(panel, pane, [card(20), card(200)])).toBe('bottom');
  });

  it('goes to the top when cards reach the bottom and the top is free', () => {
    expect(quieterSide(panel, pane, [card(200), card(400)])).toBe('top');
  });

  it('keeps clear of where the actor chip stops', () => {
    const chip = { left: 120, top: 420, right: 200, bottom: 440, weight: 20 };
    expect(quieterSide(panel, pane, [card(200), chip])).toBe('top');
  });

  it('stays at the bottom when the top would cover about as much', () => {
    expect(quieterSide(panel, pane, [card(0), card(410)])).toBe('bottom');
  });
});
