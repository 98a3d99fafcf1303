/**
 * Keeps the engine worker alive. The page talks to one worker at a time; a watchdog pings it, and
 * when it stops answering (an endless loop, a crash, a closed worker) it is replaced by a new one
 * that continues from the last frame the page received. The user sees a short notice; the editor
 * text lives in the page and is never touched.
 */
import type { EngineClient, EngineConnection } from '../../worker/client';
import { connectEngine } from '../../worker/client';
import type { Frame, TimelinePosition } from '../../worker/protocol';
import { useAppStore } from '../store';
import { Watchdog } from './watchdog';

/** More restarts than this within a minute means something is badly wrong: stop and say so. */
const MAX_RESTARTS_PER_MINUTE = 3;

let connection: Promise<EngineConnection> | undefined;
let watchdog: Watchdog | undefined;
/** Calls that may honestly keep the worker busy for a while (a big paste, a long replay). */
const HEAVY_CALLS = new Set<PropertyKey>([
  'dispatch',
  'replay',
  'importCluster',
  'restoreState',
  'settle',
  'kubectl',
]);
let heavyInFlight = 0;
let restarts: number[] = [];

function receiveFrame(frame: Frame, position: TimelinePosition): void {
  const store = useAppStore.getState();
  store.receiveFrame(frame, position);
  // A settled frame in the past is not the cluster settling: more frames follow it.
  const settled = frame.settled && position.seq === position.head;
  if (store.playback.settled !== settled) store.setPlayback({ ...store.playback, settled });
}

/** The client, counting heavy calls in flight so the watchdog allows them time. */
function countingHeavyCalls(client: EngineClient): EngineClient {
  return new Proxy(client, {
    get(target, property) {
      const member: unknown = Reflect.get(target, property);
      if (typeof member !== 'function' || property === 'then') return member;
      if (!HEAVY_CALLS.has(property)) return member;
      return (...args: unknown[]) => {
        heavyInFlight += 1;
        const answer = Promise.resolve((member as (...values: unknown[]) => unknown)(...args));
        return answer.finally(() => {
          heavyInFlight -= 1;
        });
      };
    },
  });
}

function connect(onCrash: (reason: string) => void): Promise<EngineConnection> {
  return connectEngine(receiveFrame, onCrash).then((ready) => ({
    ...ready,
    client: countingHeavyCalls(ready.client),
  }));
}

export function startEngine(): Promise<EngineConnection> {
  connection ??= connect((reason) => void restartEngine(reason)).then(
    async (ready) => {
      useAppStore.getState().setEngineStatus('ready');
      useAppStore.getState().setPlayback(await ready.client.playback());
      watch(ready);
      return ready;
    },
    (error: unknown) => {
      useAppStore
        .getState()
        .setEngineStatus('failed', error instanceof Error ? error.message : String(error));
      throw error;
    },
  );
  return connection;
}

function watch(ready: EngineConnection): void {
  watchdog?.stop();
  watchdog = new Watchdog(
    () => ready.client.hello(),
    () => heavyInFlight > 0,
    (reason) => void restartEngine(reason),
    {
      set: (callback, delay) => window.setTimeout(callback, delay),
      clear: (handle) => window.clearTimeout(handle as number),
    },
    () => performance.now(),
  );
  watchdog.start();
}

/** Replaces a stuck or crashed worker by a new one that continues from the last frame shown. */
export async function restartEngine(reason: string): Promise<void> {
  const now = performance.now();
  restarts = [...restarts.filter((time) => now - time < 60_000), now];
  const old = connection;
  watchdog?.stop();
  connection = undefined;
  heavyInFlight = 0;
  void old?.then(
    (stale) => stale.terminate(),
    () => undefined,
  );
  const store = useAppStore.getState();
  if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
    store.setEngineStatus('failed', `it stopped answering ${restarts.length} times in a minute (${reason})`);
    return;
  }
  const lastGood = store.frame;
  store.setEngineNotice(`The simulation stopped answering (${reason}); restarting it…`);
  try {
    const ready = await startEngine();
    const round = lastGood?.state.round ?? 0;
    if (lastGood) {
      const restored = await ready.client.restoreState(lastGood.state);
      if (!restored.ok) throw new Error(restored.reason);
    }
    useAppStore
      .getState()
      .setEngineNotice(
        lastGood
          ? `The simulation stopped answering and was restarted from round ${round}. Your manifests are as you left them.`
          : 'The simulation stopped answering and was restarted. Your manifests are as you left them.',
      );
  } catch (error) {
    useAppStore
      .getState()
      .setEngineStatus(
        'failed',
        `it could not be restarted: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
}
