/** The manifests of the PV/PVC/StorageClass guide, corrected where Kubernetes disagrees. */
import { documents } from './types';
import type { Example } from './types';
import { MY_LOCAL_PV, STANDARD_SSD_CLASS } from './shared-objects';

export const hostPathVolume: Example = {
  id: 'guide-hostpath-volume',
  title: 'A volume made by hand (hostPath)',
  description:
    'Static provisioning: an administrator describes storage that already exists, here 5Gi in a ' +
    "directory on a node's disk. Once applied, the volume waits as Available until a claim of class " +
    'local-storage asks for it. Its Retain policy keeps the files after that claim is deleted. ' +
    'hostPath suits single-node experiments only: the files live on whichever node mounts them.',
  yaml: MY_LOCAL_PV,
};

export const claimInNamespace: Example = {
  id: 'guide-claim',
  title: 'A claim finds the hand-made volume',
  description:
    'A claim asks for at least 2Gi of ReadWriteOnce storage of class local-storage, in the namespace ' +
    'my-application (created first: namespaced objects need their namespace to exist). The ' +
    'PV controller binds it to my-local-pv, the smallest Available volume that fits, so the claim ' +
    'gets all 5Gi. No StorageClass object is needed: to bind an existing volume, the class is just ' +
    'a name both sides must share.',
  yaml: documents(
    `# Namespaced objects can only be created in a namespace that exists.
apiVersion: v1
kind: Namespace
metadata:
  name: my-application
`,
    MY_LOCAL_PV,
    `# A request for storage: how much, how it is mounted, which class.
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: my-app-data-pvc
  namespace: my-application
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 2Gi # at least this much; a bigger volume may be bound
  storageClassName: local-storage
`,
  ),
};

export const ssdStorageClass: Example = {
  id: 'guide-storage-class',
  title: 'A StorageClass that waits for a pod',
  description:
    "The guide's standard-ssd class: SSD persistent disks, deleted with their claim, expandable. " +
    'With WaitForFirstConsumer, the claim below stays Pending (event WaitForFirstConsumer) ' +
    "until a pod uses it; the disk is then created in that pod's zone. Two corrections to the " +
    'guide: the GCE PD parameter is spelled fstype, and a class that leaves reclaimPolicy out ' +
    'gets Delete, not Retain (Retain is the default only for volumes made by hand).',
  yaml: documents(
    STANDARD_SSD_CLASS,
    `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ssd-data
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 10Gi
  storageClassName: standard-ssd
`,
  ),
};
