import { describe, expect, it } from 'vitest';
import type { Timer } from './engine-host';
import { EngineHost } from './engine-host';
import type { TimelineEntry, TimelineSlice } from './protocol';
import { STATIC_CLAIM_DATA as claim, STATIC_VOLUME_PV_1 as volume } from '../engine/test-manifests';

const idleTimer: Timer = { set: () => 0, clear: () => undefined };

/** A dynamic claim; with the driver's backend failing it waits, with a Warning event. */
const dynamicClaim = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: nowhere}
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: stuck}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: nowhere
  resources: {requests: {storage: 1Gi}}
`;

function settledHost(): EngineHost {
  const host = new EngineHost(idleTimer);
  host.pause();
  host.dispatch({ type: 'apply', text: `${volume}---\n${claim}` });
  host.settle();
  return host;
}

/** What a strip holding `held` entries has after taking a slice. */
function take(held: readonly TimelineEntry[], slice: TimelineSlice): TimelineEntry[] {
  return [...held.slice(0, slice.from), ...slice.entries];
}

describe('EngineHost timelineSince', () => {
  it('answers only the entries a strip is missing while the timeline grows', () => {
    const host = settledHost();
    const first = host.timelineSince(0, 0);
    expect(first.from).toBe(0);
    expect(first.entries).toEqual(host.timeline());
    host.dispatch({ type: 'apply', text: dynamicClaim });
    host.step();
    const next = host.timelineSince(first.entries.length, first.revision);
    expect(next.revision).toBe(first.revision);
    expect(next.from).toBe(first.entries.length);
    expect(next.entries.map((entry) => entry.seq)).toEqual([first.entries.length, first.entries.length + 1]);
    expect(take(first.entries, next)).toEqual(host.timeline());
    expect(host.timelineSince(host.position.head + 1, next.revision).entries).toEqual([]);
  });

  it('goes back to the first replaced frame after a branch, even when the head is where it was', () => {
    const host = settledHost();
    const held = host.timelineSince(0, 0);
    const head = host.position.head;
    host.seek(head - 1);
    host.dispatch({ type: 'apply', text: dynamicClaim });
    expect(host.position.head).toBe(head);
    const slice = host.timelineSince(held.entries.length, held.revision);
    expect(slice.revision).toBe(held.revision + 1);
    expect(slice.from).toBe(head);
    expect(take(held.entries, slice)).toEqual(host.timeline());
  });

  it('starts over after a replay, and for a revision it never had', () => {
    const host = settledHost();
    const held = host.timelineSince(0, 0);
    const copy = new EngineHost(idleTimer);
    copy.pause();
    const before = copy.timelineSince(0, 0);
    expect(copy.replay(host.replayLog()).ok).toBe(true);
    const after = copy.timelineSince(before.entries.length, before.revision);
    expect(after.from).toBe(0);
    expect(after.entries).toEqual(held.entries);
    expect(copy.timelineSince(3, 99).from).toBe(0);
    expect(copy.timelineSince(Number.NaN, after.revision).from).toBe(0);
  });

  it('marks the frames whose rounds first made a Warning event', () => {
    const host = settledHost();
    host.dispatch({ type: 'fault', target: { driver: 'ebs.csi.aws.com' }, error: 'quota exceeded' });
    host.dispatch({ type: 'apply', text: dynamicClaim });
    host.settle();
    const entries = host.timeline();
    const warned = entries.filter((entry) => entry.warnings.length > 0);
    expect(warned.length).toBeGreaterThan(0);
    expect(warned[0]?.warnings.some((warning) => warning.endsWith('persistentvolumeclaim/stuck'))).toBe(true);
    // The claim that bound made only Normal events.
    expect(entries.slice(0, 4).every((entry) => entry.warnings.length === 0)).toBe(true);
  });
});

describe('EngineHost framesUpTo', () => {
  it('answers the frames that led to a frame, oldest first, at most as many as asked', () => {
    const host = settledHost();
    const frames = host.framesUpTo(2, 2);
    expect(frames.map((frame) => frame.seq)).toEqual([1, 2]);
    expect(frames[1]?.state).toBe(host.timelineFrames[2]?.state);
    expect(host.framesUpTo(1, 50).map((frame) => frame.seq)).toEqual([0, 1]);
    expect(host.framesUpTo(0, 10_000)).toHaveLength(1);
  });

  it('answers nothing for a frame that does not exist or a count below one', () => {
    const host = settledHost();
    expect(host.framesUpTo(host.position.head + 1, 5)).toEqual([]);
    expect(host.framesUpTo(-1, 5)).toEqual([]);
    expect(host.framesUpTo(1.5, 5)).toEqual([]);
    expect(host.framesUpTo(1, 0)).toEqual([]);
  });
});

describe('EngineHost kubectl from the past', () => {
  it('reports the branch a changing line makes, and none for a read-only one', () => {
    const host = settledHost();
    const head = host.position.head;
    host.seek(1);
    expect(host.kubectl('kubectl get pv', '').branched).toBeUndefined();
    const output = host.kubectl('kubectl delete pvc data', '');
    expect(output.branched).toEqual({ fromSeq: 1, dropped: head - 1 });
    expect(output.stderr).toContain('later frames were dropped');
  });
});
