/**
 * Presenter preferences reach the page: at load the saved ones, then the address's (which win), are
 * set once before the first paint; scale, theme and presenter view are written on the root element
 * (CSS does the rest) with the graph's tone colours, and the graph is fitted again whenever its room
 * changes.
 */
import { useLayoutEffect, useRef } from 'react';
import { callHandleAfterLayout } from '../commands/handles';
import { toneVariables } from '../graph/tones';
import { useAppStore } from '../store';
import { startingPrefs } from '../workspace/prefs-at-load';

export function usePresenterPrefs(): void {
  const uiScale = useAppStore((store) => store.uiScale);
  const theme = useAppStore((store) => store.theme);
  const chromeHidden = useAppStore((store) => store.chromeHidden);

  // Before the first paint, so a projector never flashes the default theme.
  useLayoutEffect(() => {
    useAppStore.setState(startingPrefs());
  }, []);

  useLayoutEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--ui-scale', String(uiScale));
    if (uiScale === 1) delete root.dataset.uiScaled;
    else root.dataset.uiScaled = '';
    root.dataset.theme = theme;
    root.dataset.chrome = chromeHidden ? 'hidden' : 'shown';
    for (const [name, value] of Object.entries(toneVariables(theme))) root.style.setProperty(name, value);
  }, [uiScale, theme, chromeHidden]);

  const firstLayout = useRef(true);
  useLayoutEffect(() => {
    // The graph fits itself when it first has nodes; after that, a new room means a new fit.
    if (firstLayout.current) {
      firstLayout.current = false;
      return;
    }
    callHandleAfterLayout('fitView');
  }, [uiScale, chromeHidden]);
}
