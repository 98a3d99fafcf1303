/** The one keyboard handler: every shortcut of the registry, dispatched from a window listener. */
import { useEffect } from 'react';
import { useAppStore } from '../store';
import { commandForKey, shouldRun } from './registry';

export function useCommandKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const state = useAppStore.getState();
      const command = commandForKey(event, state, target);
      if (!command) return;
      // The key is ours: no scrolling on Space or Page Down, no '?' typed anywhere.
      event.preventDefault();
      if (shouldRun(command, event, state)) void command.run(state);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
