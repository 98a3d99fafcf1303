import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../../engine';
import { EngineHost } from '../../worker/engine-host';
import type { Frame } from '../../worker/protocol';
import { dynamicImmediate, staticBinding } from '../examples/starters';
import { frameAtStep, lastStep } from './lockstep';
import { outcomeSentences, reclaimOutcome } from './reclaim-outcome';
import type { ReclaimPlan, ReclaimPolicy } from './reclaim-plan';
import { boundClaim, planReclaim, reclaimIntents } from './reclaim-plan';

const idleTimer = { set: () => 0, clear: () => undefined };

/** An example applied and settled, with a file written from its pod onto the claim's volume. */
function hostWith(yaml: string, pod: string, file: string): EngineHost {
  const host = new EngineHost(idleTimer);
  host.pause();
  expect(host.dispatch({ type: 'apply', text: yaml }).ok).toBe(true);
  host.settle();
  expect(
    host.dispatch({ type: 'write', pod: { namespace: 'default', name: pod }, path: file, content: 'hi' }).ok,
  ).toBe(true);
  host.settle();
  return host;
}

function planOf(state: ClusterState, claim: string): ReclaimPlan {
  const planned = planReclaim(state, 'default', claim);
  if (!planned.ok) throw new Error(planned.reason);
  return planned.plan;
}

function forecastOf(host: EngineHost, plan: ReclaimPlan, policy: ReclaimPolicy): Frame[] {
  const forecast = host.forecast(reclaimIntents(plan, policy));
  if (!forecast.ok) throw new Error(forecast.reason);
  return forecast.frames;
}

describe('planReclaim', () => {
  it('sets the policy, deletes the pods that mount the claim, then the claim', () => {
    const host = hostWith(dynamicImmediate.yaml, 'ebs-app', '/data/notes.txt');
    const plan = planOf(host.current.state, 'ebs-claim');
    expect(plan.pods).toEqual([{ kind: 'Pod', namespace: 'default', name: 'ebs-app' }]);
    expect(plan.currentPolicy).toBe('Delete');
    expect(reclaimIntents(plan, 'Retain')).toEqual([
      {
        type: 'patch',
        ref: { kind: 'PersistentVolume', name: plan.volumeName },
        patch: { spec: { persistentVolumeReclaimPolicy: 'Retain' } },
      },
      { type: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'ebs-app' } },
      { type: 'delete', ref: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'ebs-claim' } },
    ]);
    expect(plan.focus).toContain(`PersistentVolume/${plan.volumeName}`);
    expect(plan.focus.some((id) => id.startsWith('asset:disk:'))).toBe(true);
  });

  it('refuses a claim that is not Bound, and says why', () => {
    const host = new EngineHost(idleTimer);
    host.pause();
    host.dispatch({ type: 'apply', text: staticBinding.yaml });
    // Right after the apply the claim is still Pending.
    const planned = planReclaim(host.current.state, 'default', 'static-claim');
    expect(planned).toEqual({
      ok: false,
      reason: 'claim default/static-claim is not Bound (or is being deleted)',
    });
    expect(boundClaim(host.current.state, 'default', 'missing')).toBeUndefined();
  });
});

describe('the reclaim what-if, as the engine plays it', () => {
  it('Retain keeps the volume Released and the disk with its file; Delete removes both', () => {
    const host = hostWith(dynamicImmediate.yaml, 'ebs-app', '/data/notes.txt');
    const start = host.current.state;
    const frames = host.timelineFrames.length;
    const plan = planOf(start, 'ebs-claim');
    const retain = forecastOf(host, plan, 'Retain');
    const remove = forecastOf(host, plan, 'Delete');
    const key = 'default/ebs-claim';
    const kept = reclaimOutcome(start, retain.at(-1)?.state ?? start, plan.volumeName, key);
    expect(kept.volumePhase).toBe('Released');
    expect(kept.claimGone).toBe(true);
    expect(kept.storage).toHaveLength(1);
    expect(kept.storage[0]).toMatchObject({ kept: true, filesAfter: ['notes.txt'] });
    expect(outcomeSentences(kept)).toEqual([
      `Volume ${plan.volumeName} stays: Released.`,
      `The ${kept.storage[0]?.name ?? ''} remains, with 1 file on it (notes.txt).`,
    ]);
    const gone = reclaimOutcome(start, remove.at(-1)?.state ?? start, plan.volumeName, key);
    expect(gone.volumePhase).toBeUndefined();
    expect(gone.storage[0]).toMatchObject({ kept: false, filesBefore: ['notes.txt'], filesAfter: [] });
    expect(outcomeSentences(gone)[0]).toBe(`Volume ${plan.volumeName} is deleted.`);
    expect(outcomeSentences(gone)[1]).toMatch(/is deleted: its 1 file is gone for good\.$/);
    // The real timeline is untouched.
    expect(host.timelineFrames.length).toBe(frames);
    expect(host.current.state).toBe(start);
  });

  it('shows what the engine says for a hostPath volume outside /tmp: Delete fails, the files stay', () => {
    const host = hostWith(staticBinding.yaml, 'static-web', '/usr/share/nginx/html/index.html');
    const start = host.current.state;
    const plan = planOf(start, 'static-claim');
    const remove = forecastOf(host, plan, 'Delete');
    const outcome = reclaimOutcome(
      start,
      remove.at(-1)?.state ?? start,
      plan.volumeName,
      'default/static-claim',
    );
    expect(outcome.volumePhase).toBe('Failed');
    expect(outcome.volumeMessage).toContain('/tmp');
    expect(outcome.storage[0]).toMatchObject({ kept: true, filesAfter: ['index.html'] });
  });
});

describe('lockstep', () => {
  it('holds the shorter side on its last frame', () => {
    const short = ['a0', 'a1'];
    const long = ['b0', 'b1', 'b2', 'b3'];
    expect(lastStep(short, long)).toBe(3);
    expect(frameAtStep(short, 3)).toBe('a1');
    expect(frameAtStep(long, 3)).toBe('b3');
    expect(frameAtStep(long, -2)).toBe('b0');
    expect(frameAtStep([], 1)).toBeUndefined();
    expect(lastStep()).toBe(0);
  });
});
