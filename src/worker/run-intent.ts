/** An intent (other than reset) carried out on a cluster: the one place that maps intents to calls. */
import type { Cluster } from '../engine';
import type { Intent } from './protocol';

export type ClusterIntent = Exclude<Intent, { type: 'reset' }>;

export function runIntent(cluster: Cluster, intent: ClusterIntent) {
  switch (intent.type) {
    case 'apply':
      return cluster.apply(intent.text);
    case 'create':
      return cluster.create(intent.text);
    case 'delete':
      return cluster.delete(intent.ref);
    case 'patch':
      return cluster.patch(intent.ref, intent.patch);
    case 'write':
      return cluster.write(intent.pod, intent.path, intent.content);
    case 'crash':
      return cluster.crash(intent.pod);
    case 'fault':
      return cluster.fault(intent.target, intent.error);
    case 'clearFault':
      return cluster.clearFault(intent.target);
  }
}
