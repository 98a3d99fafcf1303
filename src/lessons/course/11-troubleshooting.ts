/** Lesson 11: reading a Pending claim, one cause at a time, with the "Why Pending?" matrix. */
import { claimRef } from './manifests';
import type { Lesson } from '../types';

/** A hand-made volume with no class: only claims that ask for no class (`""`) can bind it. */
const poolVolume = (name: string, size: string, tier: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
  labels:
    tier: ${tier}
spec:
  capacity:
    storage: ${size}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath:
    path: /mnt/data/${name}
`;

const localClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-disk
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
`;

/** A disk inside node-c: only pods on node-c can use it. */
const localVolumeOnNodeC = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-local-c
spec:
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteOnce]
  storageClassName: local-disk
  local:
    path: /mnt/disks/ssd1
  nodeAffinity:
    required:
      nodeSelectorTerms:
        - matchExpressions:
            - key: kubernetes.io/hostname
              operator: In
              values: [node-c]
`;

interface ClaimShape {
  readonly name: string;
  readonly className: string;
  readonly size: string;
  readonly accessMode: string;
  readonly tier?: string;
}

const claimOf = ({ name, className, size, accessMode, tier }: ClaimShape) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [${accessMode}]
  storageClassName: ${JSON.stringify(className)}
${tier ? `  selector:\n    matchLabels:\n      tier: ${tier}\n` : ''}  resources:
    requests:
      storage: ${size}
`;

const cachePod = (hostname: string) => `apiVersion: v1
kind: Pod
metadata:
  name: cache-warmer
spec:
  nodeSelector:
    kubernetes.io/hostname: ${hostname}
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: cache
          mountPath: /cache
  volumes:
    - name: cache
      persistentVolumeClaim:
        claimName: cache
`;

const classedInvoices = claimOf({
  name: 'invoices',
  className: 'manual',
  size: '5Gi',
  accessMode: 'ReadWriteOnce',
});
const fixedInvoices = claimOf({ name: 'invoices', className: '', size: '5Gi', accessMode: 'ReadWriteOnce' });
const hugeVideos = claimOf({ name: 'videos', className: '', size: '50Gi', accessMode: 'ReadWriteOnce' });
const sharedAssets = claimOf({ name: 'assets', className: '', size: '10Gi', accessMode: 'ReadWriteMany' });
const singleWriterAssets = claimOf({
  name: 'assets',
  className: '',
  size: '10Gi',
  accessMode: 'ReadWriteOnce',
});
const goldAuditLog = claimOf({
  name: 'audit-log',
  className: '',
  size: '5Gi',
  accessMode: 'ReadWriteOnce',
  tier: 'gold',
});
const cacheClaim = claimOf({
  name: 'cache',
  className: 'local-disk',
  size: '10Gi',
  accessMode: 'ReadWriteOnce',
});
const cacheOnWrongNode = `${cacheClaim}---\n${cachePod('node-a')}`;

