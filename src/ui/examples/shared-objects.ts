/**
 * Objects that several examples need. Each is one text, so loading examples one after another
 * re-applies the same object unchanged instead of tripping over immutable fields (a StorageClass
 * cannot change its parameters once created).
 */

/** The guide's hostPath volume. */
export const MY_LOCAL_PV = `# Storage an administrator made by hand: a directory on a node's disk.
apiVersion: v1
kind: PersistentVolume
metadata:
  name: my-local-pv
spec:
  capacity:
    storage: 5Gi
  # The default: a directory of files (Block would be a raw device).
  volumeMode: Filesystem
  accessModes:
    - ReadWriteOnce # read-write from one node at a time
  # When its claim is deleted, the volume and its files stay.
  persistentVolumeReclaimPolicy: Retain
  # A name claims must match; no StorageClass object is needed for that.
  storageClassName: local-storage
  hostPath:
    path: /mnt/data/my-app-data # the directory on the node
`;

/** The guide's StorageClass, with the GCE PD parameter spelled as Kubernetes documents it. */
export const STANDARD_SSD_CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard-ssd
# The old in-tree name; the pd.csi.storage.gke.io driver serves it now.
provisioner: kubernetes.io/gce-pd
parameters:
  type: pd-ssd # an SSD-backed persistent disk
  fstype: ext4 # file system for new disks (spelled fstype)
reclaimPolicy: Delete # deleting the claim deletes the disk
# Create the disk once a pod needs it, in that pod's zone.
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true # claims may grow later
`;

/** Amazon EBS disks, created as soon as a claim asks. */
export const EBS_GP3_CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ebs-gp3
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
reclaimPolicy: Delete
volumeBindingMode: Immediate
allowVolumeExpansion: true
`;
