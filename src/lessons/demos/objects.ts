/** Manifests only the demos build (volumes, claims and pods come from the lessons' manifests). */
import { SANDBOX_OPTIONS } from '../../engine';
import type { ClusterOptions } from '../../engine';

/** The sandbox's three nodes in two zones, with only the drivers a demo shows: a smaller graph. */
export const demoCluster = (drivers: readonly string[]): ClusterOptions => ({
  nodes: SANDBOX_OPTIONS.nodes ?? [],
  drivers,
});

export interface ClassOptions {
  readonly reclaimPolicy?: 'Retain' | 'Delete';
  readonly bindingMode?: 'Immediate' | 'WaitForFirstConsumer';
}

/** An EBS StorageClass: the driver every dynamic demo uses. */
export const ebsClass = (name: string, options: ClassOptions = {}) => `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ${name}
provisioner: ebs.csi.aws.com
reclaimPolicy: ${options.reclaimPolicy ?? 'Delete'}
volumeBindingMode: ${options.bindingMode ?? 'Immediate'}
`;

export const EBS_DRIVER = 'ebs.csi.aws.com';
