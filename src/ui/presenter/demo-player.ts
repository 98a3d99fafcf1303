/**
 * The demo player: picking a demo resets the cluster to the demo's own; "next" plays the next
 * step's intents and lets the cluster reconcile until it settles; "previous" goes back to the frame
 * where the current step began. Steps play through the same code as the headless demo tests.
 */
import type { Demo, DemoEngine, PlayOutcome } from '../../lessons/demos';
import { demoById, openingIntents, playIntents } from '../../lessons/demos';
import { callHandleAfterLayout } from '../commands/handles';
import { engineClient, play } from '../engine/connection';
import { showFrame } from '../timeline/time-travel';
import type { AppState } from '../store';
import { useAppStore } from '../store';

const store = () => useAppStore.getState();

/** Bumped whenever a demo starts or ends: a step still playing from before must not touch the new one. */
let generation = 0;

function settledAt(state: AppState, seq: number): boolean {
  const frame = state.frame;
  return (
    frame !== null &&
    frame.seq >= seq &&
    frame.settled &&
    state.timelinePosition.seq === state.timelinePosition.head
  );
}

/** Live playback shows every round at its speed; when paused, the worker settles at once. */
async function settledAfter(seq: number): Promise<void> {
  if (settledAt(store(), seq)) return;
  const settleNow = async () => void (await (await engineClient()).settle());
  if (!store().playback.playing) return settleNow();
  await new Promise<void>((resolve) => {
    const unsubscribe = useAppStore.subscribe((state) => {
      if (settledAt(state, seq)) {
        unsubscribe();
        resolve();
      } else if (!state.playback.playing) {
        // Paused half-way (or sent back in time): finish the step at once rather than wait forever.
        unsubscribe();
        void settleNow().then(resolve, resolve);
      }
    });
  });
}

const workerEngine: DemoEngine = {
  async dispatch(intent) {
    const result = await (await engineClient()).dispatch(intent);
    // Going back paused playback; a presenter who was playing live sees the step play live again.
    if (result.ok && store().demo?.resumeLive && !store().playback.playing) {
      store().updateDemo({ resumeLive: false });
      await play();
    }
    return result;
  },
  settleAfter: settledAfter,
};

function finish(run: number, outcome: PlayOutcome): void {
  if (run !== generation) return;
  const queued = outcome.ok ? store().demo?.queued : null;
  store().updateDemo({ busy: false, queued: null, problem: outcome.ok ? null : outcome.problem });
  callHandleAfterLayout('fitView');
  // A presenter who pressed on while the step played gets the press now, not lost.
  if (queued === 'next') void nextDemoStep();
  if (queued === 'previous') void previousDemoStep();
}

export async function startDemo(demo: Demo): Promise<void> {
  generation += 1;
  const run = generation;
  const state = store();
  state.closeOverlay();
  state.setDemo({
    demoId: demo.id,
    position: 0,
    stepStarts: [],
    busy: true,
    queued: null,
    problem: null,
    resumeLive: false,
  });
  finish(run, await playIntents(workerEngine, openingIntents(demo)));
}

export function leaveDemo(): void {
  generation += 1;
  store().setDemo(null);
  callHandleAfterLayout('fitView');
}

export function currentDemo(state: AppState): Demo | undefined {
  return demoById(state.demo?.demoId);
}

/** While a step plays these still hold (the press is queued); they only look at where the demo is. */
export function canGoNext(state: AppState): boolean {
  const demo = currentDemo(state);
  return demo !== undefined && state.demo !== null && state.demo.position < demo.steps.length;
}

export function canGoBack(state: AppState): boolean {
  return state.demo !== null && state.demo.position > 0;
}

/** Keeps the press for when the current step has settled; true if it was kept. */
function queueIfBusy(press: 'next' | 'previous'): boolean {
  if (!store().demo?.busy) return false;
  store().updateDemo({ queued: press });
  return true;
}

export async function nextDemoStep(): Promise<void> {
  const state = store();
  const session = state.demo;
  const step = currentDemo(state)?.steps[session?.position ?? 0];
  if (!session || !step || !canGoNext(state) || queueIfBusy('next')) return;
  const run = generation;
  state.updateDemo({
    busy: true,
    problem: null,
    position: session.position + 1,
    stepStarts: [...session.stepStarts.slice(0, session.position), state.timelinePosition.seq],
  });
  finish(run, await playIntents(workerEngine, step.intents));
}

export async function previousDemoStep(): Promise<void> {
  const state = store();
  const session = state.demo;
  const began = session?.stepStarts[session.position - 1];
  if (!session || began === undefined || !canGoBack(state) || queueIfBusy('previous')) return;
  const run = generation;
  const wasPlaying = state.playback.playing;
  state.updateDemo({ busy: true });
  await showFrame(began);
  if (run !== generation) return;
  store().updateDemo({
    position: session.position - 1,
    stepStarts: session.stepStarts.slice(0, session.position - 1),
    resumeLive: session.resumeLive || wasPlaying,
  });
  finish(run, { ok: true });
}
