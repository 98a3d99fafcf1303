import { describe, expect, it } from 'vitest';
import type { Actor, Change, ClusterState } from '../../engine';
import { Cluster, SANDBOX_OPTIONS } from '../../engine';
import { EXAMPLES, exampleById } from '../examples';
import type { Beat, BeatPlan } from './beats';
import {
  CAPTION_MAX,
  actorLabel,
  beatCaption,
  beatContext,
  graphAfterBeat,
  planBeats,
  tokenLabel,
} from './beats';
import type { GraphModel } from './model';
import { buildGraphModel } from './model';

interface TestFrame {
  readonly state: ClusterState;
  readonly changes: readonly Change[];
}

/** The frames an Apply of `yaml` makes in the sandbox: the start, the apply, then each round until settled. */
function framesOf(yaml: string, after?: (cluster: Cluster) => void): TestFrame[] {
  const cluster = new Cluster(SANDBOX_OPTIONS, { journal: true });
  const frames: TestFrame[] = [{ state: cluster.state, changes: [] }];
  const reconcile = () => {
    for (let round = 0; round < 50; round += 1) {
      const result = cluster.step();
      frames.push({ state: result.state, changes: result.changes });
      if (!result.progressed) return;
    }
  };
  const applied = cluster.apply(yaml);
  if (!applied.ok) throw new Error(applied.error.message);
  frames.push({ state: cluster.state, changes: cluster.takeJournal() });
  reconcile();
  if (after) {
    after(cluster);
    frames.push({ state: cluster.state, changes: cluster.takeJournal() });
    reconcile();
  }
  return frames;
}

function exampleFrames(id: string, after?: (cluster: Cluster) => void): TestFrame[] {
  const example = exampleById(id);
  if (!example) throw new Error(`no example ${id}`);
  return framesOf(example.yaml, after);
}

interface Round {
  readonly previous: GraphModel;
  readonly next: GraphModel;
  readonly frame: TestFrame;
  readonly plan: BeatPlan;
}

function rounds(frames: readonly TestFrame[]): Round[] {
  return frames.slice(1).map((frame, index) => {
    const before = frames[index] as TestFrame;
    const previous = buildGraphModel(before.state);
    const next = buildGraphModel(frame.state);
    return {
      previous,
      next,
      frame,
      plan: planBeats(previous, next, frame.changes, beatContext(before.state, frame.state)),
    };
  });
}

/** The first round whose changes include one with this message start. */
function roundWith(all: readonly Round[], start: string): Round {
  const round = all.find(({ frame }) => frame.changes.some((change) => change.message.startsWith(start)));
  if (!round) throw new Error(`no round with "${start}"`);
  return round;
}

function beatWith(plan: BeatPlan, start: string): Beat {
  const beat = plan.beats.find((candidate) => candidate.caption.startsWith(start));
  if (!beat) throw new Error(`no beat "${start}" in ${plan.beats.map((item) => item.caption).join(' | ')}`);
  return beat;
}

const statusOf = (model: GraphModel, id: string) => model.nodes.find((item) => item.id === id)?.status;

