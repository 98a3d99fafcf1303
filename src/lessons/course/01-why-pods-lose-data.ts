/** Lesson 1: where a container's files live, and which of them outlive what. */
import type { Lesson } from '../types';

const notebookPod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
`;

const scratchpadPod = `apiVersion: v1
kind: Pod
metadata:
  name: scratchpad
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: scratch
          mountPath: /scratch
  volumes:
    - name: scratch
      emptyDir: {}
`;

const diaryClaim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: diary
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

const journalPod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: diary
`;

export const whyPodsLoseData: Lesson = {
  id: 'why-pods-lose-data',
  number: 1,
  title: 'Why pods lose data',
  summary:
    "A container's own files vanish when it restarts; an emptyDir survives a restart but not the pod; a claim survives both.",
  setup: [
    {
      type: 'apply',
      text: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: ebs.csi.aws.com
volumeBindingMode: Immediate
`,
    },
  ],
  steps: [
    {
      id: 'container-layer',
      title: "A container's own files",
      prose:
        'Every container gets a writable layer on top of its image. Files written there belong to that ' +
        'container instance: when it crashes and kubelet starts it again, it starts from the image, ' +
        'empty-handed.\n\nApply the pod `notebook`, write `/tmp/todo.txt` from it (select the pod, then ' +
        '*Write file*), and crash its containers.',
      editor: notebookPod('notebook'),
      goals: [
        {
          label: 'The pod notebook is Running again after the crash',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'notebook' }, phase: 'Running' },
        },
        {
          label: '/tmp/todo.txt is gone',
          check: {
            read: { pod: { namespace: 'default', name: 'notebook' }, path: '/tmp/todo.txt', absent: true },
          },
        },
      ],
      hints: [
        'Apply the manifest in the editor first, and wait for the pod to run.',
        'Select the pod in the graph: the inspector can write a file from it and crash its containers.',
        'Write /tmp/todo.txt with any content, then press "Crash containers".',
      ],
      solution: [
        { type: 'apply', text: notebookPod('notebook') },
        { type: 'write', pod: { name: 'notebook' }, path: '/tmp/todo.txt', content: 'buy milk' },
        { type: 'crash', pod: { name: 'notebook' } },
      ],
      prediction: {
        question: 'The container crashes and restarts. Is /tmp/todo.txt still there?',
        choices: ['Yes, the pod is the same pod', 'No, the new container starts from its image'],
        answer: 1,
        explanation:
          "The pod object stays, but the crashed container's writable layer is thrown away; the restarted container starts clean.",
      },
    },
    {
      id: 'empty-dir',
      title: 'An emptyDir lives as long as its pod',
      prose:
        'An `emptyDir` volume is a directory kubelet creates for the pod on its node. It is shared by ' +
        "the pod's containers and survives their restarts, because it belongs to the pod, not to a " +
        'container.\n\nApply `scratchpad`, write `/scratch/todo.txt`, and crash it.',
      editor: scratchpadPod,
      goals: [
        {
          label: 'The pod scratchpad is Running',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'scratchpad' }, phase: 'Running' },
        },
        {
          label: '/scratch/todo.txt survived the crash',
          check: {
            read: {
              pod: { namespace: 'default', name: 'scratchpad' },
              path: '/scratch/todo.txt',
              content: 'buy milk',
            },
          },
        },
      ],
      hints: [
        'The file must be under the mount path /scratch to land in the emptyDir.',
        'Write /scratch/todo.txt with the content "buy milk", then crash the containers.',
      ],
      solution: [
        { type: 'apply', text: scratchpadPod },
        { type: 'write', pod: { name: 'scratchpad' }, path: '/scratch/todo.txt', content: 'buy milk' },
        { type: 'crash', pod: { name: 'scratchpad' } },
      ],
      prediction: {
        question: 'This time the file is in an emptyDir. Does it survive the crash?',
        choices: ['Yes', 'No'],
        answer: 0,
        explanation:
          'The emptyDir belongs to the pod, and the pod is still there: only its containers restarted.',
      },
    },
    {
      id: 'empty-dir-dies-with-pod',
      title: '…but not the pod itself',
      prose:
        'Delete the pod `scratchpad` and apply it again. A pod with the same name is still a new pod, ' +
        'with a new, empty `emptyDir`.',
      editor: scratchpadPod,
      goals: [
        {
          label: 'A new scratchpad is Running',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'scratchpad' }, phase: 'Running' },
        },
        {
          label: 'Its /scratch is empty again',
          check: {
            read: {
              pod: { namespace: 'default', name: 'scratchpad' },
              path: '/scratch/todo.txt',
              absent: true,
            },
          },
        },
      ],
      hints: ['Select the pod and delete it, wait until it is gone, then apply the same manifest again.'],
      solution: [
        { type: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'scratchpad' } },
        { type: 'apply', text: scratchpadPod },
      ],
      prediction: {
        question: 'The pod is deleted and created again with the same name. Is /scratch/todo.txt there?',
        choices: ['Yes, same name, same volume', 'No, a new pod gets a new emptyDir'],
        answer: 1,
        explanation:
          'kubelet deletes an emptyDir with its pod; the new pod has a different uid and a fresh directory.',
      },
    },
    {
      id: 'claim-outlives-pods',
      title: 'A claim outlives pods',
      prose:
        'A PersistentVolumeClaim asks for storage that exists independently of any pod. The default ' +
        'StorageClass `standard` provisions a disk for it. Apply the claim `diary` and a pod `journal` ' +
        'that mounts it at `/data`, write `/data/entry.txt`, delete the pod, and start another pod, ' +
        '`journal-2`, on the same claim.',
      editor: `${diaryClaim}---\n${journalPod('journal')}`,
      goals: [
        {
          label: 'The claim diary is Bound',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'diary' },
            phase: 'Bound',
          },
        },
        {
          label: 'The first pod, journal, is gone',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'journal' }, absent: true },
        },
        {
          label: 'journal-2 reads what journal wrote',
          check: {
            read: {
              pod: { namespace: 'default', name: 'journal-2' },
              path: '/data/entry.txt',
              content: 'dear diary',
            },
          },
        },
      ],
      hints: [
        'Apply both documents; the claim binds to a newly provisioned volume.',
        'Write /data/entry.txt with "dear diary" from journal, then delete journal.',
        'Apply a copy of the pod named journal-2 with the same volumes section.',
      ],
      solution: [
        { type: 'apply', text: `${diaryClaim}---\n${journalPod('journal')}` },
        { type: 'write', pod: { name: 'journal' }, path: '/data/entry.txt', content: 'dear diary' },
        { type: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'journal' } },
        { type: 'apply', text: journalPod('journal-2') },
      ],
    },
  ],
};
