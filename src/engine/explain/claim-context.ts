/**
 * Everything the binding explanation needs to know about one claim, read once from the state:
 * its class and binding mode, the pods that use it, the nodes those pods could run on, and the
 * events about it. The controllers' own lookups are reused through a read-only writer view.
 */
import { isDelayBinding, isPodTerminated, podsByClaim, storageClassOfClaim } from '../controllers/lookups';
import { matchesNodeSelectorMap } from '../model/labels';
import { claimClass, nameOf, namespaceOf, uidOf } from '../model/object-helpers';
import type { Event, KubeObject, Node, PersistentVolumeClaim, Pod, StorageClass } from '../model/types';
import { objectKey } from '../model/types';
import { secondsOf } from '../sim/ids';
import type { ClusterState } from '../sim/state';
import { ClusterWriter } from '../sim/writer';

export interface ClaimContext {
  readonly state: ClusterState;
  readonly claim: PersistentVolumeClaim;
  /** The class for matching: unset and "" are both '' (R22). */
  readonly className: string;
  readonly storageClass: StorageClass | undefined;
  /** The class exists and is WaitForFirstConsumer (R50). */
  readonly delayed: boolean;
  /** Pods that use the claim and have not terminated. */
  readonly pods: readonly Pod[];
  /**
   * The nodes those pods could run on: a pod's spec.nodeName, else the nodes its nodeSelector
   * allows (every node without one). Undefined while no pod uses the claim.
   */
  readonly candidateNodes: readonly Node[] | undefined;
  /** Events about the claim, oldest first. */
  readonly events: readonly Event[];
}

export function claimContext(state: ClusterState, claim: PersistentVolumeClaim): ClaimContext {
  // A writer that is never committed: a read view, so the controllers' lookups apply as they are.
  const view = new ClusterWriter(state);
  const pods = (podsByClaim(view).get(objectKey(namespaceOf(claim), nameOf(claim))) ?? []).filter(
    (pod) => !isPodTerminated(pod),
  );
  return {
    state,
    claim,
    className: claimClass(claim),
    storageClass: storageClassOfClaim(view, claim),
    delayed: isDelayBinding(view, claim),
    pods,
    candidateNodes: pods.length > 0 ? nodesForPods(state, pods) : undefined,
    events: eventsAbout(state, claim),
  };
}

function nodesForPods(state: ClusterState, pods: readonly Pod[]): Node[] {
  const nodes = Object.values(state.objects.Node);
  return nodes.filter((node) =>
    pods.some((pod) => {
      const nodeName = pod.spec?.nodeName;
      if (nodeName) return nameOf(node) === nodeName;
      return matchesNodeSelectorMap(pod.spec?.nodeSelector, node.metadata?.labels);
    }),
  );
}

/** Events whose involvedObject is this object (by uid), oldest first. */
export function eventsAbout(state: ClusterState, object: KubeObject): Event[] {
  const uid = uidOf(object);
  return Object.values(state.objects.Event)
    .filter((event) => event.involvedObject.uid === uid)
    .sort((a, b) => secondsOf(a.lastTimestamp) - secondsOf(b.lastTimestamp));
}

/** The message of the newest event of this reason, if any. */
export function latestEventMessage(events: readonly Event[], reason: string): string | undefined {
  return events.filter((event) => event.reason === reason).pop()?.message;
}
