import { describe, expect, it } from 'vitest';
import { HIGH_CONTRAST_TONE_COLORS, TONES, toneStyle, toneVariables } from '../graph/tones';
import { contrastRatio } from './contrast';

describe('contrast', () => {
  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(() => contrastRatio('red', '#ffffff')).toThrow('not a #rrggbb colour');
  });

  it('gives every status pill of the high-contrast theme 7:1 or more', () => {
    for (const tone of TONES) {
      const { fill, text } = HIGH_CONTRAST_TONE_COLORS[tone];
      expect({ tone, enough: contrastRatio(fill, text) >= 7 }).toEqual({ tone, enough: true });
    }
  });

  it('hands the theme to the graph as CSS variables, with the default set as fallback', () => {
    expect(toneVariables('high-contrast')['--tone-ok-fill']).toBe(HIGH_CONTRAST_TONE_COLORS.ok.fill);
    expect(toneVariables('default')['--tone-ok-fill']).toBe('#1f8a4c');
    expect(toneStyle('failed')).toEqual({
      background: 'var(--tone-failed-fill, #c53030)',
      color: 'var(--tone-failed-text, #ffffff)',
    });
  });
});