export const troubleshooting: Lesson = {
  id: 'troubleshooting',
  number: 11,
  title: 'Troubleshooting a Pending claim',
  summary:
    'A claim stays Pending when no volume satisfies all of its demands. Find which demand fails, with events and the "Why Pending?" matrix, and fix the claim or the volume.',
  setup: [
    { type: 'apply', text: poolVolume('pv-5g', '5Gi', 'silver') },
    { type: 'apply', text: poolVolume('pv-10g', '10Gi', 'silver') },
    { type: 'apply', text: poolVolume('pv-20g', '20Gi', 'silver') },
    { type: 'apply', text: localClass },
    { type: 'apply', text: localVolumeOnNodeC },
  ],
  steps: [
    {
      id: 'wrong-class-name',
      title: 'A class no volume has',
      prose:
        'The administrator prepared a pool of hand-made volumes without a class (5Gi, 10Gi and 20Gi, ' +
        'labelled `tier: silver`) and a local disk on `node-c`. Your colleagues’ claims stay Pending; each ' +
        'step brings one.\n\n' +
        'Apply the claim `invoices` and select it. The Inspector’s **Why Pending?** tab lists every ' +
        'volume against every criterion a claim is matched on: class, capacity, access modes, volume ' +
        'mode, selector, node affinity, whether the volume is already claimed, and its phase. A red cell ' +
        'is the reason that volume was passed over, and the sentence above the table sums it up. Here ' +
        'the class column is red everywhere: the claim asks for the class `manual`, which neither the ' +
        'volumes nor the cluster have (the events say the StorageClass was not found).\n\n' +
        'Fix it. A claim’s spec cannot be edited after creation (apart from growing a Bound claim), but ' +
        'a Pending claim holds no data: delete it and create it again with `storageClassName: ""`, ' +
        'which means "no class". Leaving the field out is not the same: a default class, if the cluster ' +
        'had one, would be filled in.',
      editor: classedInvoices,
      goals: [
        {
          label: 'invoices asks for no class',
          check: { object: claimRef('invoices'), storageClassName: '' },
        },
        {
          label: 'invoices is Bound to pv-5g',
          check: { object: claimRef('invoices'), phase: 'Bound', volume: 'pv-5g' },
        },
      ],
      hints: [
        'Apply the claim as it is first, and open Why Pending? on it.',
        'Compare the class the claim asks for with the class of the volumes (select one and look at its YAML).',
        'Delete invoices, change storageClassName to "" in the editor, and apply it again.',
      ],
      solution: [
        { type: 'apply', text: classedInvoices },
        { type: 'delete', ref: claimRef('invoices') },
        { type: 'apply', text: fixedInvoices },
      ],
      prediction: {
        question: 'Can you fix invoices by patching spec.storageClassName of the Pending claim?',
        choices: [
          'Yes, the claim is not bound yet',
          'No, the change is refused: the class of an existing claim is immutable',
        ],
        answer: 1,
        explanation:
          'Almost the whole spec of a claim is immutable; only the storage request of a Bound claim may change ' +
          '(and a class that was never set may be filled in once). Recreating a Pending claim loses nothing.',
      },
    },
    {
      id: 'request-too-big',
      title: 'No volume is big enough',
      prose:
        'Apply the claim `videos`, which asks for 50Gi. In the matrix the capacity column is red for ' +
        'every free volume: a volume must be at least as large as the request. No class means no ' +
        'provisioning either: only the pool can serve it.\n\n' +
        'Either the claim asks for less, or someone provides more. This time, play the administrator: ' +
        'add a 50Gi volume `pv-50g` to the pool.',
      editor: hugeVideos,
      goals: [
        {
          label: 'videos is Bound to pv-50g',
          check: { object: claimRef('videos'), phase: 'Bound', volume: 'pv-50g', capacity: '50Gi' },
        },
      ],
      hints: [
        'Apply videos, then look at the capacity column of Why Pending?.',
        'Copy one of the existing volumes (select it, YAML) and change its name and size.',
        'Apply a PersistentVolume pv-50g with capacity 50Gi, accessModes [ReadWriteOnce], storageClassName "" and a hostPath.',
      ],
      solution: [
        { type: 'apply', text: hugeVideos },
        { type: 'apply', text: poolVolume('pv-50g', '50Gi', 'silver') },
      ],
      prediction: {
        question: 'You create pv-50g. What happens to videos, which has been Pending all along?',
        choices: [
          'It stays Pending until you delete and recreate it',
          'The PV controller retries Pending claims, so it binds pv-50g by itself',
        ],
        answer: 1,
        explanation:
          'A Pending claim is never given up on: the controller looks again whenever volumes change (and on a ' +
          'regular resync), so a new matching volume is picked up without touching the claim.',
      },
    },
    {
      id: 'wrong-access-mode',
      title: 'An access mode no volume offers',
      prose:
        'Apply the claim `assets`. It asks for `ReadWriteMany`, but every volume of the pool offers only ' +
        '`ReadWriteOnce`: the access-modes column is red. A volume must offer every mode the claim asks for.\n\n' +
        'The app behind this claim runs as one pod, so ReadWriteOnce is what it really needs. (If pods on ' +
        'several nodes had to write to it, you would need storage that supports ReadWriteMany, such as NFS.) ' +
        'Recreate `assets` with `ReadWriteOnce`.',
      editor: sharedAssets,
      goals: [
        {
          label: 'assets is Bound to pv-10g',
          check: { object: claimRef('assets'), phase: 'Bound', volume: 'pv-10g' },
        },
      ],
      hints: [
        'Apply assets and read the access-modes column of Why Pending?.',
        'Delete assets, change its accessModes to [ReadWriteOnce], and apply it again.',
      ],
      solution: [
        { type: 'apply', text: sharedAssets },
        { type: 'delete', ref: claimRef('assets') },
        { type: 'apply', text: singleWriterAssets },
      ],
    },
    {
      id: 'selector-matches-nothing',
      title: 'A selector no volume matches',
      prose:
        'Apply the claim `audit-log`. It has a label selector, `tier: gold`, and the only free volume left in the ' +
        'pool, `pv-20g`, is labelled `tier: silver`: the selector column is red.\n\n' +
        'Labels on a volume can be changed at any time. The administrator agrees that `pv-20g` may serve ' +
        'as gold storage: set its label `tier` to `gold`.',
      editor: goldAuditLog,
      goals: [
        {
          label: 'audit-log is Bound to pv-20g',
          check: { object: claimRef('audit-log'), phase: 'Bound', volume: 'pv-20g' },
        },
      ],
      hints: [
        'Apply audit-log and read the selector column of Why Pending?.',
        'Patch the volume, not the claim: a merge patch can change metadata.labels.',
        'kubectl patch pv pv-20g -p \'{"metadata":{"labels":{"tier":"gold"}}}\'',
      ],
      solution: [
        { type: 'apply', text: goldAuditLog },
        {
          type: 'patch',
          ref: { kind: 'PersistentVolume', name: 'pv-20g' },
          patch: { metadata: { labels: { tier: 'gold' } } },
        },
      ],
    },
    {
      id: 'node-cannot-reach-volume',
      title: 'A volume on the wrong node',
      prose:
        'Apply the claim `cache` and the pod `cache-warmer`. The class `local-disk` waits for the first ' +
        'consumer, and its only volume, `pv-local-c`, is a disk inside `node-c`. The pod, though, is ' +
        'pinned to `node-a`: the node-affinity column is red, the claim waits for the pod, and the pod ' +
        'reports that its node did not find available persistent volumes to bind.\n\n' +
        'A pod’s nodeSelector cannot be changed either: delete `cache-warmer` and create it again, ' +
        'pinned to `node-c`.',
      editor: cacheOnWrongNode,
      goals: [
        {
          label: 'cache is Bound to pv-local-c',
          check: { object: claimRef('cache'), phase: 'Bound', volume: 'pv-local-c' },
        },
        {
          label: 'cache-warmer is Running on node-c',
          check: {
            object: { kind: 'Pod', namespace: 'default', name: 'cache-warmer' },
            phase: 'Running',
            node: 'node-c',
          },
        },
      ],
      hints: [
        'Apply both documents, then compare the node affinity of pv-local-c with the pod’s nodeSelector.',
        'Delete the pod cache-warmer; the claim can stay as it is.',
        'Apply cache-warmer again with kubernetes.io/hostname: node-c in its nodeSelector.',
      ],
      solution: [
        { type: 'apply', text: cacheOnWrongNode },
        { type: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'cache-warmer' } },
        { type: 'apply', text: cachePod('node-c') },
      ],
    },
  ],
};
