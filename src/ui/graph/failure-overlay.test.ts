import { describe, expect, it } from 'vitest';
import type { GraphFailure } from '../../engine';
import { Cluster, SANDBOX_OPTIONS, graphFailures } from '../../engine';
import { failureEdgeAriaLabel, withFailures } from './failure-overlay';
import { CARD_HEIGHT, CARD_WIDTH, LayoutMemory, cardHeight, placeNodes } from './layout';
import type { GraphModel } from './model';
import { buildGraphModel } from './model';

function sandbox(manifests: string): Cluster {
  const cluster = new Cluster(SANDBOX_OPTIONS);
  const applied = cluster.apply(manifests);
  if (!applied.ok) throw new Error(applied.error.message);
  cluster.settle();
  return cluster;
}

function overlaid(cluster: Cluster): GraphModel {
  return withFailures(buildGraphModel(cluster.state), graphFailures(cluster.state));
}

const failureEdges = (model: GraphModel) => model.edges.filter((edge) => edge.kind === 'failure');

/** Cards whose boxes overlap, as pairs of ids. */
function overlaps(model: GraphModel): string[] {
  const placed = placeNodes(model, new LayoutMemory());
  const boxes = model.nodes.flatMap((item) => {
    const at = placed.positions.get(item.id);
    return at ? [{ id: item.id, ...at, bottom: at.y + cardHeight(item) }] : [];
  });
  return boxes.flatMap((a, index) =>
    boxes
      .slice(index + 1)
      .filter((b) => Math.abs(a.x - b.x) < CARD_WIDTH && a.y < b.bottom && b.y < a.bottom)
      .map((b) => `${a.id} & ${b.id}`),
  );
}

const pv = (name: string, size: string, extra = '') => `apiVersion: v1
kind: PersistentVolume
metadata: { name: ${name} }
spec:
  capacity: { storage: ${size} }
  accessModes: [ReadWriteOnce]
  storageClassName: ""
${extra}---
`;
const pvc = (name: string, size: string, className = '""') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ${name} }
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ${className}
  resources: { requests: { storage: ${size} } }
---
`;
const pod = (name: string, volumes: string, spec = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
${spec}  containers: [{ name: app, image: busybox:1.37 }]
  volumes: ${volumes}
---
`;

describe('failure edges', () => {
  it('join a Pending claim to its closest volume with the failing criterion as label', () => {
    const model = overlaid(
      sandbox(pv('small', '1Gi', '  hostPath: { path: /tmp/small }\n') + pvc('big', '20Gi')),
    );
    expect(failureEdges(model)).toEqual([
      {
        id: 'failure:PersistentVolumeClaim/default/big->PersistentVolume/small',
        kind: 'failure',
        source: 'PersistentVolumeClaim/default/big',
        target: 'PersistentVolume/small',
        label: '1Gi < 20Gi',
      },
    ]);
    expect(failureEdgeAriaLabel(failureEdges(model)[0]!)).toBe(
      'Failure from PersistentVolumeClaim big to PersistentVolume small: 1Gi < 20Gi',
    );
    expect(overlaps(model)).toEqual([]);
  });

  it('draw one failure per source card (its label sits under that card), and need both ends', () => {
    const base = buildGraphModel(
      sandbox(
        pv('a', '1Gi', '  hostPath: { path: /tmp/a }\n') + pv('b', '1Gi', '  hostPath: { path: /tmp/b }\n'),
      ).state,
    );
    const claimRef = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'gone' } as const;
    const failures: GraphFailure[] = [
      {
        kind: 'claim-closest',
        claim: claimRef,
        volume: { kind: 'PersistentVolume', name: 'a' },
        criterion: 'capacity',
        label: 'x',
      },
    ];
    expect(failureEdges(withFailures(base, failures))).toEqual([]);
    const cluster = sandbox(
      pvc('data', '5Gi') +
        pv('a', '1Gi', '  hostPath: { path: /tmp/a }\n') +
        pv('b', '2Gi', '  hostPath: { path: /tmp/b }\n'),
    );
    const twice = withFailures(buildGraphModel(cluster.state), [
      ...graphFailures(cluster.state),
      {
        kind: 'claim-closest',
        claim: { ...claimRef, name: 'data' },
        volume: { kind: 'PersistentVolume', name: 'a' },
        criterion: 'capacity',
        label: 'again',
      },
    ]);
    expect(failureEdges(twice).map((edge) => [edge.target, edge.label])).toEqual([
      ['PersistentVolume/b', '2Gi < 5Gi'],
    ]);
  });

  it('run from a pod to the volume whose zone it cannot reach', () => {
    const model = overlaid(
      sandbox(
        pv(
          'disk-a',
          '5Gi',
          '  csi: { driver: ebs.csi.aws.com, volumeHandle: vol-0a }\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n        - matchExpressions: [{ key: topology.kubernetes.io/zone, operator: In, values: [zone-a] }]\n',
        ) +
          pvc('data', '1Gi') +
          pod(
            'web',
            '[{ name: data, persistentVolumeClaim: { claimName: data } }]',
            '  nodeSelector: { kubernetes.io/hostname: node-c }\n',
          ),
      ),
    );
    expect(failureEdges(model).map((edge) => [edge.source, edge.target, edge.label])).toEqual([
      ['Pod/default/web', 'PersistentVolume/disk-a', 'disk in zone-a'],
    ]);
  });
});