describe('planBeats', () => {
  const staticRounds = rounds(exampleFrames('static-binding'));
  const binding = roundWith(staticRounds, 'bound claim');

  it('tells the changes in the order the engine made them, each change once', () => {
    const indexes = binding.plan.beats.flatMap((beat) => beat.changeIndexes);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(new Set(indexes).size).toBe(indexes.length);
    expect(
      binding.plan.beats.map((beat) => [beat.actor, beat.caption.split(' ').slice(0, 3).join(' ')]),
    ).toEqual([
      ['binder', 'volume static-pv has'],
      ['binder', 'bound claim static-claim'],
      ['scheduler', 'scheduled pod static-web'],
      ['kubelet on node-a', 'directory /mnt/data/static on'],
      ['kubelet on node-a', 'pod static-web is'],
    ]);
  });

  it('makes a bind that writes claim and volume with one sentence one beat of both changes', () => {
    const bind = beatWith(binding.plan, 'bound claim');
    expect(bind.changeIndexes).toHaveLength(2);
    expect(bind.changeIndexes.map((index) => binding.frame.changes[index]?.object?.kind)).toEqual([
      'PersistentVolume',
      'PersistentVolumeClaim',
    ]);
  });

  it('skips repeated events and events that only record a write of the same round', () => {
    const told = new Set(binding.plan.beats.flatMap((beat) => beat.changeIndexes));
    binding.frame.changes.forEach((change, index) => {
      if (change.action === 'event') expect(told.has(index), change.message).toBe(false);
    });
    // An event no write explains is a beat: the claim waits for its first consumer.
    const waiting = rounds(exampleFrames('guide-storage-class')).find(
      (round) => round.plan.beats.length === 1,
    );
    expect(waiting?.plan.beats[0]).toMatchObject({
      actor: 'binder',
      caption: 'WaitForFirstConsumer: waiting for first consumer to be created before binding',
      path: ['PersistentVolumeClaim/default/ssd-data'],
    });
  });

  it('travels along the relation each controller acts on', () => {
    expect(beatWith(binding.plan, 'bound claim')).toMatchObject({
      from: 'PersistentVolumeClaim/default/static-claim',
      to: 'PersistentVolume/static-pv',
    });
    expect(beatWith(binding.plan, 'scheduled pod')).toMatchObject({
      from: 'Pod/default/static-web',
      to: 'Node/node-a',
      moves: ['Pod/default/static-web'],
    });
    expect(beatWith(binding.plan, 'pod static-web is Running')).toMatchObject({
      from: 'Node/node-a',
      to: 'Pod/default/static-web',
      cards: ['Pod/default/static-web'],
    });

    const dynamic = rounds(exampleFrames('dynamic-ebs-immediate'));
    const provisioning = roundWith(dynamic, 'provisioned volume');
    const volume = provisioning.next.nodes.find((item) => item.kind === 'PersistentVolume');
    const disk = provisioning.next.nodes.find((item) => item.kind === 'Asset');
    expect(beatWith(provisioning.plan, 'no existing volume fits').path).toEqual([
      'PersistentVolumeClaim/default/ebs-claim',
      'StorageClass/ebs-gp3',
    ]);
    expect(beatWith(provisioning.plan, 'Amazon EBS created disk')).toMatchObject({
      actor: 'provisioner for ebs.csi.aws.com',
      path: ['StorageClass/ebs-gp3', disk?.id],
      cards: [disk?.id],
    });
    expect(beatWith(provisioning.plan, 'provisioned volume')).toMatchObject({
      path: ['StorageClass/ebs-gp3', volume?.id, disk?.id],
      cards: [volume?.id],
      edges: [`stored-on:${volume?.id}->${disk?.id}`],
    });
    const attaching = roundWith(dynamic, 'attached disk');
    expect(beatWith(attaching.plan, 'attached disk')).toMatchObject({
      actor: 'attacher for ebs.csi.aws.com',
      path: [disk?.id, 'Node/node-a'],
    });
    expect(beatWith(attaching.plan, 'volume pvc-')).toMatchObject({
      actor: 'attach/detach controller',
      path: [volume?.id, 'Node/node-a'],
    });
  });

  it('names the reclaimer and the protection controllers when a claim goes', () => {
    const all = rounds(
      exampleFrames('retain-vs-delete', (cluster) => {
        cluster.delete({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'scratch-claim' });
      }),
    );
    const actors = all.flatMap(({ plan }) => plan.beats.map((beat) => beat.actor));
    expect(actors).toEqual(
      expect.arrayContaining(['you', 'claim protection', 'reclaimer', 'volume protection']),
    );
    const released = roundWith(all, 'volume pvc-');
    const deleteDisk = beatWith(released.plan, 'Amazon EBS deleted disk');
    expect(deleteDisk.cards).toHaveLength(1);
    expect(deleteDisk.cards[0]).toMatch(/^asset:disk:/);
  });

  it('has nothing to tell for a round without changes', () => {
    const settled = staticRounds.at(-1) as Round;
    expect(settled.frame.changes.filter((change) => !change.repeat)).toEqual([]);
    expect(settled.plan.beats).toEqual([]);
    expect(graphAfterBeat(settled.previous, settled.next, settled.plan, -1)).toEqual(settled.next);
  });
});

