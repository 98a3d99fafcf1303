import { describe, expect, it } from 'vitest';
import { Cluster, SANDBOX_OPTIONS } from '../../engine';
import { describeSketch, sketchGoal } from './goal-sketch';

const volume = `apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-1}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath: {path: /mnt/data/pv-1}
`;
const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  resources: {requests: {storage: 1Gi}}
`;

function settledAfter(cluster: Cluster, text: string) {
  const result = cluster.apply(text);
  if (!result.ok) throw new Error(result.error.message);
  cluster.settle();
  return cluster.state;
}

describe('goal sketch', () => {
  it('marks what appears and what changes status on the way to the goal', () => {
    const cluster = new Cluster(SANDBOX_OPTIONS);
    const now = settledAfter(cluster, volume);
    const goal = settledAfter(cluster, claim);
    const sketch = sketchGoal(now, goal);
    const byName = new Map(sketch.nodes.map((node) => [node.name, node]));
    expect(byName.get('data')).toMatchObject({ change: 'new', status: 'Bound' });
    expect(byName.get('pv-1')).toMatchObject({ change: 'changed', status: 'Bound' });
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
});