describe('missing objects', () => {
  const waiting = pod(
    'web',
    '[{ name: config, configMap: { name: app-config } }, { name: data, persistentVolumeClaim: { claimName: data } }]',
  );
  const cluster = sandbox(
    pv('pv-1', '1Gi', '  hostPath: { path: /tmp/pv-1 }\n') + pvc('data', '1Gi') + waiting,
  );
  const model = overlaid(cluster);

  it('are dashed cards in the claims column, with a line from the pod that waits', () => {
    const card = model.nodes.find((item) => item.id === 'missing:ConfigMap/default/app-config');
    expect(card).toMatchObject({
      kind: 'ConfigMap',
      kindLabel: 'ConfigMap',
      lane: 'claims',
      name: 'app-config',
      status: 'missing',
      missing: true,
      anchor: 'Pod/default/web',
      ariaLabel: 'ConfigMap app-config, missing',
    });
    expect(failureEdges(model).map((edge) => [edge.source, edge.target, edge.label])).toEqual([
      ['Pod/default/web', 'missing:ConfigMap/default/app-config', 'waits for it'],
    ]);
  });

  it('sit in their pod’s zone, beside the pod’s claim without covering it', () => {
    const placed = placeNodes(model, new LayoutMemory());
    const at = (id: string) => placed.positions.get(id);
    const podZone =
      cluster.state.objects.Pod['default/web']?.spec?.nodeName === 'node-c' ? 'zone-b' : 'zone-a';
    const box = placed.zones.find((zone) => zone.zone === podZone);
    const card = at('missing:ConfigMap/default/app-config');
    expect(card?.x).toBe(at('PersistentVolumeClaim/default/data')?.x);
    expect(card!.y).toBeGreaterThan(box!.y);
    expect(card!.y + CARD_HEIGHT).toBeLessThan(box!.y + box!.height);
    expect(overlaps(model)).toEqual([]);
  });

  it('go once the object exists', () => {
    const later = sandbox(
      pv('pv-1', '1Gi', '  hostPath: { path: /tmp/pv-1 }\n') + pvc('data', '1Gi') + waiting,
    );
    later.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app-config }\ndata: { a: b }\n');
    later.settle();
    expect(overlaid(later).nodes.some((item) => item.missing)).toBe(false);
  });
});

describe('cards', () => {
  it('a lone Pending claim says why in place of its facts', () => {
    const model = overlaid(sandbox(pvc('data', '1Gi')));
    const claim = model.nodes.find((item) => item.id === 'PersistentVolumeClaim/default/data');
    expect(claim?.facts).toEqual(['no volume fits, no class']);
    expect(claim?.alertFact).toBe('no volume fits, no class');
  });

  it('a card with Warning events gets a mark that counts them and names their events', () => {
    const cluster = sandbox(pvc('data', '1Gi', 'nope'));
    const claim = overlaid(cluster).nodes.find((item) => item.id === 'PersistentVolumeClaim/default/data');
    expect(claim?.warnings).toMatchObject({ count: 1, ariaLabel: '1 warning: ProvisioningFailed' });
    const [key] = claim?.warnings?.eventKeys ?? [];
    expect(cluster.state.objects.Event[key ?? '']?.reason).toBe('ProvisioningFailed');
  });
});

describe('layout with failures', () => {
  it('a failure line does not pull a Pending claim into the zone of the volume it points at', () => {
    const zonal =
      '  csi: { driver: ebs.csi.aws.com, volumeHandle: vol-0a }\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n        - matchExpressions: [{ key: topology.kubernetes.io/zone, operator: In, values: [zone-a] }]\n';
    const cluster = sandbox(
      pv('disk-a', '5Gi', zonal) +
        pvc('used', '1Gi') +
        pod(
          'web',
          '[{ name: data, persistentVolumeClaim: { claimName: used } }]',
          '  nodeSelector: { kubernetes.io/hostname: node-a }\n',
        ) +
        pvc('wants', '20Gi'),
    );
    const model = overlaid(cluster);
    expect(failureEdges(model).map((edge) => edge.source)).toEqual(['PersistentVolumeClaim/default/wants']);
    const placed = placeNodes(model, new LayoutMemory());
    const zoneA = placed.zones.find((zone) => zone.zone === 'zone-a');
    const wants = placed.positions.get('PersistentVolumeClaim/default/wants');
    const disk = placed.positions.get('PersistentVolume/disk-a');
    expect(disk!.y).toBeGreaterThan(zoneA!.y);
    // Above zone-a: in the lane of things not tied to a zone.
    expect(wants!.y + CARD_HEIGHT).toBeLessThan(zoneA!.y);
  });
});
