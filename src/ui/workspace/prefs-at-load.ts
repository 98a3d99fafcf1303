/**
 * What a page starts with: the saved workspace, read once (an unreadable one is set aside on that
 * read), and the preferences it opens with, the saved ones overridden by the address's. Both are
 * needed before the engine is up (preferences before the first paint), and the restore after.
 */
import { prefsFromSearch } from '../presenter/url-prefs';
import type { SavedPrefs } from './saved-prefs';
import { prefsAtLoad } from './saved-prefs';
import type { LoadResult } from './workspace';
import { loadWorkspace } from './workspace';

let atLoad: LoadResult | undefined;

export function workspaceAtLoad(): LoadResult {
  atLoad ??= loadWorkspace();
  return atLoad;
}

export function startingPrefs(): SavedPrefs {
  const loaded = workspaceAtLoad();
  return prefsAtLoad(
    loaded.kind === 'loaded' ? loaded.workspace.prefs : {},
    prefsFromSearch(window.location.search),
  );
}
