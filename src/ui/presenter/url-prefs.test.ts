import { describe, expect, it } from 'vitest';
import { prefsFromSearch } from './url-prefs';

describe('presenter preferences from the address', () => {
  it('reads scale, theme and presenter view', () => {
    expect(prefsFromSearch('?scale=1.6&theme=high-contrast&presenter=1')).toEqual({
      uiScale: 1.6,
      theme: 'high-contrast',
      chromeHidden: true,
    });
    expect(prefsFromSearch('?theme=default&presenter=off&scale=2.5')).toEqual({
      uiScale: 2.5,
      theme: 'default',
      chromeHidden: false,
    });
  });

  it('ignores values that are out of range or unknown, and keeps the valid ones', () => {
    for (const bad of ['0.5', '3', '-1', 'NaN', 'Infinity', '1e1', '', 'big', '1.5x', '0x2'])
      expect(prefsFromSearch(`?scale=${encodeURIComponent(bad)}`), bad).toEqual({});
    expect(prefsFromSearch('?theme=neon&presenter=maybe')).toEqual({});
    expect(prefsFromSearch('?scale=9&theme=high-contrast')).toEqual({ theme: 'high-contrast' });
    expect(prefsFromSearch('')).toEqual({});
  });
});
