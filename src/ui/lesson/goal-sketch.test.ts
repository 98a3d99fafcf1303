import { describe, expect, it } from 'vitest';
import { Cluster, SANDBOX_OPTIONS } from '../../engine';
import {
  NAME_CHARS,
  SKETCH_CARD,
  SKETCH_MARGIN,
  STATUS_CHARS,
  describeSketch,
  sketchGoal,
} from './goal-sketch';
import { STATIC_CLAIM_DATA as claim, STATIC_VOLUME_PV_1 as volume } from '../../engine/test-manifests';

function settledAfter(cluster: Cluster, text: string) {
  const result = cluster.apply(text);
  if (!result.ok) throw new Error(result.error.message);
  cluster.settle();
  return cluster.state;
}

const dynamicClaim = `apiVersion: v1
kind: Namespace
metadata: {name: my-application}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: ebs.csi.aws.com
volumeBindingMode: Immediate
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: my-app-data-pvc, namespace: my-application}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: fast
  resources: {requests: {storage: 1Gi}}
`;

describe('goal sketch', () => {
  it('marks what appears and what changes status on the way to the goal', () => {
    const cluster = new Cluster(SANDBOX_OPTIONS);
    const now = settledAfter(cluster, volume);
    const goal = settledAfter(cluster, claim);
    const sketch = sketchGoal(now, goal);
    const byName = new Map(sketch.nodes.map((node) => [node.name, node]));
    expect(byName.get('data')).toMatchObject({
      change: 'new',
      status: 'Bound',
    });
    expect(byName.get('pv-1')).toMatchObject({
      change: 'changed',
      status: 'Bound',
    });
    expect(sketch.nodes.some((node) => node.kindLabel === 'Node')).toBe(false);
    expect(sketch.edges.length).toBeGreaterThan(0);
    for (const node of sketch.nodes) {
      expect(node.x + 1).toBeLessThanOrEqual(sketch.width);
      expect(node.y).toBeGreaterThanOrEqual(0);
    }
    expect(describeSketch(sketch)).toContain('PersistentVolumeClaim data, Bound');
  });

  it('says so when the goal adds nothing new', () => {
    const cluster = new Cluster(SANDBOX_OPTIONS);
    const state = settledAfter(cluster, volume);
    const sketch = sketchGoal(state, state);
    expect(sketch.nodes.every((node) => node.change === 'same')).toBe(true);
    expect(describeSketch(sketch)).toMatch(/^Nothing new appears/);
  });

  it('fits its box to the cards, a margin all round, and cuts long names to the card', () => {
    const cluster = new Cluster(SANDBOX_OPTIONS);
    const now = cluster.state;
    const sketch = sketchGoal(now, settledAfter(cluster, dynamicClaim));
    const kinds = new Set(sketch.nodes.map((node) => node.kindLabel));
    // Claims to disks, and the class above: no pod lane on the left, drivers are chips on classes.
    expect(kinds).toEqual(new Set(['PVC', 'PV', 'Disk', 'Class']));
    const lefts = sketch.nodes.map((node) => node.x);
    const tops = sketch.nodes.map((node) => node.y);
    const rights = sketch.nodes.map((node) => node.x + SKETCH_CARD.width);
    const bottoms = sketch.nodes.map((node) => node.y + SKETCH_CARD.height);
    expect(Math.min(...lefts)).toBe(SKETCH_MARGIN);
    expect(Math.min(...tops)).toBe(SKETCH_MARGIN);
    expect(Math.max(...rights)).toBe(sketch.width - SKETCH_MARGIN);
    expect(Math.max(...bottoms)).toBe(sketch.height - SKETCH_MARGIN);
    for (const edge of sketch.edges) {
      for (const end of [edge.from, edge.to]) {
        expect(end.x).toBeGreaterThanOrEqual(0);
        expect(end.x).toBeLessThanOrEqual(sketch.width);
        expect(end.y).toBeLessThanOrEqual(sketch.height);
      }
    }
    for (const node of sketch.nodes) {
      expect(node.nameLine.length).toBeLessThanOrEqual(NAME_CHARS);
      expect(node.statusLine.length).toBeLessThanOrEqual(STATUS_CHARS);
    }
    const claim = sketch.nodes.find((node) => node.kindLabel === 'PVC');
    expect(claim?.name).toBe('my-application/my-app-data-pvc');
    expect(claim?.nameLine).toBe(`${'my-application/my-app-data-pvc'.slice(0, NAME_CHARS - 1)}…`);
    expect(claim?.statusLine).toBe('PVC · Bound');
  });
});
