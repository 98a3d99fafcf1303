/** Lesson 3: an administrator's PersistentVolume, a developer's claim, and how they bind. */
import type { Lesson } from '../types';

const localVolume = (name: string, size: string, path: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: ${size}
  volumeMode: Filesystem
  accessModes:
    - ReadWriteOnce
  persistentVolumeReclaimPolicy: Retain
  storageClassName: local-storage
  hostPath:
    path: "${path}"
`;

const appNamespace = `apiVersion: v1
kind: Namespace
metadata:
  name: my-application
`;

const appClaim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: my-app-data-pvc
  namespace: my-application
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 2Gi
  storageClassName: local-storage
`;

const logsClaim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: my-app-logs-pvc
  namespace: my-application
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
  storageClassName: local-storage
  volumeName: my-local-pv
`;

const appPod = (name: string, namespace: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  nodeSelector:
    kubernetes.io/hostname: node-a
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: data
          mountPath: /var/lib/my-app
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: my-app-data-pvc
`;

const appClaimRef = {
  kind: 'PersistentVolumeClaim',
  namespace: 'my-application',
  name: 'my-app-data-pvc',
} as const;

export const staticProvisioning: Lesson = {
  id: 'static-provisioning',
  number: 3,
  title: 'Static provisioning: volumes and claims',
  summary:
    'An administrator creates PersistentVolumes by hand; a developer asks for storage with a claim; ' +
    'Kubernetes binds the two, one to one, and a pod mounts the claim.',
  setup: [
    { type: 'apply', text: localVolume('my-local-pv', '5Gi', '/mnt/data/my-app-data') },
    { type: 'apply', text: localVolume('big-local-pv', '20Gi', '/mnt/data/big') },
  ],
  steps: [
    {
      id: 'claim-binds',
      title: 'A claim finds a volume',
      prose:
        'The administrator has prepared two PersistentVolumes (PVs) of class `local-storage`: ' +
        '`my-local-pv` (5Gi) and `big-local-pv` (20Gi). Both are `Available`. A PV is a piece of real ' +
        'storage, here a directory on a node.\n\nAs the developer, you do not pick a volume: you write a ' +
        'PersistentVolumeClaim (PVC) saying what you need — size, access mode, class — and Kubernetes ' +
        'finds one. Create the namespace `my-application`, then the claim `my-app-data-pvc` for 2Gi.\n\n' +
        'The class name only has to match between claim and volume: no StorageClass object is needed for ' +
        'volumes made by hand.',
      editor: `${appNamespace}---\n${appClaim}`,
      goals: [
        {
          label: 'my-app-data-pvc is Bound to my-local-pv',
          check: { object: appClaimRef, phase: 'Bound', volume: 'my-local-pv' },
        },
        {
          label: 'The claim got the whole volume: 5Gi',
          check: { object: appClaimRef, capacity: '5Gi' },
        },
        {
          label: 'big-local-pv is still Available',
          check: { object: { kind: 'PersistentVolume', name: 'big-local-pv' }, phase: 'Available' },
        },
      ],
      hints: [
        'A namespaced object needs its Namespace first: apply both documents in the editor.',
        'Kubernetes keeps the volumes that are big enough, have the access mode and the same class, and takes the smallest.',
        'Apply the Namespace my-application and the claim my-app-data-pvc (2Gi, ReadWriteOnce, local-storage).',
      ],
      solution: [{ type: 'apply', text: `${appNamespace}---\n${appClaim}` }],
      prediction: {
        question:
          'The claim asks for 2Gi. Both volumes are big enough. Which one does it get, and how big is it?',
        choices: [
          'big-local-pv, 20Gi: the most room',
          'my-local-pv, 2Gi: the volume is cut to size',
          'my-local-pv, 5Gi: the smallest volume that fits, whole',
        ],
        answer: 2,
        explanation:
          'Among the volumes that fit, the smallest wins. A volume is never split: the claim gets all of it, so its capacity reads 5Gi.',
      },
    },
    {
      id: 'one-to-one',
      title: 'One volume, one claim',
      prose:
        "Binding writes both ways: the claim's `spec.volumeName` names the PV, and the PV's `spec.claimRef` " +
        'names the claim (namespace, name and uid). From now on the PV belongs to that claim alone.\n\n' +
        'The 5Gi volume has 3Gi the claim does not use. Try to get them: apply `my-app-logs-pvc`, a 1Gi ' +
        'claim that asks for `my-local-pv` by name with `volumeName`.',
      editor: logsClaim,
      goals: [
        {
          label: "my-local-pv's claimRef still names my-application/my-app-data-pvc",
          check: {
            object: { kind: 'PersistentVolume', name: 'my-local-pv' },
            phase: 'Bound',
            claim: 'my-application/my-app-data-pvc',
          },
        },
        {
          label: 'my-app-logs-pvc stays Pending, with a FailedBinding event',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'my-application', name: 'my-app-logs-pvc' },
            phase: 'Pending',
            event: 'FailedBinding',
          },
        },
      ],
      hints: [
        'Apply the claim in the editor and look at its events in the inspector.',
        'A claim that names a volume waits for that volume only: it does not fall back to big-local-pv.',
      ],
      solution: [{ type: 'apply', text: logsClaim }],
    },
    {
      id: 'pod-mounts-claim',
      title: 'A pod mounts the claim',
      prose:
        'A pod never names a PV: it names a claim, with `persistentVolumeClaim.claimName`, and mounts it ' +
        'with `volumeMounts[].mountPath`. The claim is the indirection that lets the same pod manifest ' +
        'run on any cluster.\n\nApply the pod `my-app` in `my-application`, and write ' +
        '`/var/lib/my-app/state.db` from it.',
      editor: appPod('my-app', 'my-application'),
      goals: [
        {
          label: 'my-app is Running',
          check: { object: { kind: 'Pod', namespace: 'my-application', name: 'my-app' }, phase: 'Running' },
        },
        {
          label: '/var/lib/my-app/state.db is on the volume',
          check: {
            read: {
              pod: { namespace: 'my-application', name: 'my-app' },
              path: '/var/lib/my-app/state.db',
              content: 'orders=1',
            },
          },
        },
      ],
      hints: [
        'The volumes entry names the claim; the volumeMounts entry uses the same name, data.',
        'Apply the pod, then write /var/lib/my-app/state.db with "orders=1".',
      ],
      solution: [
        { type: 'apply', text: appPod('my-app', 'my-application') },
        {
          type: 'write',
          pod: { namespace: 'my-application', name: 'my-app' },
          path: '/var/lib/my-app/state.db',
          content: 'orders=1',
        },
      ],
    },
    {
      id: 'claims-are-namespaced',
      title: 'Claims live in a namespace, volumes do not',
      prose:
        'A PV is cluster-wide: `kubectl get pv` lists it without a namespace. A claim lives in one ' +
        'namespace, and a pod can only use claims of its own namespace.\n\nApply the same pod as ' +
        '`intruder` in the namespace `default`.',
      editor: appPod('intruder', 'default'),
      goals: [
        {
          label: 'intruder is Pending, on no node',
          check: {
            object: { kind: 'Pod', namespace: 'default', name: 'intruder' },
            phase: 'Pending',
            node: null,
          },
        },
        {
          label: 'The scheduler reports FailedScheduling',
          check: {
            object: { kind: 'Pod', namespace: 'default', name: 'intruder' },
            event: 'FailedScheduling',
          },
        },
      ],
      hints: [
        'Apply the pod in the editor: it is the same pod, in namespace default.',
        'Look at its events: the scheduler looks for the claim in the namespace of the pod.',
      ],
      solution: [{ type: 'apply', text: appPod('intruder', 'default') }],
      prediction: {
        question: 'A pod in namespace default names the claim my-app-data-pvc. What happens?',
        choices: [
          'It runs and shares the volume with my-app',
          'It stays Pending: there is no such claim in default',
          'Kubernetes creates a copy of the claim in default',
        ],
        answer: 1,
        explanation:
          'claimName is looked up in the namespace of the pod. default has no claim of that name, so the scheduler cannot place the pod.',
      },
    },
  ],
};
