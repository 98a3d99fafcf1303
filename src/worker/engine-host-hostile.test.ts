/**
 * Whatever reaches the worker, nothing throws out of it: random and malformed intents, seeks to
 * frames that do not exist, garbage replay logs and states. Each call answers (ok or a reason).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineHost } from './engine-host';
import type { Intent } from './protocol';

const idle = { set: () => 0, clear: () => undefined };

const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

const ref = fc.oneof(
  junk,
  fc.record({
    kind: fc.constantFrom('Pod', 'PersistentVolumeClaim', 'PersistentVolume', 'Sandwich', ''),
    name: fc.constantFrom('data', 'pv-1', 'app', '', '../etc'),
    namespace: fc.option(fc.constantFrom('default', 'nowhere', ''), { nil: undefined }),
  }),
);

const intent = fc.oneof(
  fc.record({ type: fc.constantFrom('apply', 'create'), text: fc.oneof(junk, fc.string({ maxLength: 60 })) }),
  fc.record({ type: fc.constant('delete'), ref }),
  fc.record({ type: fc.constant('patch'), ref, patch: junk }),
  fc.record({ type: fc.constant('write'), pod: ref, path: junk, content: junk }),
  fc.record({ type: fc.constant('crash'), pod: ref }),
  fc.record({ type: fc.constantFrom('fault', 'clearFault'), target: junk, error: junk }),
  fc.record({ type: fc.constantFrom('reset', 'explode', ''), options: junk }),
  junk,
);

const call = fc.oneof(
  intent.map((value) => (host: EngineHost) => host.dispatch(value as Intent)),
  fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double()).map((seq) => (host: EngineHost) => host.seek(seq)),
  fc.constant((host: EngineHost) => host.step()),
  fc.string({ maxLength: 40 }).map((line) => (host: EngineHost) => host.kubectl(line, '')),
  junk.map((value) => (host: EngineHost) => host.replay(value)),
  junk.map((value) => (host: EngineHost) => host.restoreState(value)),
  fc.array(intent, { maxLength: 2 }).map((values) => (host: EngineHost) => host.forecast(values as Intent[])),
  fc.tuple(junk, junk).map(
    ([a, b]) =>
      (host: EngineHost) =>
        host.explainClaim(a as string, b as string),
  ),
  fc.tuple(junk, junk).map(
    ([a, b]) =>
      (host: EngineHost) =>
        host.frameOfEvent(a as string, b as string),
  ),
);

describe('EngineHost under hostile calls', () => {
  it('answers every call without throwing and keeps a usable timeline', () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 12 }), (calls) => {
        const host = new EngineHost(idle);
        host.pause();
        for (const run of calls) expect(() => run(host)).not.toThrow();
        expect(host.current.seq).toBe(host.position.seq);
        expect(() => host.settle()).not.toThrow();
      }),
      { numRuns: 1500 },
    );
  }, 180_000);

  it('seeks only to frames that exist, and reports them by their own number', () => {
    const host = new EngineHost(idle);
    expect(host.seek(-0)?.seq).toBe(0);
    expect(Object.is(host.position.seq, 0)).toBe(true);
    expect(host.seek(0.5)).toBeUndefined();
    expect(host.seek(Number.NaN)).toBeUndefined();
    expect(host.seek(-1)).toBeUndefined();
  });

  it('refuses a malformed intent with a structured error', () => {
    const host = new EngineHost(idle);
    const before = host.timelineFrames.length;
    const result = host.dispatch({ type: 'patch', ref: null, patch: 3 } as unknown as Intent);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain('intent.ref is not an object');
    expect(host.timelineFrames.length).toBe(before);
  });
});
