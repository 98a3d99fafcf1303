/** Demo: Immediate binding strands a zonal disk; WaitForFirstConsumer lets the pod pick the zone. */
import { claimRef, podRef, podUsingClaim } from '../course/manifests';
import type { Demo } from './types';
import { claimOfClass } from '../course/manifests';
import { EBS_DRIVER, demoCluster, ebsClass } from './objects';

const ZONE = 'topology.kubernetes.io/zone';

export const waitForFirstConsumerDemo: Demo = {
  id: 'wait-for-first-consumer',
  title: 'WaitForFirstConsumer picks the zone',
  summary:
    'A cloud disk lives in one zone. Created too early, it can land where no pod wants it; created late, it follows the pod.',
  cluster: demoCluster([EBS_DRIVER]),
  setup: [],
  steps: [
    {
      narration:
        'Two zones: `node-a` and `node-b` in zone-a, `node-c` in zone-b. Two classes: `disk-now` binds *Immediately*, `disk-later` waits for its first consumer.',
      intents: [
        { type: 'apply', text: ebsClass('disk-now', { bindingMode: 'Immediate' }) },
        { type: 'apply', text: ebsClass('disk-later', { bindingMode: 'WaitForFirstConsumer' }) },
      ],
      checks: [{ count: { kind: 'StorageClass', equals: 2 } }],
    },
    {
      narration:
        'The claim `orders` uses `disk-now`: its disk is made at once, before any pod exists. The driver picks a zone blindly.',
      intents: [{ type: 'apply', text: claimOfClass('orders', '10Gi', 'disk-now') }],
      checks: [{ object: claimRef('orders'), phase: 'Bound' }],
    },
    {
      narration:
        'Two pods use `orders`, one pinned to each zone. Only the one in the disk’s zone runs; the other is stuck on a *volume node affinity conflict*.',
      intents: [
        {
          type: 'apply',
          text: `${podUsingClaim('orders-a', 'orders', { [ZONE]: 'zone-a' })}---\n${podUsingClaim('orders-b', 'orders', { [ZONE]: 'zone-b' })}`,
        },
      ],
      checks: [
        { count: { kind: 'Pod', phase: 'Running', equals: 1 } },
        { count: { kind: 'Pod', phase: 'Pending', equals: 1 } },
      ],
    },
    {
      narration:
        'The claim `ledger` uses `disk-later`. It stays `Pending` and no disk is made: it waits for a pod.',
      intents: [{ type: 'apply', text: claimOfClass('ledger', '10Gi', 'disk-later') }],
      checks: [
        { object: claimRef('ledger'), phase: 'Pending', event: 'WaitForFirstConsumer' },
        { count: { kind: 'PersistentVolume', equals: 1 } },
      ],
    },
    {
      narration:
        'The pod `writer` may only run on `node-c`. The scheduler picks the node first, writes it on the claim, and the disk is made in zone-b.',
      intents: [
        { type: 'apply', text: podUsingClaim('writer', 'ledger', { 'kubernetes.io/hostname': 'node-c' }) },
      ],
      checks: [
        {
          object: claimRef('ledger'),
          phase: 'Bound',
          annotations: { 'volume.kubernetes.io/selected-node': 'node-c' },
        },
        { object: podRef('writer'), phase: 'Running', node: 'node-c' },
      ],
    },
  ],
};
