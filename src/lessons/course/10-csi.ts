/** Lesson 10: what a CSI driver does, from an old in-tree class name to a failing backend. */
import { podUsingClaim } from './manifests';
import type { Lesson } from '../types';

/** The in-tree Google Persistent Disk name, as older guides still write it. */
const legacyClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: legacy-pd
provisioner: kubernetes.io/gce-pd
parameters:
  type: pd-ssd
reclaimPolicy: Delete
volumeBindingMode: Immediate
`;

const sharedClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: shared
provisioner: nfs.csi.k8s.io
`;

const claimOf = (name: string, className: string, accessMode: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [${accessMode}]
  storageClassName: ${className}
  resources:
    requests:
      storage: 10Gi
`;

const PD_DRIVER = 'pd.csi.storage.gke.io';

const photosRef = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'photos' } as const;
const thumbnailsRef = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'thumbnails' } as const;

const legacySetup = `${legacyClass}---\n${claimOf('photos', 'legacy-pd', 'ReadWriteOnce')}`;
const sharedSetup = `${sharedClass}---\n${claimOf('assets', 'shared', 'ReadWriteMany')}---\n${podUsingClaim('assets-reader', 'assets')}`;

export const csi: Lesson = {
  id: 'csi',
  number: 10,
  title: 'CSI drivers',
  summary:
    'Storage plugins now live outside Kubernetes as CSI drivers: old in-tree names are served by them, their controller side creates and attaches disks, their node side mounts them, and their failures show up as events.',
  setup: [],
  steps: [
    {
      id: 'in-tree-name',
      title: 'An old name, a new driver',
      prose:
        'Volume plugins used to be compiled into Kubernetes ("in-tree"), with provisioner names such as ' +
        '`kubernetes.io/gce-pd`. They have been replaced by CSI drivers that run as ordinary pods, and ' +
        'CSI migration sends the old names to the matching driver: `kubernetes.io/gce-pd` is served by ' +
        '`pd.csi.storage.gke.io`. Existing classes keep working unchanged.\n\n' +
        'Apply the class `legacy-pd` (written the old way) and the claim `photos`. Then look at the ' +
        "claim's annotations and at the new volume.",
      editor: legacySetup,
      goals: [
        {
          label: 'photos is Bound',
          check: { object: photosRef, phase: 'Bound', event: 'ProvisioningSucceeded' },
        },
        {
          label: 'Its storage-provisioner annotation names the CSI driver',
          check: {
            object: photosRef,
            annotations: { 'volume.kubernetes.io/storage-provisioner': PD_DRIVER },
          },
        },
      ],
      hints: [
        'Apply both documents in the editor.',
        'Select photos and open its YAML: look for volume.kubernetes.io/storage-provisioner.',
        'The volume pvc-… keeps provisioned-by: kubernetes.io/gce-pd and adds migrated-to: pd.csi.storage.gke.io.',
      ],
      solution: [{ type: 'apply', text: legacySetup }],
      prediction: {
        question: 'The class names kubernetes.io/gce-pd. Which provisioner does the claim get handed to?',
        choices: [
          'kubernetes.io/gce-pd, the in-tree plugin inside the controller manager',
          'pd.csi.storage.gke.io, the CSI driver the old name migrated to',
          'Nobody: in-tree names no longer work and the claim stays Pending',
        ],
        answer: 1,
        explanation:
          'The PV controller translates the in-tree name and writes the CSI driver into the ' +
          'storage-provisioner annotation; that driver’s external-provisioner creates the disk. The volume still ' +
          'records the old name in pv.kubernetes.io/provisioned-by, with pv.kubernetes.io/migrated-to beside it.',
      },
    },
    {
      id: 'attach-and-mount',
      title: 'Controller side, node side',
      prose:
        'A CSI driver has two halves. The **controller side** runs once per cluster, next to sidecars that ' +
        'watch the API: the external-provisioner created the disk and the volume `pvc-…` (named after the claim’s uid) you just ' +
        'saw, and the external-attacher attaches disks to nodes. The **node side** runs on every node, and ' +
        'kubelet calls it to format and mount the disk for a pod.\n\n' +
        'Apply the pod `gallery` on `photos`. Follow the story: the scheduler places the pod, the ' +
        'attach/detach controller creates a **VolumeAttachment** for that volume and node, the driver’s ' +
        'attacher attaches the disk and marks it attached, then kubelet mounts it and the pod starts.',
      editor: podUsingClaim('gallery', 'photos'),
      goals: [
        {
          label: 'There is one VolumeAttachment',
          check: { count: { kind: 'VolumeAttachment', equals: 1 } },
        },
        {
          label: 'gallery is Running',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'gallery' }, phase: 'Running' },
        },
      ],
      hints: [
        'Apply the pod in the editor.',
        'Select the VolumeAttachment card: it names the driver, the volume and the node the pod runs on.',
      ],
      solution: [{ type: 'apply', text: podUsingClaim('gallery', 'photos') }],
    },
    {
      id: 'no-attach-needed',
      title: 'Not every driver attaches',
      prose:
        'Attaching is for disks that a cloud connects to one machine at a time. A network file system ' +
        'is simply mounted over the network, so its driver declares `attachRequired: false` in its ' +
        '`CSIDriver` object and gets no VolumeAttachment.\n\n' +
        'Apply the class `shared` (driver `nfs.csi.k8s.io`), the claim `assets` and the pod `assets-reader`.',
      editor: sharedSetup,
      goals: [
        {
          label: 'assets-reader is Running',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'assets-reader' }, phase: 'Running' },
        },
        {
          label: 'Still only one VolumeAttachment (the disk of photos)',
          check: { count: { kind: 'VolumeAttachment', equals: 1 } },
        },
      ],
      hints: [
        'Apply the three documents in the editor.',
        'Compare the CSIDriver objects of nfs.csi.k8s.io and pd.csi.storage.gke.io: look at attachRequired.',
      ],
      solution: [{ type: 'apply', text: sharedSetup }],
    },
    {
      id: 'driver-fails',
      title: 'When the driver fails',
      prose:
        'Every backend call goes through the driver, so when the storage system misbehaves (no quota ' +
        'left, an outage) the claim shows it. Select the driver `pd.csi.storage.gke.io` and make it fail ' +
        'with `quota exceeded`, then apply the claim `thumbnails`.',
      editor: claimOf('thumbnails', 'legacy-pd', 'ReadWriteOnce'),
      goals: [
        {
          label: 'thumbnails is Pending',
          check: { object: thumbnailsRef, phase: 'Pending' },
        },
        {
          label: 'Its events carry ProvisioningFailed',
          check: { object: thumbnailsRef, event: 'ProvisioningFailed', noEvent: 'ProvisioningSucceeded' },
        },
      ],
      hints: [
        'Select the driver in the graph (or its CSIDriver object) and inject a failure.',
        'Make pd.csi.storage.gke.io fail with "quota exceeded", then apply the claim in the editor.',
      ],
      solution: [
        { type: 'fault', target: { driver: PD_DRIVER }, error: 'quota exceeded' },
        { type: 'apply', text: claimOf('thumbnails', 'legacy-pd', 'ReadWriteOnce') },
      ],
      prediction: {
        question: 'The driver’s backend refuses every call. What happens to the new claim?',
        choices: [
          'The API server refuses to create it',
          'It stays Pending with a ProvisioningFailed warning, and the provisioner keeps retrying',
          'It binds to a volume whose disk is missing',
        ],
        answer: 1,
        explanation:
          'Creating the claim is an API write and succeeds. Provisioning happens afterwards: the external-provisioner ' +
          'reports the driver’s error as a Warning event and tries again with backoff. Volumes that already exist ' +
          'and are mounted are not affected.',
      },
    },
    {
      id: 'driver-recovers',
      title: 'Recovery',
      prose:
        'Nothing needs to be re-applied: the provisioner retries. Clear the fault on ' +
        '`pd.csi.storage.gke.io` and watch `thumbnails` get its volume.',
      goals: [
        {
          label: 'thumbnails is Bound',
          check: { object: thumbnailsRef, phase: 'Bound', event: 'ProvisioningSucceeded' },
        },
      ],
      hints: ['Select the driver again and clear its failure.'],
      solution: [{ type: 'clearFault', target: { driver: PD_DRIVER } }],
    },
  ],
};
