import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Timer } from './engine-host';
import { EngineHost } from './engine-host';

const idleTimer: Timer = { set: () => 0, clear: () => undefined };
const kindOutput = readFileSync(
  new URL('../engine/interop/fixtures/kind-cluster.yaml', import.meta.url),
  'utf8',
);

describe('EngineHost importCluster', () => {
  it("starts afresh with the cluster's nodes and applies its objects, as two replayable moves", () => {
    const host = new EngineHost(idleTimer);
    host.pause();
    const result = host.importCluster(kindOutput);
    expect(result.ok && result.nodes).toEqual(['kind-worker', 'kind-worker2']);
    expect(result.ok && result.seq).toBe(2);
    expect(
      host.replayLog().moves.map((move) => (move.kind === 'intent' ? move.intent.type : move.kind)),
    ).toEqual(['reset', 'apply']);
    host.settle();
    expect(Object.keys(host.current.state.objects.Node)).toEqual(['kind-worker', 'kind-worker2']);
    expect(host.current.state.objects.PersistentVolumeClaim['shop/data']?.status?.phase).toBe('Bound');

    const copy = new EngineHost(idleTimer);
    expect(copy.replay(JSON.parse(JSON.stringify(host.replayLog())) as unknown).ok).toBe(true);
    expect(copy.current.state).toEqual(host.current.state);
  });

  it('refuses text it cannot read and keeps the timeline as it was', () => {
    const host = new EngineHost(idleTimer);
    host.pause();
    host.dispatch({ type: 'apply', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: mine}\n' });
    const before = host.timelineFrames.length;
    const result = host.importCluster('kind: List\nitems: [\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^the text is not YAML that kubectl prints/);
    expect(host.timelineFrames.length).toBe(before);
    expect(host.current.state.objects.ConfigMap['default/mine']).toBeDefined();
  });
});
