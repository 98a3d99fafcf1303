/**
 * Pods that cannot start, for the graph, asked of the scheduler's and kubelet's own predicates:
 * a claim that does not exist (R47), a volume whose node affinity excludes every node the pod may
 * use (R48), a ReadWriteOnce disk attached to another node (R55), a missing ConfigMap (R63).
 * Each pod gets at most its first failure, the one the controllers stop at.
 */
import { attachableVolumesOfPod } from '../controllers/attach-detach';
import { mountVolume } from '../controllers/kubelet';
import { isPodTerminated, podsByClaim } from '../controllers/lookups';
import { isVolumeBoundToClaim } from '../controllers/pv-binder';
import { isNodeReady, nodeFilterReason } from '../controllers/scheduler';
import {
  REASON_NODE_CONFLICT,
  checkNodeVolumes,
  nodeAffinityAllows,
  preFilterClaims,
  readWriteOncePodConflict,
  volumesByClass,
} from '../controllers/volume-binding';
import type { PodClaims } from '../controllers/volume-binding';
import { assetIdForVolume, volumeBacking } from '../infra/assets';
import { allowsMultiNodeAttach } from '../model/access-modes';
import { isDeleting, nameOf, namespaceOf, uidOf } from '../model/object-helpers';
import type { Node, ObjectRef, PersistentVolume, Pod } from '../model/types';
import { refOf } from '../model/types';
import { LABEL_ZONE } from '../model/well-known';
import type { ClusterState } from '../sim/state';
import type { ClusterWriter } from '../sim/writer';
import type { GraphFailure } from './graph-failures';

export function podFailures(state: ClusterState, view: ClusterWriter): GraphFailure[] {
  const nodes = [...view.list('Node')].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return view.list('Pod').flatMap((pod): GraphFailure[] => {
    if (isDeleting(pod) || isPodTerminated(pod)) return [];
    const nodeName = pod.spec?.nodeName;
    const failure = nodeName
      ? startFailure(state, view, pod, view.get('Node', nodeName))
      : schedulingFailure(state, view, pod, nodes);
    return failure ? [failure] : [];
  });
}

// ---- not scheduled -----------------------------------------------------------------------------

function schedulingFailure(
  state: ClusterState,
  view: ClusterWriter,
  pod: Pod,
  nodes: readonly Node[],
): GraphFailure | undefined {
  const prefilter = preFilterClaims(view, pod);
  if ('reason' in prefilter) {
    // A claim that exists but blocks (unbound, Lost, Terminating) is drawn as the claim's failure.
    if (prefilter.cause !== 'missing') return undefined;
    return missing(pod, {
      kind: 'PersistentVolumeClaim',
      namespace: namespaceOf(pod),
      name: prefilter.claimName,
    });
  }
  if (readWriteOncePodConflict(view, pod, podsByClaim(view))) return undefined;
  // Only the nodes the pod may use at all: a nodeSelector that matches nothing is not storage's doing.
  const usable = nodes.filter((node) => nodeFilterReason(view, pod, node) === undefined);
  const classIndex = volumesByClass(view);
  const outcomes = usable.map((node) => checkNodeVolumes(view, prefilter.claims, node, classIndex));
  if (outcomes.some((outcome) => 'plan' in outcome)) return undefined;
  if (!outcomes.some((outcome) => 'reason' in outcome && outcome.reason === REASON_NODE_CONFLICT))
    return undefined;
  const volume = conflictingVolume(view, prefilter.claims, usable);
  if (!volume) return undefined;
  const assetId = diskAssetOf(state, volume);
  return {
    kind: 'pod-zone',
    pod: refOf(pod),
    target: { volume: refOf(volume), ...(assetId ? { assetId } : {}) },
    label: whereVolumeLives(view, volume),
  };
}

/**
 * The volume whose node affinity rules the usable nodes out: of the pod's bound claims, or a
 * volume reserved for one of its WaitForFirstConsumer claims (R51). One that excludes every usable
 * node is preferred over one that excludes only some.
 */
