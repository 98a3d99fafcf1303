/** Lesson 6: StorageClasses, dynamic provisioning, the default class and the reclaim policy it hands down. */
import { claimRef } from './manifests';
import type { Lesson } from '../types';

const fastClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
  iops: "3000"
  encrypted: "true"
reclaimPolicy: Delete
volumeBindingMode: Immediate
allowVolumeExpansion: true
`;

const keepClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: keep
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
reclaimPolicy: Retain
volumeBindingMode: Immediate
`;

const claim = (name: string, storageClassLine: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
${storageClassLine}  resources:
    requests:
      storage: 10Gi
`;

const databaseClaim = claim('db-data', '  storageClassName: fast\n');
const cacheClaim = claim('cache', '');
const legacyClaim = claim('legacy-data', '  storageClassName: ""\n');
const auditClaim = claim('audit-log', '  storageClassName: keep\n');

const fastClassRef = { kind: 'StorageClass', name: 'fast' } as const;
const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

export const storageClasses: Lesson = {
  id: 'storage-classes',
  number: 6,
  title: 'StorageClasses and dynamic provisioning',
  summary:
    'A StorageClass tells a driver how to create volumes on demand. Claims choose a class, or get the ' +
    'default one; volumes inherit the reclaim policy of their class.',
  setup: [],
  steps: [
    {
      id: 'provision-on-demand',
      title: 'A class creates the volume',
      prose:
        'Making every volume by hand does not scale. A StorageClass describes a kind of storage, and ' +
        "Kubernetes asks the class's **provisioner** (here the AWS EBS CSI driver, `ebs.csi.aws.com`) to " +
        'create a volume whenever a claim of that class needs one. `parameters` are passed to the ' +
        'driver as they are: disk type, IOPS, encryption — each driver documents its own.\n\nApply the ' +
        'class `fast` and the claim `db-data` that asks for it. `volumeBindingMode: Immediate` provisions ' +
        'at once; `WaitForFirstConsumer` would wait for a pod, so the disk lands in its zone.',
      editor: `${fastClass}---\n${databaseClaim}`,
      goals: [
        {
          label: 'db-data is Bound',
          check: { object: claimRef('db-data'), phase: 'Bound', storageClassName: 'fast' },
        },
        {
          label: 'The driver reported ProvisioningSucceeded',
          check: { object: claimRef('db-data'), event: 'ProvisioningSucceeded' },
        },
        {
          label: 'One PersistentVolume exists, made for the claim',
          check: { count: { kind: 'PersistentVolume', phase: 'Bound', equals: 1 } },
        },
      ],
      hints: [
        'Apply both documents. No PV exists yet: watch one appear, named pvc- followed by the claim uid.',
        'The claim names the class with storageClassName: fast.',
      ],
      solution: [{ type: 'apply', text: `${fastClass}---\n${databaseClaim}` }],
    },
    {
      id: 'default-class',
      title: 'The default class',
      prose:
        'A claim may leave out `storageClassName`. If a class carries the annotation ' +
        '`storageclass.kubernetes.io/is-default-class: "true"`, such a claim is given that class when it ' +
        'is created.\n\nMake `fast` the default: patch it with ' +
        '`{"metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"}}}` (or apply ' +
        'it again with the annotation). Then apply the claim `cache`, which names no class.',
      editor: cacheClaim,
      goals: [
        {
          label: 'fast is the default class',
          check: { object: fastClassRef, annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
        },
        {
          label: 'cache was given the class fast',
          check: { object: claimRef('cache'), storageClassName: 'fast' },
        },
        {
          label: 'cache is Bound to a new volume',
          check: { object: claimRef('cache'), phase: 'Bound', event: 'ProvisioningSucceeded' },
        },
      ],
      hints: [
        'Select the StorageClass fast; the annotation goes under metadata.annotations, and its value is the string "true".',
        'Patch fast with {"metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"}}}, then apply the claim.',
      ],
      solution: [
        {
          type: 'patch',
          ref: fastClassRef,
          patch: { metadata: { annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } } },
        },
        { type: 'apply', text: cacheClaim },
      ],
      prediction: {
        question: 'cache has no storageClassName, and fast is now the default. What happens?',
        choices: [
          'It stays Pending: it asked for no class',
          'It is given the class fast and a volume is provisioned',
          'It binds to the volume of db-data',
        ],
        answer: 1,
        explanation:
          'Admission writes the default class into a new claim that names none; from then on it is an ordinary claim of class fast.',
      },
    },
    {
      id: 'opt-out',
      title: 'Opting out with an empty class',
      prose:
        'Sometimes a claim must bind a volume made by hand and must never trigger provisioning. ' +
        '`storageClassName: ""` says exactly that: "no class". The default class does not apply, and ' +
        'only PVs without a class can bind it.\n\nApply `legacy-data`. No such PV exists, so it waits.',
      editor: legacyClaim,
      goals: [
        {
          label: 'legacy-data keeps its empty class',
          check: { object: claimRef('legacy-data'), storageClassName: '' },
        },
        {
          label: 'legacy-data is Pending, with FailedBinding',
          check: { object: claimRef('legacy-data'), phase: 'Pending', event: 'FailedBinding' },
        },
      ],
      hints: [
        'Apply the claim in the editor; look at its events.',
        'The empty string is not the same as leaving the field out: only a missing field gets the default.',
      ],
      solution: [{ type: 'apply', text: legacyClaim }],
    },
    {
      id: 'retain-class',
      title: 'A class that keeps its volumes',
      prose:
        'A provisioned volume copies the `reclaimPolicy` of its class. The default is `Delete` — the disk ' +
        'goes with the claim. For data you cannot lose, an administrator can offer a class with ' +
        '`Retain` (a class cannot ask for Recycle).\n\nApply the class `keep` and the claim `audit-log`.',
      editor: `${keepClass}---\n${auditClaim}`,
      goals: [
        {
          label: 'audit-log is Bound with class keep',
          check: { object: claimRef('audit-log'), phase: 'Bound', storageClassName: 'keep' },
        },
        {
          label: 'Three provisioned volumes are Bound',
          check: { count: { kind: 'PersistentVolume', phase: 'Bound', equals: 3 } },
        },
      ],
      hints: [
        'Apply both documents; the class must exist for the claim to be provisioned.',
        'Look at the new PV in the inspector: its persistentVolumeReclaimPolicy is Retain.',
      ],
      solution: [{ type: 'apply', text: `${keepClass}---\n${auditClaim}` }],
    },
    {
      id: 'policies-compared',
      title: 'Delete one of each',
      prose:
        'Delete the claims `cache` (class `fast`, policy Delete) and `audit-log` (class `keep`, policy ' +
        'Retain), and compare what is left of their volumes.',
      goals: [
        {
          label: 'cache is gone',
          check: { object: claimRef('cache'), absent: true },
        },
        {
          label: 'audit-log is gone',
          check: { object: claimRef('audit-log'), absent: true },
        },
        {
          label: "audit-log's volume is kept, Released",
          check: { count: { kind: 'PersistentVolume', phase: 'Released', equals: 1 } },
        },
        {
          label: "cache's volume was deleted: two volumes remain",
          check: { count: { kind: 'PersistentVolume', equals: 2 } },
        },
      ],
      hints: [
        'Select each claim and delete it; no pod uses them, so they go at once.',
        'Then look at the PVs: kubectl get pv shows their status and reclaim policy.',
      ],
      solution: [
        { type: 'delete', ref: claimRef('cache') },
        { type: 'delete', ref: claimRef('audit-log') },
      ],
      prediction: {
        question: 'Both claims are deleted. How many of their two volumes are still there?',
        choices: ['None', "One: audit-log's, Released", 'Both, Released'],
        answer: 1,
        explanation:
          "cache's volume inherited Delete from fast, so the driver deleted the disk and the PV. audit-log's inherited Retain: it stays Released, data intact.",
      },
    },
  ],
};
