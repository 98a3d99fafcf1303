import { describe, expect, it } from 'vitest';
import type { Timer } from '../../worker/engine-host';
import { EngineHost } from '../../worker/engine-host';
import type { Frame } from '../../worker/protocol';
import type { Demo, DemoEngine } from './index';
import { DEMOS, openingIntents, playIntents, validateDemos } from './index';

/** A timer nobody ticks: rounds happen only through settle(), as when the app is paused. */
const idleTimer: Timer = { set: () => 0, clear: () => undefined };

function engineOf(host: EngineHost): DemoEngine {
  return {
    dispatch: (intent) => host.dispatch(intent),
    settleAfter: () => {
      if (!host.current.settled) host.settle();
    },
  };
}

/** What a frame shows, without its place in the timeline (two runs may start at different seqs). */
const shown = (frames: readonly Frame[]) => frames.map(({ seq: _seq, ...rest }) => rest);

interface Run {
  readonly host: EngineHost;
  /** Seq of the frame each pause point starts from: [0] is after the opening, [k] after step k. */
  readonly pauses: number[];
  readonly openedAt: number;
}

async function playDemo(demo: Demo, host = new EngineHost(idleTimer)): Promise<Run> {
  host.pause();
  const engine = engineOf(host);
  const openedAt = host.current.seq + 1;
  const opening = await playIntents(engine, openingIntents(demo));
  expect(opening).toEqual({ ok: true });
  const pauses = [host.current.seq];
  for (const [index, step] of demo.steps.entries()) {
    const outcome = await playIntents(engine, step.intents);
    expect({ step: index + 1, outcome }).toEqual({ step: index + 1, outcome: { ok: true } });
    expect(host.current.settled).toBe(true);
    const unmet = host
      .checkGoals(step.checks)
      .flatMap((result, check) => (result.met ? [] : [`check ${check + 1}: ${result.problems.join('; ')}`]));
    expect({ step: index + 1, unmet }).toEqual({ step: index + 1, unmet: [] });
    pauses.push(host.current.seq);
  }
  return { host, pauses, openedAt };
}

describe('the demos', () => {
  it('are valid: ids, short text-only narration, no resets in the script, checks where things change', () => {
    expect(DEMOS.length).toBeGreaterThanOrEqual(3);
    expect(validateDemos(DEMOS)).toEqual([]);
  });

  describe.each(DEMOS.map((demo) => [demo.title, demo] as const))('%s', (_title, demo) => {
    it('accepts every intent of every step, and each step ends settled with its narration true', async () => {
      const { pauses } = await playDemo(demo);
      expect(pauses).toHaveLength(demo.steps.length + 1);
      // Every pause point is a frame of its own: each step made the cluster move on.
      expect(new Set(pauses).size).toBe(pauses.length);
    });

    it('plays the same frames every time, whatever the cluster was doing before', async () => {
      const first = await playDemo(demo);
      const busy = new EngineHost(idleTimer);
      busy.dispatch({ type: 'apply', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: leftover}\n' });
      busy.settle();
      const second = await playDemo(demo, busy);
      expect(second.openedAt).toBeGreaterThan(first.openedAt);
      expect(shown(second.host.timelineFrames.slice(second.openedAt))).toEqual(
        shown(first.host.timelineFrames.slice(first.openedAt)),
      );
    });

    it('going back to where a step began and playing it again gives the same frames', async () => {
      const run = await playDemo(demo);
      const recorded = shown(run.host.timelineFrames);
      const engine = engineOf(run.host);
      for (let step = demo.steps.length; step >= 1; step -= 1) {
        const began = run.pauses[step - 1] ?? 0;
        run.host.seek(began);
        expect(await playIntents(engine, demo.steps[step - 1]?.intents ?? [])).toEqual({ ok: true });
        expect(run.host.current.seq).toBe(run.pauses[step]);
        expect(shown(run.host.timelineFrames.slice(0, (run.pauses[step] ?? 0) + 1))).toEqual(
          recorded.slice(0, (run.pauses[step] ?? 0) + 1),
        );
      }
    });
  });
});

describe('demo validation', () => {
  it('refuses HTML, long narration, resets inside the script and unchecked steps', () => {
    const [demo] = DEMOS;
    if (!demo) throw new Error('no demos');
    const [step] = demo.steps;
    if (!step) throw new Error('no steps');
    const broken: Demo = {
      ...demo,
      id: 'Broken Demo',
      setup: [{ type: 'reset' }],
      steps: [
        { ...step, narration: 'Look <img src=x onerror=alert(1)>' },
        { ...step, narration: 'x'.repeat(500), checks: [] },
        { ...step, intents: [{ type: 'reset' }] },
      ],
    };
    const problems = validateDemos([broken, broken]);
    for (const expected of [
      'id must be',
      'HTML',
      '500 characters',
      'needs checks',
      'must not reset',
      'setup must not reset',
      'duplicate demo id',
    ])
      expect(
        problems.some((problem) => problem.includes(expected)),
        expected,
      ).toBe(true);
  });

  it('reports a refused intent with its place in the step', async () => {
    const host = new EngineHost(idleTimer);
    const outcome = await playIntents(engineOf(host), [
      { type: 'apply', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\n' },
      { type: 'delete', ref: { kind: 'PersistentVolume', name: 'nowhere' } },
    ]);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problem).toContain('intent 2 (delete) was refused');
  });
});
