/**
 * The preferences a workspace keeps, each with the check a value read back (from this browser or
 * from a file someone sent) must pass. To keep another preference, add one line here: the save,
 * the restore and the file import all read this table.
 */
import type { UrlPrefs } from '../presenter/url-prefs';
import type { PrefsSlice, SidePanel } from '../store/prefs-slice';
import { THEMES, UI_SCALE_MAX, UI_SCALE_MIN } from '../store/prefs-slice';
import { isPaneLayout } from '../shell/pane-layout';

/** Every side panel, so that adding one to the type without adding it here fails to compile. */
const SIDE_PANELS: Readonly<Record<SidePanel, true>> = {
  lesson: true,
  narration: true,
  events: true,
  inspector: true,
  terminal: true,
};

const PREF_CHECKS = {
  reducedMotion: (value: unknown): value is boolean | null => value === null || typeof value === 'boolean',
  sidePanel: (value: unknown): value is SidePanel =>
    typeof value === 'string' && Object.hasOwn(SIDE_PANELS, value),
  // Presenter view is kept too (a presenter who reloads mid-talk expects it); whoever did not mean
  // it still sees the presenter strip, whose first button brings the controls back.
  chromeHidden: (value: unknown): value is boolean => typeof value === 'boolean',
  uiScale: (value: unknown): value is number =>
    typeof value === 'number' && value >= UI_SCALE_MIN && value <= UI_SCALE_MAX,
  theme: (value: unknown): value is PrefsSlice['theme'] => THEMES.some((theme) => theme === value),
  paneLayout: (value: unknown): value is PrefsSlice['paneLayout'] => value === null || isPaneLayout(value),
} satisfies { readonly [K in keyof PrefsSlice]?: (value: unknown) => value is PrefsSlice[K] };

export type SavedPrefKey = keyof typeof PREF_CHECKS;
export type SavedPrefs = Partial<Pick<PrefsSlice, SavedPrefKey>>;

export const SAVED_PREF_KEYS = Object.keys(PREF_CHECKS) as readonly SavedPrefKey[];

export function pickPrefs(state: Pick<PrefsSlice, SavedPrefKey>): SavedPrefs {
  const prefs: Record<string, unknown> = {};
  for (const key of SAVED_PREF_KEYS) prefs[key] = state[key];
  return prefs;
}

/**
 * The preferences in an untrusted value: each known key whose value passes its check. Unknown
 * keys (from a newer version of the app) and bad values are dropped, never applied.
 */
export function readPrefs(value: unknown): SavedPrefs {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  const prefs: Record<string, unknown> = {};
  for (const key of SAVED_PREF_KEYS) {
    const check: (candidate: unknown) => boolean = PREF_CHECKS[key];
    if (Object.hasOwn(record, key) && check(record[key])) prefs[key] = record[key];
  }
  return prefs;
}

export function prefsChanged(a: Pick<PrefsSlice, SavedPrefKey>, b: Pick<PrefsSlice, SavedPrefKey>): boolean {
  return SAVED_PREF_KEYS.some((key) => a[key] !== b[key]);
}

/**
 * The preferences a page starts with: the saved ones, then those in the address (`?scale=…`),
 * which win, so a link made for a projector shows what it says whatever this browser kept.
 */
export function prefsAtLoad(saved: SavedPrefs, fromAddress: UrlPrefs): SavedPrefs {
  return { ...saved, ...fromAddress };
}
