/** Demo: a claim gets the smallest hand-made volume that fits, whole; too big a claim waits. */
import { claimRef, podRef, podUsingClaim } from '../course/manifests';
import type { Demo } from './types';
import { claimOfClass, handMadeVolume } from '../course/manifests';
import { demoCluster } from './objects';

const CLASS = 'manual';
const volumeRef = (name: string) => ({ kind: 'PersistentVolume', name }) as const;

export const staticBindingDemo: Demo = {
  id: 'static-binding',
  title: 'Static binding: smallest fit',
  summary:
    'An administrator makes volumes by hand; developers ask for storage with claims. Which volume does a claim get?',
  cluster: demoCluster([]),
  setup: [],
  steps: [
    {
      narration:
        'The administrator makes three volumes by hand, all of class `manual`: **1Gi**, **5Gi** and **20Gi**. Each is `Available`.',
      intents: [
        { type: 'apply', text: handMadeVolume('pv-1gi', '1Gi', CLASS) },
        { type: 'apply', text: handMadeVolume('pv-5gi', '5Gi', CLASS) },
        { type: 'apply', text: handMadeVolume('pv-20gi', '20Gi', CLASS) },
      ],
      checks: [
        { object: volumeRef('pv-1gi'), phase: 'Available' },
        { object: volumeRef('pv-5gi'), phase: 'Available' },
        { object: volumeRef('pv-20gi'), phase: 'Available' },
      ],
    },
    {
      narration:
        'A developer claims **3Gi**. Of the volumes big enough, the *smallest* wins: `pv-5gi`. The claim gets all of it: 5Gi.',
      intents: [{ type: 'apply', text: claimOfClass('web-data', '3Gi', CLASS) }],
      checks: [
        { object: claimRef('web-data'), phase: 'Bound', volume: 'pv-5gi', capacity: '5Gi' },
        { object: volumeRef('pv-20gi'), phase: 'Available' },
      ],
    },
    {
      narration:
        'A pod names the *claim*, never the volume. It is scheduled, the volume is mounted, it runs.',
      intents: [{ type: 'apply', text: podUsingClaim('web', 'web-data') }],
      checks: [{ object: podRef('web'), phase: 'Running' }],
    },
    {
      narration:
        'A claim for **50Gi** finds nothing big enough. A volume is never split or merged, so the claim waits: `Pending`.',
      intents: [{ type: 'apply', text: claimOfClass('archive', '50Gi', CLASS) }],
      checks: [{ object: claimRef('archive'), phase: 'Pending' }],
    },
    {
      narration: 'The administrator adds a **64Gi** volume. The waiting claim binds to it on the next round.',
      intents: [{ type: 'apply', text: handMadeVolume('pv-64gi', '64Gi', CLASS) }],
      checks: [{ object: claimRef('archive'), phase: 'Bound', volume: 'pv-64gi' }],
    },
  ],
};
