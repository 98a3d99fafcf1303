/** What the room sees: fit the graph, the editor, presenter view, type size, contrast, key help. */
import { UI_SCALE_MAX, UI_SCALE_MIN, clampScale } from '../store/prefs-slice';
import type { Command } from './types';
import { callHandle, callHandleAfterLayout } from './handles';

/** Type size moves in quarter steps; a scale from the URL (1.6) moves to the next quarter (1.75). */
const SCALE_STEP = 0.25;
/** Float noise (1.6 / 0.25 = 6.4000000000000004) must not skip a step. */
const EPSILON = 1e-9;

export function largerScale(scale: number): number {
  return clampScale(Math.floor(scale / SCALE_STEP + EPSILON) * SCALE_STEP + SCALE_STEP);
}

export function smallerScale(scale: number): number {
  return clampScale(Math.ceil(scale / SCALE_STEP - EPSILON) * SCALE_STEP - SCALE_STEP);
}

export const VIEW_COMMANDS: readonly Command[] = [
  {
    id: 'fitView',
    label: 'Fit the graph to the screen',
    group: 'View',
    shortcuts: [{ key: 'f' }],
    enabled: (state) => state.frame !== null,
    run: () => callHandle('fitView'),
  },
  {
    id: 'focusEditor',
    label: 'Focus the manifest editor',
    group: 'View',
    shortcuts: [{ key: 'e' }],
    enabled: () => true,
    run: (state) => {
      if (!state.chromeHidden) return callHandle('focusEditor');
      // In presenter view the editor is hidden: bring it back, then focus it once it is laid out.
      state.setChromeHidden(false);
      callHandleAfterLayout('focusEditor');
      return undefined;
    },
  },
  {
    id: 'toggleEditorPane',
    label: 'Show or hide the manifests',
    group: 'View',
    shortcuts: [{ key: 'm' }],
    enabled: (state) => !state.chromeHidden,
    run: () => callHandle('toggleEditorPane'),
  },
  {
    id: 'toggleSidePane',
    label: 'Show or hide the side panel',
    group: 'View',
    shortcuts: [{ key: 'p' }],
    enabled: (state) => !state.chromeHidden,
    run: () => callHandle('toggleSidePane'),
  },
  {
    id: 'presenterView',
    label: 'Presenter view: hide the controls',
    shortLabel: 'Presenter view',
    group: 'View',
    shortcuts: [{ key: 'h' }],
    enabled: () => true,
    active: (state) => state.chromeHidden,
    run: (state) => state.setChromeHidden(!state.chromeHidden),
  },
  {
    id: 'largerType',
    label: 'Larger type',
    group: 'View',
    shortcuts: [{ key: '+' }, { key: '=' }],
    enabled: (state) => state.uiScale < UI_SCALE_MAX,
    run: (state) => state.setUiScale(largerScale(state.uiScale)),
  },
  {
    id: 'smallerType',
    label: 'Smaller type',
    group: 'View',
    shortcuts: [{ key: '-' }],
    enabled: (state) => state.uiScale > UI_SCALE_MIN,
    run: (state) => state.setUiScale(smallerScale(state.uiScale)),
  },
  {
    id: 'highContrast',
    label: 'High contrast',
    group: 'View',
    shortcuts: [{ key: 'c' }],
    enabled: () => true,
    active: (state) => state.theme === 'high-contrast',
    run: (state) => state.setTheme(state.theme === 'high-contrast' ? 'default' : 'high-contrast'),
  },
  {
    id: 'help',
    label: 'Keyboard shortcuts',
    shortLabel: 'Keys',
    group: 'Help',
    shortcuts: [{ key: '?' }],
    enabled: () => true,
    inOverlay: true,
    active: (state) => state.overlay === 'help',
    run: (state) => (state.overlay === 'help' ? state.closeOverlay() : state.openOverlay('help')),
  },
];
