/** The controllers of one reconcile round, in the order they run. */
import type { ClusterWriter } from '../sim/writer';
import { runAttachDetach } from './attach-detach';
import { runExpansion } from './expander';
import { runExternalProvisioners } from './external-provisioner';
import { runKubelets } from './kubelet';
import { runNamespaceController, runPodGarbageCollector } from './lifecycle';
import { runVolumeProtection } from './pv-protection';
import { runPersistentVolumeBinder } from './pv-binder';
import { runClaimProtection } from './pvc-protection';
import { runReclaimer } from './reclaimer';
import { runScheduler } from './scheduler';

export interface Controller {
  readonly name: string;
  readonly run: (writer: ClusterWriter) => void;
}

export const CONTROLLERS: readonly Controller[] = [
  { name: 'namespace-controller', run: runNamespaceController },
  { name: 'pod-garbage-collector', run: runPodGarbageCollector },
  { name: 'persistentvolume-binder', run: runPersistentVolumeBinder },
  { name: 'persistentvolume-reclaimer', run: runReclaimer },
  { name: 'external-provisioners', run: runExternalProvisioners },
  { name: 'pvc-protection', run: runClaimProtection },
  { name: 'pv-protection', run: runVolumeProtection },
  { name: 'scheduler', run: runScheduler },
  { name: 'attach-detach', run: runAttachDetach },
  { name: 'kubelet', run: runKubelets },
  { name: 'expander', run: runExpansion },
];
