import { describe, expect, it } from 'vitest';
import type { Frame } from './protocol';
import type { Timer } from './engine-host';
import { EngineHost } from './engine-host';
import { STATIC_CLAIM_DATA as claim, STATIC_VOLUME_PV_1 as volume } from '../engine/test-manifests';

/** A timer the test advances by hand. */
function manualTimer() {
  const queue: { callback: () => void; handle: number }[] = [];
  let next = 0;
  const timer: Timer = {
    set: (callback) => {
      next += 1;
      queue.push({ callback, handle: next });
      return next;
    },
    clear: (handle) => {
      const index = queue.findIndex((item) => item.handle === handle);
      if (index >= 0) queue.splice(index, 1);
    },
  };
  return { timer, tick: () => queue.shift()?.callback(), pending: () => queue.length };
}

describe('EngineHost', () => {
  it('sends the current frame on subscribe and a frame per intent and round', () => {
    const { timer } = manualTimer();
    const host = new EngineHost(timer);
    const frames: Frame[] = [];
    host.subscribe((frame) => frames.push(frame));
    expect(frames.map((frame) => frame.cause.kind)).toEqual(['start']);
    const result = host.dispatch({ type: 'apply', text: `${volume}---\n${claim}` });
    expect(result).toMatchObject({
      ok: true,
      summary: 'persistentvolume/pv-1 created, persistentvolumeclaim/data created',
    });
    host.settle();
    expect(frames.at(-1)?.settled).toBe(true);
    expect(frames.some((frame) => frame.changes.some((change) => change.rule === 'R26'))).toBe(true);
    expect(frames.map((frame) => frame.seq)).toEqual(frames.map((_, index) => index));
  });

  it('refuses a bad apply without making a frame', () => {
    const host = new EngineHost(manualTimer().timer);
    const before = host.timelineFrames.length;
    const result = host.dispatch({
      type: 'apply',
      text: claim.replace('accessModes: [ReadWriteOnce]', 'accessModes: []'),
    });
    expect(result.ok).toBe(false);
    expect(host.timelineFrames.length).toBe(before);
  });

  it('plays rounds on the timer until the cluster settles, and stops when paused', () => {
    const { timer, tick, pending } = manualTimer();
    const host = new EngineHost(timer);
    host.play();
    host.dispatch({ type: 'apply', text: `${volume}---\n${claim}` });
    expect(pending()).toBe(1);
    for (let index = 0; index < 20 && pending() > 0; index += 1) tick();
    expect(host.current.settled).toBe(true);
    expect(pending()).toBe(0);
    host.pause();
    host.dispatch({ type: 'apply', text: claim.replace('name: data', 'name: more') });
    expect(pending()).toBe(0);
  });

  it('runs kubectl lines and records a frame with their changes when they mutate', () => {
    const host = new EngineHost(manualTimer().timer);
    host.dispatch({ type: 'apply', text: volume });
    const frames = host.timelineFrames.length;
    const output = host.kubectl('kubectl delete pv pv-1', '');
    expect(output.exitCode).toBe(0);
    expect(host.timelineFrames.length).toBe(frames + 1);
    expect(host.current.cause).toEqual({ kind: 'kubectl', line: 'kubectl delete pv pv-1' });
    expect(host.current.changes.length).toBeGreaterThan(0);
    host.kubectl('get pv', '');
    expect(host.timelineFrames.length).toBe(frames + 1);
  });
});

describe('EngineHost timeline', () => {
  it('seeks to a past frame and continues from there, dropping what came after', () => {
    const host = new EngineHost(manualTimer().timer);
    host.pause();
    host.dispatch({ type: 'apply', text: volume });
    const afterVolume = host.current.seq;
    host.dispatch({ type: 'apply', text: claim });
    host.settle();
    expect(host.current.state.objects.PersistentVolumeClaim['default/data']).toBeDefined();

    const seen: Frame[] = [];
    host.subscribe((frame) => seen.push(frame));
    const frame = host.seek(afterVolume);
    expect(frame?.seq).toBe(afterVolume);
    expect(seen.at(-1)?.seq).toBe(afterVolume);
    expect(host.current.state.objects.PersistentVolumeClaim['default/data']).toBeUndefined();
    expect(host.playback().playing).toBe(false);

    host.dispatch({ type: 'apply', text: claim.replace('name: data', 'name: other') });
    expect(host.timelineFrames.length).toBe(afterVolume + 2);
    expect(host.current.state.objects.PersistentVolumeClaim['default/other']).toBeDefined();
    expect(host.current.state.objects.PersistentVolumeClaim['default/data']).toBeUndefined();
    expect(host.seek(999)).toBeUndefined();
  });
});

describe('EngineHost goals', () => {
  it('checks lesson goals against the current cluster', () => {
    const host = new EngineHost(manualTimer().timer);
    host.dispatch({ type: 'apply', text: volume });
    host.settle();
    const [available, bound] = host.checkGoals([
      { object: { kind: 'PersistentVolume', name: 'pv-1' }, phase: 'Available' },
      { object: { kind: 'PersistentVolume', name: 'pv-1' }, phase: 'Bound' },
    ]);
    expect(available).toEqual({ met: true, problems: [] });
    expect(bound?.met).toBe(false);
    expect(bound?.problems[0]).toContain('expected "Bound", got "Available"');
  });
});

describe('EngineHost restore', () => {
  it('continues from a saved state, and refuses anything that is not one', () => {
    const first = new EngineHost(manualTimer().timer);
    first.dispatch({ type: 'apply', text: volume });
    first.settle();
    const saved: unknown = JSON.parse(JSON.stringify(first.current.state));

    const second = new EngineHost(manualTimer().timer);
    expect(second.restoreState({ nope: true })).toEqual({
      ok: false,
      reason: 'the saved cluster cannot be used: schema version undefined, expected 1',
    });
    expect(second.current.state.objects.PersistentVolume['pv-1']).toBeUndefined();
    expect(second.restoreState(saved).ok).toBe(true);
    expect(second.current.state.objects.PersistentVolume['pv-1']?.status?.phase).toBe('Available');
    second.dispatch({ type: 'apply', text: claim });
    second.settle();
    expect(second.current.state.objects.PersistentVolume['pv-1']?.status?.phase).toBe('Bound');
  });
});
