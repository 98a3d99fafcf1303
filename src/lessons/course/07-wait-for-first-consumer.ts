/** Lesson 7: why Immediate binding can strand a zonal disk, and how WaitForFirstConsumer avoids it. */
import { claimOfClass, podUsingClaim } from './manifests';
import type { Lesson } from '../types';

const immediateClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: disk-now
provisioner: ebs.csi.aws.com
volumeBindingMode: Immediate
`;

const waitingClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: disk-later
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
`;

const ZONE_LABEL = 'topology.kubernetes.io/zone';
const HOSTNAME_LABEL = 'kubernetes.io/hostname';

const ordersManifests = [
  claimOfClass('orders', '10Gi', 'disk-now'),
  podUsingClaim('orders-zone-a', 'orders', { [ZONE_LABEL]: 'zone-a' }),
  podUsingClaim('orders-zone-b', 'orders', { [ZONE_LABEL]: 'zone-b' }),
].join('---\n');

const ledgerWriter = podUsingClaim('ledger-writer', 'ledger', { [HOSTNAME_LABEL]: 'node-c' });
const ledgerReader = podUsingClaim('ledger-reader', 'ledger');

export const waitForFirstConsumer: Lesson = {
  id: 'wait-for-first-consumer',
  number: 7,
  title: 'WaitForFirstConsumer and topology',
  summary:
    'A cloud disk lives in one zone. With Immediate binding it is created before anyone knows where the pod will run; WaitForFirstConsumer lets the pod choose first.',
  setup: [
    { type: 'apply', text: immediateClass },
    { type: 'apply', text: waitingClass },
  ],
  steps: [
    {
      id: 'immediate-picks-a-zone',
      title: 'Immediate binding picks a zone blindly',
      prose:
        'This cluster spans two zones: `node-a` and `node-b` are in `zone-a`, `node-c` is in `zone-b`. ' +
        'An EBS disk is zonal: a node can only attach it if the node is in the same zone, so every ' +
        'provisioned volume carries a `nodeAffinity` on `topology.kubernetes.io/zone`.\n\n' +
        'The class `disk-now` uses `volumeBindingMode: Immediate` (the default). Its claims are ' +
        'provisioned the moment they are created, before any pod exists, so the provisioner has to ' +
        'pick a zone on its own.\n\n' +
        'Apply the claim `orders` and two pods that use it, one pinned to each zone. Then look at the ' +
        "new volume's node affinity, and at the pod that does not start.",
      editor: ordersManifests,
      goals: [
        {
          label: 'The claim orders is Bound',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'orders' },
            phase: 'Bound',
          },
        },
        {
          label: 'Exactly one pod runs: the one in the disk’s zone',
          check: { count: { kind: 'Pod', phase: 'Running', equals: 1 } },
        },
        {
          label: 'The pod in the other zone stays Pending',
          check: { count: { kind: 'Pod', phase: 'Pending', equals: 1 } },
        },
      ],
      hints: [
        'Apply all three documents in the editor at once.',
        'Select the PersistentVolume: its YAML shows `nodeAffinity` with one zone.',
        'Select the Pending pod and open its events: FailedScheduling says "volume node affinity conflict".',
      ],
      solution: [{ type: 'apply', text: ordersManifests }],
      prediction: {
        question:
          'The claim is provisioned and Bound before either pod exists. Which of the two pods can run?',
        choices: [
          'Both: a Bound claim can be used from anywhere',
          'Only the pod pinned to the zone the disk was created in',
          'Neither, until the claim is deleted and created again',
        ],
        answer: 1,
        explanation:
          'The PV controller never looks at node affinity, so Immediate binding can settle on a zone no pod wants. ' +
          'The scheduler then only places pods on nodes the volume allows; the pod pinned to the other zone is ' +
          'unschedulable with "volume node affinity conflict".',
      },
    },
    {
      id: 'claim-waits',
      title: 'WaitForFirstConsumer: the claim waits',
      prose:
        'The class `disk-later` uses the same driver with `volumeBindingMode: WaitForFirstConsumer`. ' +
        'Its claims are neither bound nor provisioned until a pod that uses them is being scheduled.\n\n' +
        'Apply the claim `ledger` and look at its events.',
      editor: claimOfClass('ledger', '10Gi', 'disk-later'),
      goals: [
        {
          label: 'The claim ledger is Pending',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'ledger' },
            phase: 'Pending',
          },
        },
        {
          label: 'Its event says WaitForFirstConsumer',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'ledger' },
            event: 'WaitForFirstConsumer',
          },
        },
        {
          label: 'No new disk was created: there is still one volume',
          check: { count: { kind: 'PersistentVolume', equals: 1 } },
        },
      ],
      hints: [
        'Apply the claim in the editor and select it.',
        'Pending is expected here: the event explains that the claim waits for a pod.',
      ],
      solution: [{ type: 'apply', text: claimOfClass('ledger', '10Gi', 'disk-later') }],
    },
    {
      id: 'pod-chooses-the-zone',
      title: 'The pod chooses, the disk follows',
      prose:
        'Now apply the pod `ledger-writer`, pinned to `node-c`. The scheduler first picks a node for ' +
        'the pod, then writes that choice on the claim as the annotation ' +
        '`volume.kubernetes.io/selected-node`. The provisioner reads it and creates the disk in that ' +
        "node's zone; only then is the pod bound to the node.",
      editor: ledgerWriter,
      goals: [
        {
          label: 'ledger carries selected-node: node-c',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'ledger' },
            annotations: { 'volume.kubernetes.io/selected-node': 'node-c' },
          },
        },
        {
          label: 'ledger is Bound to a newly provisioned volume',
          check: {
            object: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'ledger' },
            phase: 'Bound',
            event: 'ProvisioningSucceeded',
          },
        },
        {
          label: 'ledger-writer is Running on node-c',
          check: {
            object: { kind: 'Pod', namespace: 'default', name: 'ledger-writer' },
            phase: 'Running',
            node: 'node-c',
          },
        },
      ],
      hints: [
        'Apply the pod in the editor; its nodeSelector uses the label kubernetes.io/hostname.',
        'Select the new PersistentVolume afterwards: its node affinity names zone-b, the zone of node-c.',
      ],
      solution: [{ type: 'apply', text: ledgerWriter }],
      prediction: {
        question: 'ledger-writer is pinned to node-c. In which zone will the disk for ledger be created?',
        choices: ['zone-a', 'zone-b', 'Whichever zone the provisioner picks, as for orders'],
        answer: 1,
        explanation:
          'With WaitForFirstConsumer the scheduler picks node-c first and records it in selected-node; the ' +
          'provisioner then creates the disk in zone-b, where node-c is.',
      },
    },
    {
      id: 'zone-is-for-good',
      title: 'The zone is chosen once',
      prose:
        'WaitForFirstConsumer only delays the *first* decision. Once the disk exists in `zone-b`, every ' +
        'later pod that uses `ledger` must run in `zone-b` too.\n\n' +
        'Delete `ledger-writer` and apply `ledger-reader`, which has no nodeSelector at all. Watch where ' +
        'the scheduler puts it.',
      editor: ledgerReader,
      goals: [
        {
          label: 'ledger-writer is gone',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'ledger-writer' }, absent: true },
        },
        {
          label: 'ledger-reader is Running on node-c, the only node in zone-b',
          check: {
            object: { kind: 'Pod', namespace: 'default', name: 'ledger-reader' },
            phase: 'Running',
            node: 'node-c',
          },
        },
      ],
      hints: [
        'Select ledger-writer and delete it, then apply the manifest in the editor.',
        'The scheduler only considers nodes that satisfy the volume’s node affinity: in zone-b that is node-c.',
      ],
      solution: [
        { type: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'ledger-writer' } },
        { type: 'apply', text: ledgerReader },
      ],
    },
  ],
};
