import { describe, expect, it } from 'vitest';
import type { Timer } from './engine-host';
import { EngineHost } from './engine-host';
import type { TimelinePosition } from './protocol';
import { MAX_REPLAY_FRAMES, replayLogProblem } from './replay-log';
import { STATIC_CLAIM_DATA as claim } from '../engine/test-manifests';

const idleTimer: Timer = { set: () => 0, clear: () => undefined };

const volume = `apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-1}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: ""
  hostPath: {path: /mnt/data/pv-1}
`;
const dynamicClaim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: fast}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: standard
  resources: {requests: {storage: 2Gi}}
`;
const storageClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: standard}
provisioner: ebs.csi.aws.com
`;

/** A timeline with intents, kubectl lines (one reading the editor) and rounds. */
function storyHost(): EngineHost {
  const host = new EngineHost(idleTimer);
  host.pause();
  host.dispatch({ type: 'apply', text: `${volume}---\n${claim}` });
  host.settle();
  host.kubectl('kubectl apply -f -', `${storageClass}---\n${dynamicClaim}`);
  host.step();
  host.step();
  host.kubectl('kubectl delete pvc data', '');
  host.settle();
  return host;
}

describe('EngineHost replay', () => {
  it('rebuilds the same frames, seq for seq, from the replay log', () => {
    const original = storyHost();
    const log = JSON.parse(JSON.stringify(original.replayLog())) as unknown;
    const copy = new EngineHost(idleTimer);
    const result = copy.replay(log);
    expect(result).toEqual({ ok: true, position: original.position });
    expect(copy.timelineFrames.length).toBe(original.timelineFrames.length);
    for (const [index, frame] of original.timelineFrames.entries()) {
      expect(copy.timelineFrames[index]?.state, `frame ${index}`).toEqual(frame.state);
      expect(copy.timelineFrames[index]?.cause).toEqual(frame.cause);
    }
    expect(copy.current.state.objects.PersistentVolume['pv-1']?.status?.phase).toBe('Released');
  });

  it('folds runs of rounds into one move and keeps editor text only for lines that read files', () => {
    const moves = storyHost().replayLog().moves;
    expect(moves.filter((move) => move.kind === 'rounds').every((move) => move.count >= 1)).toBe(true);
    expect(moves.some((move, index) => move.kind === 'rounds' && moves[index + 1]?.kind === 'rounds')).toBe(
      false,
    );
    expect(moves.filter((move) => move.kind === 'kubectl')).toEqual([
      { kind: 'kubectl', line: 'kubectl apply -f -', editorText: `${storageClass}---\n${dynamicClaim}` },
      { kind: 'kubectl', line: 'kubectl delete pvc data' },
    ]);
  });

  it('shows the asked-for frame after replaying, and says nothing until then', () => {
    const original = storyHost();
    const copy = new EngineHost(idleTimer);
    const heard: TimelinePosition[] = [];
    copy.subscribe((_, position) => heard.push(position));
    heard.length = 0;
    const result = copy.replay(original.replayLog(), 3);
    expect(result.ok && result.position).toEqual({ seq: 3, head: original.position.head });
    expect(heard).toEqual([{ seq: 3, head: original.position.head }]);
    expect(copy.current.state).toEqual(original.timelineFrames[3]?.state);
  });

  it('refuses a log that does not replay, and keeps the timeline it had', () => {
    const host = storyHost();
    const before = host.timelineFrames.length;
    const refused = host.replay({
      version: 1,
      options: {},
      moves: [
        { kind: 'intent', intent: { type: 'delete', ref: { kind: 'PersistentVolume', name: 'missing' } } },
      ],
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toContain('moves[0] (delete) was refused');
    expect(host.timelineFrames.length).toBe(before);
    expect(host.current.state.objects.PersistentVolume['pv-1']).toBeDefined();
  });

  it('checks the shape of an untrusted log before replaying anything', () => {
    expect(replayLogProblem(null)).toBe('the timeline is not an object');
    expect(replayLogProblem({ version: 9, options: {}, moves: [] })).toContain('has version 9');
    expect(replayLogProblem({ version: 1, options: { nodes: 'x' }, moves: [] })).toContain('options.nodes');
    expect(replayLogProblem({ version: 1, options: {}, moves: [{ kind: 'script' }] })).toContain(
      'moves[0].kind',
    );
    expect(
      replayLogProblem({
        version: 1,
        options: {},
        moves: [{ kind: 'intent', intent: { type: 'apply', text: 3 } }],
      }),
    ).toBe('moves[0].intent.text is not a string');
    expect(
      replayLogProblem({
        version: 1,
        options: {},
        moves: [{ kind: 'rounds', count: MAX_REPLAY_FRAMES + 1 }],
      }),
    ).toContain('at most');
    expect(
      replayLogProblem({
        version: 1,
        options: {},
        moves: [
          { kind: 'rounds', count: 1 },
          { kind: 'restore', state: {} },
        ],
      }),
    ).toContain('only be the first move');
  });
});

describe('EngineHost time travel', () => {
  it('steps forward through recorded frames from the past without dropping any', () => {
    const host = storyHost();
    const head = host.position.head;
    host.seek(2);
    expect(host.step().seq).toBe(3);
    expect(host.position).toEqual({ seq: 3, head });
    expect(host.current.state).toBe(host.timelineFrames[3]?.state);
  });

  it('plays from the past through the recorded frames to the head', () => {
    const queue: (() => void)[] = [];
    const host = new EngineHost({ set: (callback) => queue.push(callback), clear: () => queue.splice(0) });
    host.pause();
    host.dispatch({ type: 'apply', text: `${volume}---\n${claim}` });
    host.settle();
    const head = host.position.head;
    host.seek(1);
    host.play();
    for (let tick = 0; tick < 50 && queue.length > 0; tick += 1) queue.shift()?.();
    expect(host.position).toEqual({ seq: head, head });
    expect(host.playback().settled).toBe(true);
  });

  it('says when an intent from the past branches the timeline', () => {
    const host = storyHost();
    const head = host.position.head;
    host.seek(2);
    const result = host.dispatch({ type: 'apply', text: dynamicClaim.replace('name: fast', 'name: other') });
    expect(result.ok && result.branched).toEqual({ fromSeq: 2, dropped: head - 2 });
    expect(host.position).toEqual({ seq: 3, head: 3 });
    const atHead = host.dispatch({ type: 'apply', text: storageClass });
    expect(atHead.ok && atHead.branched).toBeUndefined();
  });

  it('lists every frame in brief, with the events first recorded in it', () => {
    const host = storyHost();
    const entries = host.timeline();
    expect(entries.map((entry) => entry.seq)).toEqual(host.timelineFrames.map((frame) => frame.seq));
    expect(entries[1]?.label).toBe('persistentvolume/pv-1 created, persistentvolumeclaim/data created');
    expect(entries.some((entry) => entry.label === '$ kubectl delete pvc data')).toBe(true);
    expect(
      entries
        .flatMap((entry) => entry.events)
        .some((event) => event.startsWith('persistentvolumeclaim/fast')),
    ).toBe(true);
  });

  it('finds the first frame an event appears in', () => {
    const host = storyHost();
    const [key] = Object.keys(host.current.state.objects.Event);
    expect(key).toBeDefined();
    const [namespace, name] = (key ?? '').split('/');
    const seq = host.frameOfEvent(namespace ?? '', name ?? '');
    expect(seq).toBeGreaterThan(0);
    expect(host.timelineFrames[(seq ?? 0) - 1]?.state.objects.Event[key ?? '']).toBeUndefined();
    expect(host.frameOfEvent('default', 'no-such-event')).toBeUndefined();
  });
});

describe('EngineHost forecast', () => {
  it('plays intents on a scratch copy and leaves the timeline alone', () => {
    const host = new EngineHost(idleTimer);
    host.pause();
    host.dispatch({ type: 'apply', text: `${volume}---\n${claim}` });
    host.settle();
    const frames = host.timelineFrames.length;
    const forecast = host.forecast([
      {
        type: 'patch',
        ref: { kind: 'PersistentVolume', name: 'pv-1' },
        patch: { spec: { persistentVolumeReclaimPolicy: 'Delete' } },
      },
      { type: 'delete', ref: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' } },
    ]);
    expect(forecast.ok).toBe(true);
    const last = forecast.ok ? forecast.frames.at(-1) : undefined;
    expect(last?.settled).toBe(true);
    // A hostPath volume outside /tmp cannot be deleted: the deleter refuses, as Kubernetes' does.
    expect(last?.state.objects.PersistentVolume['pv-1']?.status?.phase).toBe('Failed');
    expect(host.timelineFrames.length).toBe(frames);
    expect(host.current.state.objects.PersistentVolume['pv-1']?.status?.phase).toBe('Bound');
    expect(host.forecast([{ type: 'delete', ref: { kind: 'Pod', name: 'ghost' } }]).ok).toBe(false);
  });
});
