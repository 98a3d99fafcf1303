import { describe, expect, it } from 'vitest';
import { createClusterState } from './initial';
import { ClusterWriter } from './writer';

const configMap = (name: string) => ({
  apiVersion: 'v1' as const,
  kind: 'ConfigMap' as const,
  metadata: { name, namespace: 'default' },
  data: {},
});

describe('ClusterWriter', () => {
  it('copies only the tables it touches, so states share structure', () => {
    const base = createClusterState();
    const writer = new ClusterWriter(base);
    writer.create('ConfigMap', configMap('a'), { actor: 'user', message: 'made a' });
    const next = writer.commit();
    expect(next.objects.ConfigMap).not.toBe(base.objects.ConfigMap);
    expect(next.objects.Node).toBe(base.objects.Node);
    expect(next.objects.Node['node-1']).toBe(base.objects.Node['node-1']);
    expect(next.infra).toBe(base.infra);
    expect(base.objects.ConfigMap['default/a']).toBeUndefined();
  });

  it('treats an identical update as no change', () => {
    const writer = new ClusterWriter(createClusterState());
    const created = writer.create('ConfigMap', configMap('a'), { actor: 'user', message: 'made a' });
    const changes = writer.changes.length;
    expect(writer.update('ConfigMap', { ...created }, { actor: 'user', message: 'same' })).toBe(created);
    expect(writer.changes.length).toBe(changes);
  });

  it('folds identical events and counts them again only after 15 simulated seconds', () => {
    const state = createClusterState();
    const writer = new ClusterWriter(state);
    const pod = writer.create('ConfigMap', configMap('a'), { actor: 'user', message: 'made a' });
    const source = { component: 'test' };
    writer.event(pod, 'Warning', 'Oops', 'it broke', source, { actor: 'kubelet' });
    writer.event(pod, 'Warning', 'Oops', 'it broke', source, { actor: 'kubelet' });
    const once = writer.commit();
    expect(Object.values(once.objects.Event).map((event) => event.count)).toEqual([1]);
    const later = new ClusterWriter({ ...once, clock: once.clock + 20 });
    later.event(pod, 'Warning', 'Oops', 'it broke', source, { actor: 'kubelet' });
    expect(later.changes.every((change) => change.repeat)).toBe(true);
    expect(Object.values(later.commit().objects.Event).map((event) => event.count)).toEqual([2]);
  });

  it('removes a deleted object once nothing holds it', () => {
    const writer = new ClusterWriter(createClusterState());
    const created = writer.create(
      'ConfigMap',
      { ...configMap('held'), metadata: { ...configMap('held').metadata, finalizers: ['example.com/hold'] } },
      { actor: 'user', message: '' },
    );
    writer.delete('ConfigMap', 'default/held', { actor: 'user', message: '' });
    const terminating = writer.get('ConfigMap', 'default/held');
    expect(terminating?.metadata?.deletionTimestamp).toBeDefined();
    writer.update(
      'ConfigMap',
      { ...terminating, ...created, metadata: { ...terminating?.metadata, finalizers: [] } },
      { actor: 'user', message: '' },
    );
    expect(writer.get('ConfigMap', 'default/held')).toBeUndefined();
  });
});
