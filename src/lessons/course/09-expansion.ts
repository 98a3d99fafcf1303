/** Lesson 9: growing a claim, online and offline, and what the API refuses. */
import { claimOfClass, podUsingClaim } from './manifests';
import type { Lesson } from '../types';

/** Waits for the pod, so a disk is always created in the zone of the node its first pod runs on. */
const expandableClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: expandable
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
`;

/** No allowVolumeExpansion: the field defaults to false. */
const standardClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
provisioner: ebs.csi.aws.com
volumeBindingMode: Immediate
`;

/** Mounts the old claim at /old and the new one at /new, to copy files across. */
const moverPod = `apiVersion: v1
kind: Pod
metadata:
  name: mover
spec:
  containers:
    - name: copy
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: old
          mountPath: /old
        - name: new
          mountPath: /new
  volumes:
    - name: old
      persistentVolumeClaim:
        claimName: uploads
    - name: new
      persistentVolumeClaim:
        claimName: uploads-small
`;

const growTo = (size: string) => ({ spec: { resources: { requests: { storage: size } } } });

const uploadsRef = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'uploads' } as const;
const logsRef = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'logs' } as const;

const uploadsWithPod = `${claimOfClass('uploads', '10Gi', 'expandable')}---\n${podUsingClaim('web', 'uploads')}`;

