/** Manifests the demos build the same way (pods come from the lessons' podUsingClaim). */
import { SANDBOX_OPTIONS } from '../../engine';
import type { ClusterOptions } from '../../engine';

/** The sandbox's three nodes in two zones, with only the drivers a demo shows: a smaller graph. */
export const demoCluster = (drivers: readonly string[]): ClusterOptions => ({
  nodes: SANDBOX_OPTIONS.nodes ?? [],
  drivers,
});

/** A volume made by hand: a directory on a node (hostPath), of class `className`. */
export const handMadeVolume = (name: string, size: string, className: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: ${size}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: ${className}
  hostPath:
    path: /mnt/data/${name}
`;

export const claimOfClass = (name: string, size: string, className: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ${className}
  resources:
    requests:
      storage: ${size}
`;

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