function conflictingVolume(
  view: ClusterWriter,
  claims: PodClaims,
  usable: readonly Node[],
): PersistentVolume | undefined {
  const volumes = [
    ...claims.bound.flatMap((claim) => view.get('PersistentVolume', claim.spec?.volumeName ?? '') ?? []),
    ...claims.delayed.flatMap((claim) =>
      view.list('PersistentVolume').filter((volume) => isVolumeBoundToClaim(volume, claim)),
    ),
  ];
  const excludes = (volume: PersistentVolume, node: Node) => !nodeAffinityAllows(volume, node);
  return (
    volumes.find((volume) => usable.every((node) => excludes(volume, node))) ??
    volumes.find((volume) => usable.some((node) => excludes(volume, node)))
  );
}

/** "disk in zone-a" when the volume's node affinity names zones, "volume on node-a" otherwise. */
function whereVolumeLives(view: ClusterWriter, volume: PersistentVolume): string {
  const noun = volumeBacking(volume).kind === 'disk' ? 'disk' : 'volume';
  const allowed = view.list('Node').filter((node) => nodeAffinityAllows(volume, node));
  if (allowed.length === 0) return `${noun} fits no node`;
  const terms = volume.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  const byZone = terms.some((term) =>
    (term.matchExpressions ?? []).some((expression) => expression.key.endsWith('/zone')),
  );
  const zones = [...new Set(allowed.flatMap((node) => node.metadata?.labels?.[LABEL_ZONE] ?? []))];
  return byZone && zones.length > 0
    ? `${noun} in ${zones.sort().join(', ')}`
    : `${noun} on ${allowed.map(nameOf).sort().join(', ')}`;
}

/** The disk behind a volume, when it exists already (a disk's id does not depend on the node). */
function diskAssetOf(state: ClusterState, volume: PersistentVolume): string | undefined {
  if (volumeBacking(volume).kind !== 'disk') return undefined;
  const id = assetIdForVolume(volume, '');
  return id && state.infra.assets[id] ? id : undefined;
}

// ---- scheduled, not started ------------------------------------------------------------------

/** Kubelet's first volume that cannot be set up on the pod's node, as a failure if it is one. */
function startFailure(
  state: ClusterState,
  view: ClusterWriter,
  pod: Pod,
  node: Node | undefined,
): GraphFailure | undefined {
  if (!node || !isNodeReady(view, node) || view.podRuntime(uidOf(pod))?.started) return undefined;
  for (const volume of pod.spec?.volumes ?? []) {
    const outcome = mountVolume(view, pod, node, volume, false);
    if (outcome.ok) continue;
    if (outcome.missing) return missing(pod, outcome.missing);
    if (outcome.unattached) return multiAttach(view, pod, node);
    return undefined;
  }
  return undefined;
}

function missing(pod: Pod, ref: ObjectRef): GraphFailure {
  const kind = ref.kind === 'PersistentVolumeClaim' ? 'PVC' : ref.kind;
  return { kind: 'pod-missing', pod: refOf(pod), missing: ref, label: `${kind} ${ref.name} not found` };
}

/** R55: an attachable volume of the pod that is attached elsewhere and cannot attach twice. */
function multiAttach(view: ClusterWriter, pod: Pod, node: Node): GraphFailure | undefined {
  for (const { volume } of attachableVolumesOfPod(view, pod)) {
    if (allowsMultiNodeAttach(volume.spec?.accessModes)) continue;
    const elsewhere = view
      .list('VolumeAttachment')
      .find(
        (attachment) =>
          attachment.spec.source.persistentVolumeName === nameOf(volume) &&
          attachment.spec.nodeName !== nameOf(node),
      );
    if (!elsewhere) continue;
    return {
      kind: 'pod-multi-attach',
      pod: refOf(pod),
      target: { volume: refOf(volume), attachment: refOf(elsewhere), node: elsewhere.spec.nodeName },
      label: `attached to ${elsewhere.spec.nodeName}`,
    };
  }
  return undefined;
}
