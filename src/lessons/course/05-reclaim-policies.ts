/** Lesson 5: what happens to a volume, and its data, when its claim is deleted. */
import { claimRef, podUsingClaim } from './manifests';
import type { Lesson } from '../types';

const archiveVolume = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: archive-pv
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  hostPath:
    path: /mnt/data/archive
`;

const scratchDisk = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: scratch-disk
spec:
  capacity:
    storage: 2Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Delete
  csi:
    driver: ebs.csi.aws.com
    volumeHandle: vol-0a1b2c3d4e5f60001
    fsType: ext4
`;

const poolVolume = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pool-pv
spec:
  capacity:
    storage: 3Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Recycle
  hostPath:
    path: /mnt/pool/1
`;

const claim = (name: string, size: string, volumeName?: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
${volumeName ? `  volumeName: ${volumeName}\n` : ''}  resources:
    requests:
      storage: ${size}
`;

/** Every pod runs on node-a: a hostPath volume is a directory of one node. */
/** Reclaim stories stay on node-a, where the hostPath volumes' files are. */
const pod = (name: string, claimName: string) =>
  podUsingClaim(name, claimName, { 'kubernetes.io/hostname': 'node-a' });

const ledgerClaim = claim('ledger', '1Gi');
const bookkeeperPod = pod('bookkeeper', 'ledger');
const restoredClaim = claim('ledger-restored', '1Gi', 'archive-pv');
const auditorPod = pod('auditor', 'ledger-restored');
const scratchClaim = claim('scratch', '2Gi');
const scratchPod = pod('number-cruncher', 'scratch');
const tenantAClaim = claim('tenant-a', '3Gi');
const tenantAPod = pod('tenant-a-app', 'tenant-a');
const tenantBClaim = claim('tenant-b', '3Gi');
const tenantBPod = pod('tenant-b-app', 'tenant-b');

const deletePod = (name: string) =>
  ({ type: 'delete', ref: { kind: 'Pod', namespace: 'default', name } }) as const;
const deleteClaim = (name: string) =>
  ({ type: 'delete', ref: { kind: 'PersistentVolumeClaim', namespace: 'default', name } }) as const;

