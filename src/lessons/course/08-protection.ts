/** Lesson 8: the finalizers that keep claims and volumes alive while something still uses them. */
import { NO_CLASS, claimOfClass, handMadeVolume, podUsingClaim } from './manifests';
import type { Lesson } from '../types';

/** Asks for a node label no node has, so the scheduler never places it. */
const unschedulablePod = `apiVersion: v1
kind: Pod
metadata:
  name: stuck
spec:
  nodeSelector:
    disktype: nvme
  containers:
    - name: job
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: work
          mountPath: /work
  volumes:
    - name: work
      persistentVolumeClaim:
        claimName: batch
`;

const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
const PV_PROTECTION = 'kubernetes.io/pv-protection';

const notesInUse = `${claimOfClass('notes', '2Gi', NO_CLASS)}---\n${podUsingClaim('editor', 'notes')}`;

export const protection: Lesson = {
  id: 'protection',
  number: 8,
  title: 'Storage object in use protection',
  summary:
    'A claim a pod uses, and a volume a claim is bound to, cannot vanish underneath them: deleting them only marks them Terminating until they are free.',
  setup: [
    { type: 'apply', text: handMadeVolume('pv-notes', '2Gi', NO_CLASS) },
    { type: 'apply', text: handMadeVolume('pv-ledger', '3Gi', NO_CLASS) },
    { type: 'apply', text: handMadeVolume('pv-batch', '1Gi', NO_CLASS) },
  ],
  steps: [
    {
      id: 'claim-in-use',
      title: 'Deleting a claim a pod uses',
      prose:
        'Every claim gets the finalizer `kubernetes.io/pvc-protection` when it is created. A delete ' +
        'request then only sets a deletion timestamp: the claim shows as `Terminating` and stays ' +
        'until a controller removes the finalizer, which it does once no scheduled pod uses the ' +
        'claim any more.\n\n' +
        'Apply the claim `notes` and the pod `editor` that mounts it. When the pod runs, delete the claim.',
      editor: notesInUse,
      goals: [
        {
          label: 'editor is Running',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'editor' }, phase: 'Running' },
        },
        {
          label: 'notes is being deleted (Terminating) but still Bound',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'notes' },
            deleting: true,
            phase: 'Bound',
          },
        },
        {
          label: 'notes still carries its pvc-protection finalizer',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'notes' },
            finalizers: [PVC_PROTECTION],
          },
        },
      ],
      hints: [
        'Apply both documents and wait until the pod is Running.',
        'Select the claim notes and press Delete (or type `kubectl delete pvc notes` in the Terminal).',
      ],
      solution: [
        { type: 'apply', text: notesInUse },
        { type: 'delete', ref: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'notes' } },
      ],
      prediction: {
        question: 'You delete the claim notes while editor still runs with it mounted. What happens?',
        choices: [
          'The claim disappears and editor loses its files',
          'The delete is refused with an error',
          'The claim stays, Terminating and still Bound, and editor keeps running',
        ],
        answer: 2,
        explanation:
          'The API accepts the delete but the pvc-protection finalizer holds the object. Nothing changes for ' +
          'the running pod; new pods can no longer start with this claim.',
      },
    },
    {
      id: 'pod-releases-claim',
      title: 'The claim goes when its pod goes',
      prose:
        'Delete the pod `editor`. With no scheduled pod left using `notes`, the protection controller ' +
        'removes the finalizer and the claim disappears. The volume `pv-notes` loses its claim and ' +
        'becomes `Released`; its reclaim policy is `Retain`, so the data stays on it.',
      goals: [
        {
          label: 'editor is gone',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'editor' }, absent: true },
        },
        {
          label: 'notes is gone',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'notes' },
            absent: true,
          },
        },
        {
          label: 'pv-notes is Released',
          check: {
            object: { kind: 'PersistentVolume', name: 'pv-notes' },
            phase: 'Released',
            claim: 'default/notes',
          },
        },
      ],
      hints: ['Select the pod editor and delete it. Nothing else is needed.'],
      solution: [{ type: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'editor' } }],
    },
    {
      id: 'volume-in-use',
      title: 'Deleting a volume that is Bound',
      prose:
        'Volumes are protected the same way, by the finalizer `kubernetes.io/pv-protection`: a volume ' +
        'whose phase is `Bound` stays, `Terminating`, and its claim keeps working. It looks at the ' +
        'binding, not at pods: a Bound volume counts as used even when no pod mounts it.\n\n' +
        'Apply the claim `ledger` (it binds `pv-ledger`), then delete the volume `pv-ledger`.',
      editor: claimOfClass('ledger', '3Gi', NO_CLASS),
      goals: [
        {
          label: 'pv-ledger is Terminating but still Bound to ledger',
          check: {
            object: { kind: 'PersistentVolume', name: 'pv-ledger' },
            deleting: true,
            phase: 'Bound',
            claim: 'default/ledger',
          },
        },
        {
          label: 'pv-ledger still carries its pv-protection finalizer',
          check: { object: { kind: 'PersistentVolume', name: 'pv-ledger' }, finalizers: [PV_PROTECTION] },
        },
        {
          label: 'The claim ledger is still Bound',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'ledger' },
            phase: 'Bound',
            volume: 'pv-ledger',
          },
        },
      ],
      hints: [
        'Apply the claim and check that it is Bound to pv-ledger.',
        'Select the PersistentVolume pv-ledger and delete it.',
      ],
      solution: [
        { type: 'apply', text: claimOfClass('ledger', '3Gi', NO_CLASS) },
        { type: 'delete', ref: { kind: 'PersistentVolume', name: 'pv-ledger' } },
      ],
    },
    {
      id: 'claim-releases-volume',
      title: 'The volume goes when its claim goes',
      prose:
        'Delete the claim `ledger`. No pod uses it, so it goes at once; `pv-ledger` is then no longer ' +
        '`Bound`, its finalizer is removed and the deletion you asked for earlier completes.\n\n' +
        'So the safe order is pod, then claim, then volume — but you never have to wait to *ask*: each ' +
        'delete simply finishes when the object is free.',
      goals: [
        {
          label: 'ledger is gone',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'ledger' },
            absent: true,
          },
        },
        {
          label: 'pv-ledger is gone',
          check: { object: { kind: 'PersistentVolume', name: 'pv-ledger' }, absent: true },
        },
      ],
      hints: ['Select the claim ledger and delete it.'],
      solution: [
        { type: 'delete', ref: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'ledger' } },
      ],
    },
    {
      id: 'unscheduled-pod',
      title: 'A pod that never ran protects nothing',
      prose:
        'Only pods that have been scheduled to a node count as users of a claim. The pod `stuck` asks for ' +
        'a node label (`disktype: nvme`) that no node has, so it stays Pending without a node.\n\n' +
        'Apply the claim `batch`, then the pod `stuck`, then delete `batch`.',
      editor: `${claimOfClass('batch', '1Gi', NO_CLASS)}---\n${unschedulablePod}`,
      goals: [
        {
          label: 'stuck is Pending, with no node',
          check: {
            object: { kind: 'Pod', namespace: 'default', name: 'stuck' },
            phase: 'Pending',
            node: null,
          },
        },
        {
          label: 'batch is gone',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'batch' },
            absent: true,
          },
        },
        {
          label: 'pv-batch is Released',
          check: { object: { kind: 'PersistentVolume', name: 'pv-batch' }, phase: 'Released' },
        },
      ],
      hints: [
        'Apply both documents; the claim binds pv-batch and the pod stays Pending.',
        'Delete the claim batch and watch whether it stays Terminating.',
      ],
      solution: [
        { type: 'apply', text: claimOfClass('batch', '1Gi', NO_CLASS) },
        { type: 'apply', text: unschedulablePod },
        { type: 'delete', ref: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'batch' } },
      ],
      prediction: {
        question: 'stuck references batch but never got a node. You delete batch. What happens?',
        choices: [
          'batch stays Terminating until stuck is deleted',
          'batch is deleted at once',
          'The delete is refused while a pod references the claim',
        ],
        answer: 1,
        explanation:
          'The protection controller only counts pods with spec.nodeName set: a pod that was never scheduled ' +
          'cannot be using the volume, so the finalizer is removed and the claim goes. stuck can now never start.',
      },
    },
  ],
};
