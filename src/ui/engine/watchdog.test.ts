import { describe, expect, it } from 'vitest';
import type { WatchdogTimer } from './watchdog';
import { Watchdog } from './watchdog';

/** A hand-driven clock: `advance` fires the timers that fall due. */
function fakeTime() {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const timer: WatchdogTimer = {
    set: (callback, delay) => {
      next += 1;
      timers.set(next, { at: now + delay, callback });
      return next;
    },
    clear: (handle) => timers.delete(handle as number),
  };
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()]
        .filter(([, item]) => item.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].callback();
      await Promise.resolve();
      await Promise.resolve();
    }
    now = end;
  };
  return { timer, now: () => now, advance };
}

const OPTIONS = { intervalMs: 1_000, idleTimeoutMs: 3_000, busyTimeoutMs: 10_000 };

/** A started watchdog on a hand-driven clock, and the reasons it has reported so far. */
function watch(ping: () => Promise<unknown>, busy: () => boolean = () => false) {
  const time = fakeTime();
  const stuck: string[] = [];
  const dog = new Watchdog(ping, busy, (why) => stuck.push(why), time.timer, time.now, OPTIONS);
  dog.start();
  return { dog, stuck, advance: time.advance };
}

const never = () => new Promise<never>(() => undefined);

describe('Watchdog', () => {
  it('stays quiet while the worker answers', async () => {
    const { stuck, advance } = watch(() => Promise.resolve());
    await advance(60_000);
    expect(stuck).toEqual([]);
  });

  it('reports a worker that stops answering, once', async () => {
    const { stuck, advance } = watch(never);
    await advance(2_000);
    expect(stuck).toEqual([]);
    await advance(10_000);
    expect(stuck).toEqual(['the engine has not answered for 3 s']);
  });

  it('allows longer while the page waits for a request', async () => {
    let busy = true;
    const { stuck, advance } = watch(
      () => never(),
      () => busy,
    );
    await advance(8_000);
    expect(stuck).toEqual([]);
    busy = false;
    await advance(1_000);
    expect(stuck.length).toBe(1);
  });

  it('reports a worker whose ping fails', async () => {
    const { stuck, advance } = watch(() => Promise.reject(new Error('worker terminated')));
    await advance(1_500);
    expect(stuck).toEqual(['the engine failed: worker terminated']);
  });

  it('does nothing once stopped', async () => {
    const { dog, stuck, advance } = watch(never);
    dog.stop();
    await advance(30_000);
    expect(stuck).toEqual([]);
  });
});
