/** Lesson 4: what ReadWriteOnce, ReadOnlyMany, ReadWriteMany and ReadWriteOncePod allow, and how a refusal looks. */
import { podRef } from './manifests';
import type { Lesson } from '../types';

const blockClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: block
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
`;

const nfsVolume = (name: string, accessMode: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: 100Gi
  accessModes: [${accessMode}]
  nfs:
    server: nfs.example.internal
    path: /exports/team
`;

const claim = (name: string, accessMode: string, storageClass: string | undefined) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [${accessMode}]
${storageClass ? `  storageClassName: ${storageClass}\n` : ''}  resources:
    requests:
      storage: 10Gi
`;

const pod = (
  name: string,
  node: string,
  claimName: string,
  mountPath: string,
  readOnly = false,
) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeSelector:
    kubernetes.io/hostname: ${node}
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: data
          mountPath: ${mountPath}
${readOnly ? '          readOnly: true\n' : ''}  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: ${claimName}
`;

const notesClaim = claim('notes', 'ReadWriteOnce', 'block');
const writerPod = pod('writer', 'node-a', 'notes', '/notes');
const readerPod = pod('reader', 'node-a', 'notes', '/notes');
const otherNodePod = pod('on-node-b', 'node-b', 'notes', '/notes');
const teamClaim = claim('team', 'ReadWriteMany', undefined);
const uploaderPod = pod('uploader', 'node-a', 'team', '/share');
const viewerPod = pod('viewer', 'node-c', 'team', '/share');
const readOnlyClaim = claim('team-readonly', 'ReadOnlyMany', undefined);
const dashboardB = pod('dashboard-b', 'node-b', 'team-readonly', '/reports', true);
const dashboardC = pod('dashboard-c', 'node-c', 'team-readonly', '/reports', true);
const lockClaim = claim('lock', 'ReadWriteOncePod', 'block');
const leaderPod = pod('leader', 'node-a', 'lock', '/lock');
const followerPod = pod('follower', 'node-a', 'lock', '/lock');