export const reclaimPolicies: Lesson = {
  id: 'reclaim-policies',
  number: 5,
  title: 'Reclaim policies: after the claim is gone',
  summary:
    "A volume's reclaim policy decides what deleting its claim does: Retain keeps volume and data, Delete " +
    'destroys both, and the deprecated Recycle wipes the files for the next claim.',
  setup: [
    { type: 'apply', text: archiveVolume },
    { type: 'apply', text: scratchDisk },
    { type: 'apply', text: poolVolume },
  ],
  steps: [
    {
      id: 'retain-releases',
      title: 'Retain: the volume is Released',
      prose:
        'Every PV has a `persistentVolumeReclaimPolicy`. The administrator made three volumes, one per ' +
        'policy: `archive-pv` (Retain, 1Gi), `scratch-disk` (Delete, 2Gi) and `pool-pv` (Recycle, 3Gi).\n\n' +
        'Apply the claim `ledger` and the pod `bookkeeper`, write `/data/ledger.txt`, then delete the pod ' +
        'and the claim (the claim cannot go while a pod uses it).',
      editor: `${ledgerClaim}---\n${bookkeeperPod}`,
      goals: [
        {
          label: 'The claim ledger is gone',
          check: { object: claimRef('ledger'), absent: true },
        },
        {
          label: 'archive-pv is Released and still names default/ledger',
          check: {
            object: { kind: 'PersistentVolume', name: 'archive-pv' },
            phase: 'Released',
            claim: 'default/ledger',
          },
        },
      ],
      hints: [
        'The 1Gi claim binds the smallest volume that fits: archive-pv.',
        'Write /data/ledger.txt with "balance=100" from bookkeeper.',
        'Delete the pod bookkeeper first, then the claim ledger.',
      ],
      solution: [
        { type: 'apply', text: `${ledgerClaim}---\n${bookkeeperPod}` },
        { type: 'write', pod: { name: 'bookkeeper' }, path: '/data/ledger.txt', content: 'balance=100' },
        deletePod('bookkeeper'),
        deleteClaim('ledger'),
      ],
      prediction: {
        question: 'The claim of a Retain volume is deleted. What becomes of archive-pv?',
        choices: [
          'It is deleted with its data',
          'It becomes Available for the next claim',
          'It stays, Released, with its data, bound to no one',
        ],
        answer: 2,
        explanation:
          'Retain keeps the volume and its files. Its claimRef still points at the deleted claim, so no new claim can bind it until an administrator decides.',
      },
    },
    {
      id: 'retain-reuse',
      title: 'Getting the data back',
      prose:
        'A Released volume is not reused by itself: its `claimRef` still holds the uid of the old claim, so it ' +
        'matches no new claim — not even one with the same name. That is the safety net: nobody gets ' +
        'these files by accident.\n\nTo hand the data to a new claim, apply `ledger-restored`, which ' +
        'names the volume with `volumeName`. Then, as the administrator, clear the reference: patch ' +
        '`archive-pv` with `{"spec":{"claimRef":null}}` (what `kubectl patch pv archive-pv -p ...` does). ' +
        'Finally start `auditor` on the restored claim.',
      editor: `${restoredClaim}---\n${auditorPod}`,
      goals: [
        {
          label: 'ledger-restored is Bound to archive-pv',
          check: { object: claimRef('ledger-restored'), phase: 'Bound', volume: 'archive-pv' },
        },
        {
          label: 'auditor reads the old ledger',
          check: {
            read: {
              pod: { namespace: 'default', name: 'auditor' },
              path: '/data/ledger.txt',
              content: 'balance=100',
            },
          },
        },
      ],
      hints: [
        'Apply the claim first: it stays Pending while archive-pv is Released.',
        'Select archive-pv and remove spec.claimRef with a merge patch: {"spec":{"claimRef":null}}.',
        'Once the claim is Bound, apply auditor (pinned to node-a, where the hostPath directory is) and read /data/ledger.txt.',
      ],
      solution: [
        { type: 'apply', text: restoredClaim },
        {
          type: 'patch',
          ref: { kind: 'PersistentVolume', name: 'archive-pv' },
          patch: { spec: { claimRef: null } },
        },
        { type: 'apply', text: auditorPod },
      ],
    },
    {
      id: 'delete-destroys',
      title: 'Delete: volume and data are gone',
      prose:
        '`scratch-disk` is a cloud disk with the policy `Delete`. When its claim goes, the disk is deleted ' +
        'in the cloud and the PV object with it. This is the usual policy of volumes that StorageClasses ' +
        'create.\n\nApply the claim `scratch` and the pod `number-cruncher`, write `/data/partial.csv`, ' +
        'then delete the pod and the claim.',
      editor: `${scratchClaim}---\n${scratchPod}`,
      goals: [
        {
          label: 'The claim scratch is gone',
          check: { object: claimRef('scratch'), absent: true },
        },
        {
          label: 'scratch-disk is gone, with its data',
          check: { object: { kind: 'PersistentVolume', name: 'scratch-disk' }, absent: true },
        },
      ],
      hints: [
        'The 2Gi claim binds scratch-disk, the only Available volume that is big enough and smallest.',
        'Write /data/partial.csv from number-cruncher, delete the pod, then delete the claim scratch.',
      ],
      solution: [
        { type: 'apply', text: `${scratchClaim}---\n${scratchPod}` },
        { type: 'write', pod: { name: 'number-cruncher' }, path: '/data/partial.csv', content: 'row,1' },
        deletePod('number-cruncher'),
        deleteClaim('scratch'),
      ],
    },
    {
      id: 'recycle-scrubs',
      title: 'Recycle: wiped and put back',
      prose:
        '`Recycle` is deprecated: it deletes the files (like `rm -rf` on the volume) and makes the volume ' +
        '`Available` again. Only NFS and hostPath volumes support it, and a StorageClass cannot ask for ' +
        'it; dynamic provisioning with `Delete` replaced it.\n\nApply `tenant-a` and `tenant-a-app`, ' +
        'write `/data/private.txt`, then delete the pod and the claim.',
      editor: `${tenantAClaim}---\n${tenantAPod}`,
      goals: [
        {
          label: 'The claim tenant-a is gone',
          check: { object: claimRef('tenant-a'), absent: true },
        },
        {
          label: 'pool-pv is Available again, with no claimRef',
          check: { object: { kind: 'PersistentVolume', name: 'pool-pv' }, phase: 'Available', claim: null },
        },
        {
          label: 'pool-pv has a VolumeRecycled event',
          check: { object: { kind: 'PersistentVolume', name: 'pool-pv' }, event: 'VolumeRecycled' },
        },
      ],
      hints: [
        'The 3Gi claim binds pool-pv.',
        'Write /data/private.txt with "tenant-a only" from tenant-a-app, delete the pod, then the claim.',
      ],
      solution: [
        { type: 'apply', text: `${tenantAClaim}---\n${tenantAPod}` },
        { type: 'write', pod: { name: 'tenant-a-app' }, path: '/data/private.txt', content: 'tenant-a only' },
        deletePod('tenant-a-app'),
        deleteClaim('tenant-a'),
      ],
      prediction: {
        question: 'pool-pv has the policy Recycle. After tenant-a is deleted, what is it?',
        choices: ['Released, with the files kept', 'Available, with its files removed', 'Deleted'],
        answer: 1,
        explanation:
          'A scrubber pod removes every file, then the controller clears the claimRef, so the volume goes back to the pool, empty.',
      },
    },
    {
      id: 'recycled-is-empty',
      title: 'The next tenant finds nothing',
      prose:
        'Apply `tenant-b` and `tenant-b-app`. The claim binds the recycled volume; check that ' +
        '`/data/private.txt` is gone. The volume is reused, but nothing of the previous tenant is left ' +
        'on it.',
      editor: `${tenantBClaim}---\n${tenantBPod}`,
      goals: [
        {
          label: 'tenant-b is Bound to pool-pv',
          check: { object: claimRef('tenant-b'), phase: 'Bound', volume: 'pool-pv' },
        },
        {
          label: 'tenant-b-app finds no /data/private.txt',
          check: {
            read: {
              pod: { namespace: 'default', name: 'tenant-b-app' },
              path: '/data/private.txt',
              absent: true,
            },
          },
        },
      ],
      hints: ['Apply both documents in the editor, then read /data/private.txt from tenant-b-app.'],
      solution: [{ type: 'apply', text: `${tenantBClaim}---\n${tenantBPod}` }],
    },
  ],
};
