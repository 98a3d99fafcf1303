/**
 * Starters for the flows the course covers: static binding, dynamic provisioning, topology,
 * shared storage and reclaim policies. The zone names match the app's sandbox (zone-a, zone-b).
 */
import { documents } from './types';
import type { Example } from './types';
import { EBS_GP3_CLASS } from './shared-objects';

export const staticBinding: Example = {
  id: 'static-binding',
  title: 'Volume, claim and pod, bound together',
  description:
    'The whole static path in one go: a 10Gi volume of class manual, a 3Gi claim of the same ' +
    'class, and a web server pod that mounts the claim. The claim binds to the volume (and gets ' +
    'all 10Gi), then the pod is scheduled and its volume mounted. The pod names only the claim, ' +
    'never the volume.',
  yaml: documents(
    `apiVersion: v1
kind: PersistentVolume
metadata:
  name: static-pv
spec:
  capacity:
    storage: 10Gi
  accessModes:
    - ReadWriteOnce
  storageClassName: manual
  hostPath:
    path: /mnt/data/static
`,
    `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: static-claim
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 3Gi
  storageClassName: manual
`,
    `apiVersion: v1
kind: Pod
metadata:
  name: static-web
spec:
  containers:
    - name: web
      image: nginx:1.27
      volumeMounts:
        - name: site
          mountPath: /usr/share/nginx/html
  volumes:
    - name: site
      persistentVolumeClaim:
        claimName: static-claim
`,
  ),
};

export const dynamicImmediate: Example = {
  id: 'dynamic-ebs-immediate',
  title: 'Dynamic provisioning, right away (EBS, Immediate)',
  description:
    'No volume exists beforehand. As soon as the claim is created, the EBS CSI driver creates a ' +
    'disk and a PersistentVolume named pvc-<claim uid>, and the claim binds to it, before any pod ' +
    'asks. The disk lands in one zone, so the pod that mounts it can only run on nodes of that zone.',
  yaml: documents(
    EBS_GP3_CLASS,
    `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ebs-claim
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 4Gi
  storageClassName: ebs-gp3
`,
    `apiVersion: v1
kind: Pod
metadata:
  name: ebs-app
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'sleep infinity']
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: ebs-claim
`,
  ),
};

export const waitForFirstConsumer: Example = {
  id: 'wffc-two-zones',
  title: 'Wait for the pod, then provision in its zone',
  description:
    'With WaitForFirstConsumer the claim stays Pending until a pod needs it. This pod may only run ' +
    'in zone-b (nodeSelector), so the scheduler picks a node there, marks the claim with that node ' +
    '(volume.kubernetes.io/selected-node), and the driver creates the disk in zone-b. With ' +
    'Immediate binding the disk could have landed in zone-a, where this pod cannot go.',
  yaml: documents(
    `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ebs-wait
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
volumeBindingMode: WaitForFirstConsumer
`,
    `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: zonal-data
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 8Gi
  storageClassName: ebs-wait
`,
    `apiVersion: v1
kind: Pod
metadata:
  name: zone-b-app
spec:
  nodeSelector:
    # Pins the pod, and so the new disk, to zone-b.
    topology.kubernetes.io/zone: zone-b
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'sleep infinity']
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: zonal-data
`,
  ),
};

const sharedFilesPod = (name: string, zone: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeSelector:
    topology.kubernetes.io/zone: ${zone}
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'sleep infinity']
      volumeMounts:
        - name: shared
          mountPath: /shared
  volumes:
    - name: shared
      persistentVolumeClaim:
        claimName: shared-files
`;

export const nfsSharedByTwoPods: Example = {
  id: 'nfs-read-write-many',
  title: 'One share, two pods on different nodes (NFS, ReadWriteMany)',
  description:
    'A ReadWriteMany claim from the NFS CSI driver, mounted by two pods pinned to different zones, ' +
    'so they run on different nodes. Both read and write the same files: a file one pod writes in ' +
    '/shared is there for the other. A ReadWriteOnce disk could not be attached to both nodes at once.',
  yaml: documents(
    `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: nfs-shared
provisioner: nfs.csi.k8s.io
parameters:
  # The NFS server, and the export new shares are made under.
  server: nfs-server.example.com
  share: /exports
reclaimPolicy: Delete
`,
    `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: shared-files
spec:
  accessModes:
    - ReadWriteMany
  resources:
    requests:
      storage: 1Gi
  storageClassName: nfs-shared
`,
    sharedFilesPod('files-writer', 'zone-a'),
    sharedFilesPod('files-reader', 'zone-b'),
  ),
};

export const retainVersusDelete: Example = {
  id: 'retain-vs-delete',
  title: 'Retain or Delete: what happens when a claim goes',
  description:
    'Two claims, two classes that differ only in reclaimPolicy. Delete both claims afterwards: the ' +
    'volume of scratch-claim (Delete) disappears with its disk, while the volume of keep-claim ' +
    '(Retain) stays as Released with its data. A Released volume is not bound again until an ' +
    'administrator clears its claimRef or deletes it.',
  yaml: documents(
    EBS_GP3_CLASS,
    `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ebs-retain
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
reclaimPolicy: Retain # provisioned volumes outlive their claims
volumeBindingMode: Immediate
`,
    `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: scratch-claim
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
  storageClassName: ebs-gp3
`,
    `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: keep-claim
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
  storageClassName: ebs-retain
`,
  ),
};