describe('graphAfterBeat', () => {
  const everyRound = EXAMPLES.filter((example) => example.id !== 'stress-500').flatMap((example) =>
    rounds(framesOf(example.yaml)).map((round) => ({ id: example.id, ...round })),
  );

  it('ends exactly at the frame’s model after the last beat, for every round of every example', () => {
    for (const { id, previous, next, plan } of everyRound) {
      expect(graphAfterBeat(previous, next, plan, plan.beats.length - 1), id).toEqual(next);
    }
  });

  it('draws each card as it was or as it ends, and never goes back once changed', () => {
    for (const { id, previous, next, plan } of everyRound) {
      const versions = new Map<string, string[]>();
      for (const item of [...previous.nodes, ...next.nodes])
        versions.set(item.id, [...(versions.get(item.id) ?? []), JSON.stringify(item)]);
      const ended = new Set<string>();
      for (let index = -1; index < plan.beats.length; index += 1) {
        const shown = graphAfterBeat(previous, next, plan, index);
        const ids = new Set(shown.nodes.map((item) => item.id));
        for (const edge of shown.edges) expect(ids.has(edge.source) && ids.has(edge.target), id).toBe(true);
        for (const item of shown.nodes) {
          const text = JSON.stringify(item);
          const final = JSON.stringify(next.nodes.find((candidate) => candidate.id === item.id));
          const known = versions.get(item.id) ?? [];
          // A scheduled pod may be drawn in its node's zone before it runs: only its place is new.
          expect(known.includes(text) || plan.moveAt.has(item.id), `${id} ${item.id}`).toBe(true);
          if (ended.has(item.id)) expect(text, `${id} ${item.id} went back`).toBe(final);
          if (text === final) ended.add(item.id);
        }
      }
    }
  });

  it('advances the static binding beat by beat: bound at the bind, Running only at the kubelet', () => {
    const round = roundWith(rounds(exampleFrames('static-binding')), 'bound claim');
    const { previous, next, plan } = round;
    const at = (start: string) => plan.beats.indexOf(beatWith(plan, start));
    const claim = 'PersistentVolumeClaim/default/static-claim';
    const pod = 'Pod/default/static-web';
    const after = (index: number) => graphAfterBeat(previous, next, plan, index);
    expect(statusOf(after(at('bound claim') - 1), claim)).toBe('Pending');
    expect(statusOf(after(at('bound claim')), claim)).toBe('Bound');
    expect(after(at('bound claim')).edges.map((edge) => edge.kind)).toContain('bound');
    const scheduled = after(at('scheduled pod'));
    expect(statusOf(scheduled, pod)).toBe('Pending');
    expect(scheduled.nodes.find((item) => item.id === pod)?.zone).toBe('zone-a');
    expect(statusOf(after(at('pod static-web is Running') - 1), pod)).toBe('Pending');
    expect(statusOf(after(at('pod static-web is Running')), pod)).toBe('Running');
  });

  it('shows at once what no beat tells (a frame skipped to keep up), from an older picture', () => {
    const frames = exampleFrames('static-binding');
    const bound = roundWith(rounds(frames), 'bound claim').frame;
    const previous = buildGraphModel((frames[0] as TestFrame).state);
    const next = buildGraphModel(bound.state);
    // Told from before the apply, the pod the skipped frame created appears with its first write.
    const plan = planBeats(previous, next, bound.changes, beatContext(bound.state));
    expect(plan.cardAt.get('Pod/default/static-web')).toBe(
      plan.beats.indexOf(beatWith(plan, 'scheduled pod')),
    );
    expect(graphAfterBeat(previous, next, plan, plan.beats.length - 1)).toEqual(next);
    // With nothing told, everything that differs is there from the start.
    const untold = planBeats(previous, next, []);
    expect(untold.beats).toEqual([]);
    expect(untold.untoldCards).toContain('Pod/default/static-web');
    expect(graphAfterBeat(previous, next, untold, -1)).toEqual(next);
  });
});

describe('captions and actors', () => {
  it('are short lines from the message: no rule numbers, no default namespace, names cut', () => {
    expect(
      beatCaption(
        'bound claim default/static-claim to static-pv: the smallest Available volume with RWO, at least 3Gi and class "manual" (R19-R23)',
      ),
    ).toBe('bound claim static-claim to static-pv: the smallest Available volume with RWO, at least…');
    expect(
      beatCaption(
        'provisioned volume pvc-f95de68a-a371-4919-a3ee-c26ac8939a18 for claim default/ebs-claim: 4Gi',
      ),
    ).toBe('provisioned volume pvc-f95de68a… for claim ebs-claim: 4Gi');
    expect(
      beatCaption(
        'NFS created NFS export nfs.csi.k8s.io:nfs-server.storage.svc.cluster.local#/exports#pvc-f95de68a-a371-4919-a3ee-c26ac8939a18## (1Gi)',
      ),
    ).toBe('NFS created NFS export …/pvc-f95de68a… (1Gi)');
    expect(beatCaption('created Pod default/web')).toBe('created Pod web');
  });

  it('fit on one line for every change of every example', () => {
    for (const example of EXAMPLES) {
      for (const { plan } of rounds(framesOf(example.yaml))) {
        for (const beat of plan.beats) {
          expect(beat.caption.length, beat.caption).toBeLessThanOrEqual(CAPTION_MAX);
          expect(beat.caption).not.toMatch(/\(R\d|default\//);
        }
      }
    }
  });

  it('name every controller as the course does', () => {
    const label = (actor: Actor, on?: string, rule?: Change['rule']) =>
      actorLabel({ actor, ...(on ? { on } : {}), ...(rule ? { rule } : {}) });
    expect(label('persistentvolume-controller', undefined, 'R26')).toBe('binder');
    expect(label('persistentvolume-controller', undefined, 'R38')).toBe('reclaimer');
    expect(label('csi-provisioner', 'ebs.csi.aws.com')).toBe('provisioner for ebs.csi.aws.com');
    expect(label('kubelet', 'node-b')).toBe('kubelet on node-b');
    expect(label('default-scheduler')).toBe('scheduler');
    expect(label('csi-attacher', 'pd.csi.storage.gke.io')).toBe('attacher for pd.csi.storage.gke.io');
    expect(label('pvc-protection-controller')).toBe('claim protection');
    expect(label('user')).toBe('you');
    // The travelling chip says only what the controller is.
    expect(
      ['provisioner for ebs.csi.aws.com', 'kubelet on node-a', 'attach/detach controller', 'binder'].map(
        tokenLabel,
      ),
    ).toEqual(['provisioner', 'kubelet', 'attach/detach', 'binder']);
  });
});
