/** Presenting a scripted demo: choose one, then next and previous (arrows or a presenter remote). */
import type { AppState } from '../store';
import { canGoBack, canGoNext, leaveDemo, nextDemoStep, previousDemoStep } from '../presenter/demo-player';
import type { Command } from './types';

const inDemo = (state: AppState) => state.demo !== null;

export const DEMO_COMMANDS: readonly Command[] = [
  {
    id: 'demoNext',
    label: 'Demo: play the next step',
    shortLabel: 'Next',
    group: 'Demo',
    // Presenter remotes send Page Down and Page Up.
    shortcuts: [{ key: 'ArrowRight' }, { key: 'PageDown' }],
    when: inDemo,
    enabled: canGoNext,
    run: () => nextDemoStep(),
  },
  {
    id: 'demoPrevious',
    label: 'Demo: back to where the step began',
    shortLabel: 'Previous',
    group: 'Demo',
    shortcuts: [{ key: 'ArrowLeft' }, { key: 'PageUp' }],
    when: inDemo,
    enabled: canGoBack,
    run: () => previousDemoStep(),
  },
  {
    id: 'leaveDemo',
    label: 'Leave the demo',
    shortLabel: 'Leave demo',
    group: 'Demo',
    shortcuts: [{ key: 'Escape' }],
    when: inDemo,
    enabled: inDemo,
    run: () => leaveDemo(),
  },
  {
    id: 'chooseDemo',
    label: 'Choose a demo',
    shortLabel: 'Demos',
    group: 'Demo',
    shortcuts: [{ key: 'd' }],
    enabled: (state) => state.engineStatus === 'ready',
    run: (state) => state.openOverlay('demos'),
  },
];
