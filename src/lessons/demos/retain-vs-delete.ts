/** Demo: two classes that differ only in reclaimPolicy, and what deleting each claim leaves. */
import { claimRef, podRef, podUsingClaim } from '../course/manifests';
import type { Intent } from '../../worker/protocol';
import type { Demo } from './types';
import { claimOfClass } from '../course/manifests';
import { EBS_DRIVER, demoCluster, ebsClass } from './objects';

const deleteObject = (kind: 'Pod' | 'PersistentVolumeClaim', name: string): Intent => ({
  type: 'delete',
  ref: { kind, namespace: 'default', name },
});

export const retainVsDeleteDemo: Demo = {
  id: 'retain-vs-delete',
  title: 'Retain vs Delete',
  summary: 'A claim is deleted. Does its volume, and the data on it, go too? The reclaim policy decides.',
  cluster: demoCluster([EBS_DRIVER]),
  setup: [],
  steps: [
    {
      narration:
        'Two StorageClasses with the same EBS driver. One difference: `reclaimPolicy`. `ebs-delete` has `Delete` (the default), `ebs-retain` has `Retain`.',
      intents: [
        { type: 'apply', text: ebsClass('ebs-delete', { reclaimPolicy: 'Delete' }) },
        { type: 'apply', text: ebsClass('ebs-retain', { reclaimPolicy: 'Retain' }) },
      ],
      checks: [{ count: { kind: 'StorageClass', equals: 2 } }],
    },
    {
      narration:
        'One claim per class. The driver creates a disk for each, and a PersistentVolume `pvc-…` that the claim binds.',
      intents: [
        {
          type: 'apply',
          text: `${claimOfClass('scratch', '1Gi', 'ebs-delete')}---\n${claimOfClass('keep', '1Gi', 'ebs-retain')}`,
        },
      ],
      checks: [
        { object: claimRef('scratch'), phase: 'Bound' },
        { object: claimRef('keep'), phase: 'Bound' },
        { count: { kind: 'PersistentVolume', phase: 'Bound', equals: 2 } },
      ],
    },
    {
      narration: 'A pod on each claim writes a file. The files live on the disks, not in the pods.',
      intents: [
        {
          type: 'apply',
          text: `${podUsingClaim('scratcher', 'scratch')}---\n${podUsingClaim('keeper', 'keep')}`,
        },
        { type: 'write', pod: { name: 'scratcher' }, path: '/data/partial.csv', content: 'row,1' },
        { type: 'write', pod: { name: 'keeper' }, path: '/data/ledger.txt', content: 'balance=100' },
      ],
      checks: [
        { read: { pod: { name: 'keeper' }, path: '/data/ledger.txt', content: 'balance=100' } },
        { read: { pod: { name: 'scratcher' }, path: '/data/partial.csv', content: 'row,1' } },
      ],
    },
    {
      narration:
        'Delete the pod and the claim `keep`. Its volume stays, `Released`, with the file on its disk, bound to nobody.',
      intents: [deleteObject('Pod', 'keeper'), deleteObject('PersistentVolumeClaim', 'keep')],
      checks: [
        { object: claimRef('keep'), absent: true },
        { count: { kind: 'PersistentVolume', phase: 'Released', equals: 1 } },
      ],
    },
    {
      narration: 'Delete the pod and the claim `scratch`. Its volume and its disk are deleted, data and all.',
      intents: [deleteObject('Pod', 'scratcher'), deleteObject('PersistentVolumeClaim', 'scratch')],
      checks: [
        { object: podRef('scratcher'), absent: true },
        { count: { kind: 'PersistentVolume', equals: 1 } },
        { count: { kind: 'PersistentVolume', phase: 'Released', equals: 1 } },
      ],
    },
  ],
};
