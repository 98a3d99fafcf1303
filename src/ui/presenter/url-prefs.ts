/**
 * Presenter preferences from the address, read once at load: `?scale=1.6&theme=high-contrast&presenter=1`.
 * Only valid values count; anything else is ignored and the default stays.
 */
import type { Theme } from '../store/prefs-slice';
import { THEMES, UI_SCALE_MAX, UI_SCALE_MIN } from '../store/prefs-slice';

export interface UrlPrefs {
  readonly uiScale?: number;
  readonly theme?: Theme;
  readonly chromeHidden?: boolean;
}

const NUMBER = /^\d+(\.\d+)?$/;
const ON = new Set(['1', 'true', 'on', 'yes']);
const OFF = new Set(['0', 'false', 'off', 'no']);

export function prefsFromSearch(search: string): UrlPrefs {
  const params = new URLSearchParams(search);
  const prefs: { uiScale?: number; theme?: Theme; chromeHidden?: boolean } = {};
  const scale = params.get('scale')?.trim();
  if (scale && NUMBER.test(scale)) {
    const value = Number(scale);
    if (value >= UI_SCALE_MIN && value <= UI_SCALE_MAX) prefs.uiScale = value;
  }
  const theme = params.get('theme');
  const known = THEMES.find((candidate) => candidate === theme);
  if (known) prefs.theme = known;
  const presenter = params.get('presenter')?.trim().toLowerCase();
  if (presenter !== undefined && ON.has(presenter)) prefs.chromeHidden = true;
  if (presenter !== undefined && OFF.has(presenter)) prefs.chromeHidden = false;
  return prefs;
}