export const expansion: Lesson = {
  id: 'expansion',
  number: 9,
  title: 'Expanding volumes',
  summary:
    'A claim can grow when its StorageClass allows it: the driver enlarges the disk, the node enlarges the file system, and the data stays. It can never shrink.',
  setup: [
    { type: 'apply', text: expandableClass },
    { type: 'apply', text: standardClass },
  ],
  steps: [
    {
      id: 'grow-online',
      title: 'Grow a claim while a pod uses it',
      prose:
        'The class `expandable` sets `allowVolumeExpansion: true`. To grow a Bound claim you raise ' +
        '`spec.resources.requests.storage`; the driver’s resizer enlarges the disk, and because a pod ' +
        'has it mounted, kubelet grows the file system right away (online expansion).\n\n' +
        'Apply the claim `uploads` with the pod `web`, write `/data/photo.txt` from `web`, then raise ' +
        'the request to `20Gi`, for example with ' +
        '`kubectl patch pvc uploads -p \'{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}\'`.',
      editor: uploadsWithPod,
      goals: [
        {
          label: 'uploads reports a capacity of 20Gi',
          check: { object: uploadsRef, phase: 'Bound', capacity: '20Gi' },
        },
        {
          label: 'The resizer worked on it (a Resizing event)',
          check: { object: uploadsRef, event: 'Resizing' },
        },
        {
          label: 'web kept running',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'web' }, phase: 'Running' },
        },
        {
          label: 'web still reads /data/photo.txt',
          check: {
            read: { pod: { namespace: 'default', name: 'web' }, path: '/data/photo.txt', content: 'sunset' },
          },
        },
      ],
      hints: [
        'Apply both documents and wait for web to run before writing the file.',
        'Write /data/photo.txt with the content "sunset" from the pod web.',
        'Edit the claim in the editor to request 20Gi and apply it again, or use kubectl patch in the Terminal.',
      ],
      solution: [
        { type: 'apply', text: uploadsWithPod },
        { type: 'write', pod: { name: 'web' }, path: '/data/photo.txt', content: 'sunset' },
        { type: 'patch', ref: uploadsRef, patch: growTo('20Gi') },
      ],
    },
    {
      id: 'class-refuses',
      title: 'A class that does not allow it',
      prose:
        'The class `standard` does not set `allowVolumeExpansion`, and unset means `false`.\n\n' +
        'Apply the claim `logs` and wait until it is Bound. Then try to raise its request to `20Gi` ' +
        'the same way as before, and read the answer.',
      editor: claimOfClass('logs', '10Gi', 'standard'),
      goals: [
        {
          label: 'logs is Bound with its original 10Gi',
          check: { object: logsRef, phase: 'Bound', capacity: '10Gi' },
        },
        {
          label: 'No expansion was started for logs',
          check: { object: logsRef, noEvent: 'ExternalExpanding' },
        },
      ],
      hints: [
        'Apply the claim; Immediate binding provisions it without a pod.',
        'Patch logs to 20Gi: the API refuses it, and the claim is left exactly as it was.',
      ],
      solution: [{ type: 'apply', text: claimOfClass('logs', '10Gi', 'standard') }],
      prediction: {
        question: 'You raise the request of logs to 20Gi. What does the API server do?',
        choices: [
          'Accepts it and the disk grows',
          'Accepts it, but the claim stays at 10Gi forever',
          'Refuses it as Forbidden, and nothing changes',
        ],
        answer: 2,
        explanation:
          'An admission check refuses a larger request unless the claim’s StorageClass has allowVolumeExpansion: ' +
          'true ("only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must ' +
          'support resize"). A refused request changes nothing.',
      },
    },
    {
      id: 'grow-offline',
      title: 'Allow it, and grow a claim no pod uses',
      prose:
        '`allowVolumeExpansion` is one of the few fields of a StorageClass you may change later, and the ' +
        'check looks at the class when you ask, not when the disk was made. Set it to `true` on ' +
        '`standard`, then grow `logs` to `20Gi`.\n\n' +
        'This time no pod mounts the volume. The disk is enlarged, but the file system on it can only be ' +
        'grown by kubelet on a node where the volume is mounted, so the claim waits with the condition ' +
        '`FileSystemResizePending` and keeps reporting the old capacity.',
      goals: [
        {
          label: 'logs was sent to the node for a file-system resize (FileSystemResizeRequired)',
          check: { object: logsRef, event: 'FileSystemResizeRequired' },
        },
        {
          label: 'logs still reports 10Gi',
          check: { object: logsRef, capacity: '10Gi' },
        },
      ],
      hints: [
        'Select the StorageClass standard and patch it: {"allowVolumeExpansion": true}.',
        'Then patch logs as in the first step, with 20Gi.',
        'kubectl patch storageclass standard -p \'{"allowVolumeExpansion":true}\', then kubectl patch pvc logs with the new size.',
      ],
      solution: [
        {
          type: 'patch',
          ref: { kind: 'StorageClass', name: 'standard' },
          patch: { allowVolumeExpansion: true },
        },
        { type: 'patch', ref: logsRef, patch: growTo('20Gi') },
      ],
    },
    {
      id: 'pod-finishes-resize',
      title: 'A pod finishes the job',
      prose:
        'Start a pod on `logs`. When kubelet mounts the volume it sees the pending resize, grows the file ' +
        'system, and only then does the claim report the new capacity.',
      editor: podUsingClaim('log-reader', 'logs'),
      goals: [
        {
          label: 'log-reader is Running',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'log-reader' }, phase: 'Running' },
        },
        {
          label: 'logs now reports 20Gi',
          check: { object: logsRef, capacity: '20Gi' },
        },
      ],
      hints: ['Apply the pod in the editor and watch the claim’s capacity.'],
      solution: [{ type: 'apply', text: podUsingClaim('log-reader', 'logs') }],
    },
    {
      id: 'no-shrinking',
      title: 'Requests only grow',
      prose:
        'Try to set `uploads` back to `5Gi`: the API refuses any request at or below the capacity the ' +
        'claim already has. No driver shrinks a file system in place.\n\n' +
        'To end up with a smaller volume, make a new, smaller claim and copy the data yourself. Delete ' +
        '`web` (the disk is ReadWriteOnce, so the copy job should have it alone), apply the claim ' +
        '`uploads-small` (5Gi) with the pod `mover`, which mounts the old claim at `/old` and the new one ' +
        'at `/new`, and write `/new/photo.txt` with what `/old/photo.txt` holds.',
      editor: `${claimOfClass('uploads-small', '5Gi', 'expandable')}---\n${moverPod}`,
      goals: [
        {
          label: 'uploads still reports 20Gi',
          check: { object: uploadsRef, capacity: '20Gi' },
        },
        {
          label: 'uploads-small is Bound with 5Gi',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'uploads-small' },
            phase: 'Bound',
            capacity: '5Gi',
          },
        },
        {
          label: 'mover reads the photo from the new claim',
          check: {
            read: { pod: { namespace: 'default', name: 'mover' }, path: '/new/photo.txt', content: 'sunset' },
          },
        },
      ],
      hints: [
        'Delete the pod web first, then apply both documents in the editor.',
        'uploads-small waits for its first consumer, so it is provisioned in the zone where mover can reach uploads.',
        'From mover, write /new/photo.txt with the content "sunset".',
      ],
      solution: [
        { type: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'web' } },
        { type: 'apply', text: `${claimOfClass('uploads-small', '5Gi', 'expandable')}---\n${moverPod}` },
        { type: 'write', pod: { name: 'mover' }, path: '/new/photo.txt', content: 'sunset' },
      ],
      prediction: {
        question: 'uploads is at 20Gi. You set its request to 5Gi. What happens?',
        choices: [
          'The disk shrinks to 5Gi and files that do not fit are lost',
          'The request is refused as Invalid: it can not be less than the capacity',
          'The request is stored, but the disk stays at 20Gi',
        ],
        answer: 1,
        explanation:
          'Validation refuses a request at or below status.capacity ("field can not be less than status.capacity"). ' +
          'A smaller request is only accepted while it stays above the capacity, to back out of a resize that failed.',
      },
    },
  ],
};
