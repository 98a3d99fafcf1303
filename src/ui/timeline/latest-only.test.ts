import { describe, expect, it } from 'vitest';
import { LatestOnly } from './latest-only';

/** A request that finishes when the test says so. */
function controlledRuns() {
  const started: number[] = [];
  const finishers: (() => void)[] = [];
  const run = (value: number) =>
    new Promise<void>((resolve) => {
      started.push(value);
      finishers.push(resolve);
    });
  const finishNext = async () => {
    finishers.shift()?.();
    // Let the coalescer's await continue.
    await Promise.resolve();
    await Promise.resolve();
  };
  return { run, started, finishNext };
}

describe('LatestOnly', () => {
  it('runs the first request at once and only the newest of those that arrive meanwhile', async () => {
    const runs = controlledRuns();
    const idle: number[] = [];
    const seeks = new LatestOnly(runs.run, (last) => idle.push(last));
    seeks.request(1);
    seeks.request(2);
    seeks.request(3);
    seeks.request(4);
    expect(runs.started).toEqual([1]);
    expect(seeks.busy).toBe(true);
    await runs.finishNext();
    expect(runs.started).toEqual([1, 4]);
    expect(idle).toEqual([]);
    await runs.finishNext();
    expect(runs.started).toEqual([1, 4]);
    expect(seeks.busy).toBe(false);
    expect(idle).toEqual([4]);
  });

  it('starts again after going idle, and keeps going when a request fails', async () => {
    const started: number[] = [];
    const idle: number[] = [];
    const seeks = new LatestOnly(
      (value: number) => {
        started.push(value);
        return value === 1 ? Promise.reject(new Error('no frame 1')) : Promise.resolve();
      },
      (last) => idle.push(last),
    );
    seeks.request(1);
    seeks.request(2);
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    expect(idle).toEqual([2]);
    seeks.request(5);
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([1, 2, 5]);
    expect(idle).toEqual([2, 5]);
  });
});