export const accessModes: Lesson = {
  id: 'access-modes',
  number: 4,
  title: 'Access modes: who may mount a volume',
  summary:
    'ReadWriteOnce is per node, ReadWriteOncePod per pod, ReadOnlyMany and ReadWriteMany span nodes — ' +
    "and a volume that cannot be shared shows it in the pod's events.",
  setup: [
    { type: 'apply', text: blockClass },
    { type: 'apply', text: nfsVolume('team-share', 'ReadWriteMany') },
    { type: 'apply', text: nfsVolume('team-share-readonly', 'ReadOnlyMany') },
  ],
  steps: [
    {
      id: 'rwo-one-node',
      title: 'ReadWriteOnce: one node at a time',
      prose:
        'An access mode says how many consumers may mount a volume at once. `ReadWriteOnce` (RWO) means ' +
        '**one node**, not one pod: every pod on that node can read and write it.\n\nThe StorageClass ' +
        '`block` creates cloud disks (`ebs.csi.aws.com`) when a pod first needs them. Apply the claim ' +
        '`notes` and two pods on `node-a`, `writer` and `reader`. Write `/notes/todo.txt` from `writer`.',
      editor: `${notesClaim}---\n${writerPod}---\n${readerPod}`,
      goals: [
        {
          label: 'writer runs on node-a',
          check: { object: podRef('writer'), phase: 'Running', node: 'node-a' },
        },
        {
          label: 'reader runs on node-a too',
          check: { object: podRef('reader'), phase: 'Running', node: 'node-a' },
        },
        {
          label: 'reader sees what writer wrote',
          check: {
            read: {
              pod: { namespace: 'default', name: 'reader' },
              path: '/notes/todo.txt',
              content: 'buy milk',
            },
          },
        },
      ],
      hints: [
        'Apply the three documents; the disk is created when the first pod is scheduled.',
        'Both pods are pinned to node-a with a nodeSelector, so the disk is attached to one node only.',
        'Write /notes/todo.txt with "buy milk" from writer.',
      ],
      solution: [
        { type: 'apply', text: `${notesClaim}---\n${writerPod}---\n${readerPod}` },
        { type: 'write', pod: { name: 'writer' }, path: '/notes/todo.txt', content: 'buy milk' },
      ],
    },
    {
      id: 'rwo-second-node',
      title: 'A second node is refused',
      prose:
        'A cloud disk is attached to one machine at a time. Apply `on-node-b`, a pod pinned to `node-b` ' +
        'that uses the same claim, and read its events.\n\nKubernetes does not check RWO when it ' +
        'schedules the pod: it is refused later, when the disk would have to be attached to a second ' +
        'node.',
      editor: otherNodePod,
      goals: [
        {
          label: 'on-node-b is scheduled to node-b but stays Pending',
          check: { object: podRef('on-node-b'), phase: 'Pending', node: 'node-b' },
        },
        {
          label: 'Its events show FailedAttachVolume (Multi-Attach error)',
          check: { object: podRef('on-node-b'), event: 'FailedAttachVolume' },
        },
        {
          label: 'writer keeps running on node-a',
          check: { object: podRef('writer'), phase: 'Running' },
        },
      ],
      hints: [
        'Apply the pod in the editor and select it: the Events tab tells the story.',
        'The disk stays attached to node-a while writer or reader uses it there. Deleting both would let on-node-b start.',
      ],
      solution: [{ type: 'apply', text: otherNodePod }],
      prediction: {
        question: 'on-node-b needs the RWO disk that pods on node-a are using. What happens?',
        choices: [
          'The scheduler refuses it: Pending with no node',
          'It is scheduled to node-b but cannot start: the disk cannot attach there',
          'It runs and shares the disk over the network',
        ],
        answer: 1,
        explanation:
          'The scheduler places the pod; the attach/detach controller then refuses to attach a disk already attached to node-a, and reports a Multi-Attach error.',
      },
    },
    {
      id: 'rwx-across-nodes',
      title: 'ReadWriteMany: shared file systems',
      prose:
        '`ReadWriteMany` (RWX) lets pods on many nodes read and write at the same time. Ordinary block ' +
        'disks cannot do it; shared file systems such as NFS can. The administrator has published the NFS export ' +
        '`/exports/team` as the PV `team-share` (RWX).\n\nApply the claim `team` and two pods on ' +
        'different nodes, `uploader` on `node-a` and `viewer` on `node-c` (another zone), then write ' +
        '`/share/report.csv` from `uploader`.',
      editor: `${teamClaim}---\n${uploaderPod}---\n${viewerPod}`,
      goals: [
        {
          label: 'The claim team is Bound to team-share',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'team' },
            phase: 'Bound',
            volume: 'team-share',
          },
        },
        {
          label: 'uploader runs on node-a',
          check: { object: podRef('uploader'), phase: 'Running', node: 'node-a' },
        },
        {
          label: 'viewer runs on node-c',
          check: { object: podRef('viewer'), phase: 'Running', node: 'node-c' },
        },
        {
          label: 'viewer reads the report',
          check: {
            read: {
              pod: { namespace: 'default', name: 'viewer' },
              path: '/share/report.csv',
              content: 'q1,42',
            },
          },
        },
      ],
      hints: [
        'The claim asks for ReadWriteMany, so only a volume offering RWX can bind it.',
        'Apply the three documents, then write /share/report.csv with "q1,42" from uploader.',
      ],
      solution: [
        { type: 'apply', text: `${teamClaim}---\n${uploaderPod}---\n${viewerPod}` },
        { type: 'write', pod: { name: 'uploader' }, path: '/share/report.csv', content: 'q1,42' },
      ],
    },
    {
      id: 'rox-readers',
      title: 'ReadOnlyMany: many readers',
      prose:
        '`ReadOnlyMany` (ROX) promises many nodes read access. It suits content that is published once and ' +
        'read everywhere. The PV `team-share-readonly` points at the same NFS export, offered as ROX.\n\n' +
        'Apply the claim `team-readonly` and two pods, on `node-b` and `node-c`, that mount it with ' +
        '`readOnly: true` — the access mode describes the volume; `readOnly` on the mount is what makes ' +
        'the pod read-only.',
      editor: `${readOnlyClaim}---\n${dashboardB}---\n${dashboardC}`,
      goals: [
        {
          label: 'team-readonly is Bound to team-share-readonly',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'team-readonly' },
            phase: 'Bound',
            volume: 'team-share-readonly',
          },
        },
        {
          label: 'dashboard-b reads the report on node-b',
          check: {
            read: {
              pod: { namespace: 'default', name: 'dashboard-b' },
              path: '/reports/report.csv',
              content: 'q1,42',
            },
          },
        },
        {
          label: 'dashboard-c reads it on node-c',
          check: {
            read: {
              pod: { namespace: 'default', name: 'dashboard-c' },
              path: '/reports/report.csv',
              content: 'q1,42',
            },
          },
        },
      ],
      hints: [
        'A ReadOnlyMany claim only binds a volume whose access modes include ReadOnlyMany.',
        'Apply the three documents in the editor; both pods find the file uploader wrote to the export.',
      ],
      solution: [{ type: 'apply', text: `${readOnlyClaim}---\n${dashboardB}---\n${dashboardC}` }],
    },
    {
      id: 'rwop-one-pod',
      title: 'ReadWriteOncePod: exactly one pod',
      prose:
        '`ReadWriteOncePod` (RWOP) is stricter than RWO: one **pod** in the whole cluster, even on the ' +
        'same node. Use it when two copies of a program must never write at once.\n\nApply the claim ' +
        '`lock` and the pod `leader`. Then apply `follower`, also on `node-a`, using the same claim.',
      editor: `${lockClaim}---\n${leaderPod}`,
      goals: [
        {
          label: 'leader runs on node-a',
          check: { object: podRef('leader'), phase: 'Running', node: 'node-a' },
        },
        {
          label: 'follower is Pending on no node',
          check: { object: podRef('follower'), phase: 'Pending', node: null },
        },
        {
          label: 'follower has a FailedScheduling event',
          check: { object: podRef('follower'), event: 'FailedScheduling' },
        },
      ],
      hints: [
        'Apply the claim and leader first, and wait for leader to run.',
        'Then apply follower: a copy of leader named follower, with the same claim and node.',
      ],
      solution: [
        { type: 'apply', text: `${lockClaim}---\n${leaderPod}` },
        { type: 'apply', text: followerPod },
      ],
      prediction: {
        question: 'follower wants the RWOP claim that leader uses, on the same node. What happens?',
        choices: [
          'It runs: same node, like RWO',
          'It is scheduled but fails to attach',
          'The scheduler will not place it: Pending, no node',
        ],
        answer: 2,
        explanation:
          'The scheduler checks RWOP itself: while another pod uses the claim, no node fits. follower will be scheduled once leader is deleted.',
      },
    },
  ],
};
