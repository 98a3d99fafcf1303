/** Test helpers for the printers: real clusters built through apply + settle, and table parsing. */
import { Cluster } from '../cluster';
import type { ClusterOptions } from '../sim/initial';
import type { PrintResult } from './result';

/** A cluster with `manifests` applied and settled; a refused manifest fails the test at once. */
export function settledCluster(manifests: string, options: ClusterOptions = {}): Cluster {
  const cluster = new Cluster(options);
  applyAndSettle(cluster, manifests);
  return cluster;
}

export function applyAndSettle(cluster: Cluster, manifests: string): void {
  const applied = cluster.apply(manifests);
  if (!applied.ok) throw new Error(`apply refused: ${JSON.stringify(applied.error)}`);
  cluster.settle();
}

/** The text of a successful print; a failed one fails the test with its error. */
export function textOf(result: PrintResult): string {
  if (!result.ok) throw new Error(`print failed: ${result.error}`);
  return result.text;
}

/**
 * A printed table as one record per row, keyed by header. Cells are cut at the header's column
 * starts, so this also checks that every row lines up under its header.
 */
export function tableRows(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.split('\n').filter((line) => line.length > 0);
  const columns = [...header.matchAll(/\S+(?: \S+)*/g)].map((match) => ({
    name: match[0],
    start: match.index,
  }));
  return lines.map((line) =>
    Object.fromEntries(
      columns.map((column, index) => {
        const end = columns[index + 1]?.start ?? line.length;
        return [column.name, line.slice(column.start, end).trimEnd()];
      }),
    ),
  );
}

export function headerOf(text: string): string {
  return text.split('\n')[0] ?? '';
}

export const STATIC_VOLUME_AND_CLAIM = `
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-static
spec:
  capacity: { storage: 10Gi }
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath: { path: /mnt/data }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 5Gi } }
`;

export const FAST_DEFAULT_CLASS = `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: ebs.csi.aws.com
allowVolumeExpansion: true
`;

export const DYNAMIC_CLAIM = `
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: dyn
spec:
  storageClassName: fast
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
`;

/** A pod on node-1 using the claim "data" at /data. */
export const POD_USING_DATA = `
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts:
        - { name: data, mountPath: /data }
  volumes:
    - name: data
      persistentVolumeClaim: { claimName: data }
`;
