import { describe, expect, it } from 'vitest';
import { NARROW_WINDOW_PX, STRIP_PX, defaultPaneLayout, isPaneLayout } from './pane-layout';

describe('how the panes share the window', () => {
  it('gives the editor a fifth and the side panel a quarter on a wide window', () => {
    const layout = defaultPaneLayout(1600);
    expect(layout.editor).toBe(20);
    expect(layout.side).toBe(24);
    expect(layout.graph).toBeCloseTo(56);
  });

  it('starts a narrow window with the editor as a strip, so the graph has room to be read', () => {
    const layout = defaultPaneLayout(NARROW_WINDOW_PX - 76);
    expect((layout.editor / 100) * 1024).toBeCloseTo(STRIP_PX);
    expect(layout.graph).toBeGreaterThan(60);
    expect(isPaneLayout(layout)).toBe(true);
  });

  it('refuses layouts that do not add up or hold something other than sizes', () => {
    expect(isPaneLayout({ editor: 30, graph: 40, side: 30 })).toBe(true);
    expect(isPaneLayout({ editor: 30, graph: 50, side: 30 })).toBe(false);
    expect(isPaneLayout({ editor: Number.NaN, graph: 70, side: 30 })).toBe(false);
    expect(isPaneLayout([30, 40, 30])).toBe(false);
    expect(isPaneLayout(null)).toBe(false);
  });
});
