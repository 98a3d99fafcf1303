/** Test helpers for the binding explanation: clusters built with apply + settle, cells by name. */
import { Cluster } from '../cluster';
import type { ClusterOptions } from '../sim/initial';
import { explainClaimBinding } from './claim-binding';
import type { BindingCriterion, ClaimBindingExplanation, CriterionCell, VolumeRow } from './types';

export function settled(manifests: string, options: ClusterOptions = {}): Cluster {
  const cluster = new Cluster(options);
  applySettled(cluster, manifests);
  return cluster;
}

export function applySettled(cluster: Cluster, manifests: string): void {
  const applied = cluster.apply(manifests);
  if (!applied.ok) throw new Error(`apply refused: ${applied.error.message}`);
  cluster.settle();
}

/** The explanation of `default/<name>`; a missing claim fails the test. */
export function explain(cluster: Cluster, name: string, namespace = 'default'): ClaimBindingExplanation {
  const explanation = explainClaimBinding(cluster.state, namespace, name);
  if (!explanation) throw new Error(`no claim ${namespace}/${name}`);
  return explanation;
}

export function row(explanation: ClaimBindingExplanation, volume: string): VolumeRow {
  const found = explanation.rows.find((candidate) => candidate.volume === volume);
  if (!found) throw new Error(`no row for volume ${volume}`);
  return found;
}

export function cellOf(
  explanation: ClaimBindingExplanation,
  volume: string,
  criterion: BindingCriterion,
): CriterionCell {
  const found = row(explanation, volume).cells.find((cell) => cell.criterion === criterion);
  if (!found) throw new Error(`no ${criterion} cell for ${volume}`);
  return found;
}

/** The criteria a volume fails, in table order. */
export function failing(explanation: ClaimBindingExplanation, volume: string): BindingCriterion[] {
  return row(explanation, volume)
    .cells.filter((cell) => cell.result === 'fail')
    .map((cell) => cell.criterion);
}

export function volume(name: string, spec: string, labels = ''): string {
  return `
apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
${labels ? `  labels: ${labels}\n` : ''}spec:
${spec}
---
`;
}

export function claim(name: string, spec: string): string {
  return `
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
${spec}
---
`;
}

export function storageClass(name: string, body: string): string {
  return `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ${name}
${body}
---
`;
}

export function podUsing(name: string, claimName: string, extraSpec = ''): string {
  return `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extraSpec}  containers:
    - name: app
      image: busybox:1.37
      volumeMounts: [{ name: data, mountPath: /data }]
  volumes:
    - name: data
      persistentVolumeClaim: { claimName: ${claimName} }
---
`;
}
