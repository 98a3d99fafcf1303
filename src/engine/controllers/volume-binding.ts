/**
 * The scheduler's VolumeBinding and VolumeRestrictions plugins
 * (pkg/scheduler/framework/plugins/volumebinding, volumerestrictions): which claims block a pod
 * before any node is tried (R47, R54), and whether a node can serve the pod's claims (R48, R51).
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../model/types';
import { containsAllModes } from '../model/access-modes';
import { matchesLabelSelector, matchesNodeSelector } from '../model/labels';
import {
  annotationOf,
  claimClass,
  claimRequest,
  isDeleting,
  nameOf,
  namespaceOf,
  uidOf,
  volumeCapacity,
  volumeClass,
  volumeModeOf,
} from '../model/object-helpers';
import { compareQuantities, quantityNanos } from '../model/quantity';
import { objectKey } from '../model/types';
import { ANN_BIND_COMPLETED, ANN_SELECTED_NODE, NO_PROVISIONER } from '../model/well-known';
import type { ClusterWriter } from '../sim/writer';
import { claimNamesOfPod, isDelayBinding, isPodTerminated } from './lookups';
import { isVolumeBoundToClaim } from './pv-binder';

export const REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const REASON_PV_MISSING = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const REASON_RWOP_CONFLICT =
  'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';

export interface PodClaims {
  readonly bound: PersistentVolumeClaim[];
  readonly delayed: PersistentVolumeClaim[];
}

/** Why a claim blocks its pod before any node is tried (R47). */
export interface BlockingClaim {
  readonly reason: string;
  readonly claimName: string;
  readonly cause: 'missing' | 'deleting' | 'lost' | 'unbound';
}

/** R47: claims that make a pod unschedulable before any node is considered, or the claims to place. */
export function preFilterClaims(writer: ClusterWriter, pod: Pod): { claims: PodClaims } | BlockingClaim {
  const bound: PersistentVolumeClaim[] = [];
  const delayed: PersistentVolumeClaim[] = [];
  for (const claimName of claimNamesOfPod(pod)) {
    const claim = writer.get('PersistentVolumeClaim', objectKey(namespaceOf(pod), claimName));
    if (!claim)
      return { reason: `persistentvolumeclaim "${claimName}" not found`, claimName, cause: 'missing' };
    if (isDeleting(claim))
      return {
        reason: `persistentvolumeclaim "${claimName}" is being deleted`,
        claimName,
        cause: 'deleting',
      };
    if (claim.status?.phase === 'Lost') {
      return {
        reason: `persistentvolumeclaim "${claimName}" bound to non-existent persistentvolume "${claim.spec?.volumeName ?? ''}"`,
        claimName,
        cause: 'lost',
      };
    }
    const fullyBound =
      Boolean(claim.spec?.volumeName) && annotationOf(claim, ANN_BIND_COMPLETED) !== undefined;
    if (fullyBound) bound.push(claim);
    else if (claim.spec?.volumeName || !isDelayBinding(writer, claim))
      return { reason: 'pod has unbound immediate PersistentVolumeClaims', claimName, cause: 'unbound' };
    else delayed.push(claim);
  }
  return { claims: { bound, delayed } };
}

/** R54: a ReadWriteOncePod claim already used by another scheduled pod blocks every node. */
export function readWriteOncePodConflict(
  writer: ClusterWriter,
  pod: Pod,
  users: Map<string, Pod[]>,
): boolean {
  for (const claimName of claimNamesOfPod(pod)) {
    const key = objectKey(namespaceOf(pod), claimName);
    const claim = writer.get('PersistentVolumeClaim', key);
    if (!claim?.spec?.accessModes?.includes('ReadWriteOncePod')) continue;
    const others = (users.get(key) ?? []).filter(
      (other) => uidOf(other) !== uidOf(pod) && other.spec?.nodeName && !isPodTerminated(other),
    );
    if (others.length > 0) return true;
  }
  return false;
}

export function nodeAffinityAllows(volume: PersistentVolume, node: Node): boolean {
  const required = volume.spec?.nodeAffinity?.required;
  return !required || matchesNodeSelector(required, node.metadata?.labels, nameOf(node));
}

/** What placing the pod on this node would need done for its delayed claims. */
export interface VolumePlan {
  /** Static volumes the scheduler reserves for delayed claims (R52). */
  readonly staticBindings: { claim: PersistentVolumeClaim; volume: PersistentVolume }[];
  /** Delayed claims to provision in this node's topology. */
  readonly provision: PersistentVolumeClaim[];
}

export function checkNodeVolumes(
  writer: ClusterWriter,
  claims: PodClaims,
  node: Node,
  volumesByClass: Map<string, PersistentVolume[]>,
): { plan: VolumePlan } | { reason: string } {
  for (const claim of claims.bound) {
    const volume = writer.get('PersistentVolume', claim.spec?.volumeName ?? '');
    if (!volume) return { reason: REASON_PV_MISSING };
    if (!nodeAffinityAllows(volume, node)) return { reason: REASON_NODE_CONFLICT };
  }
  const staticBindings: VolumePlan['staticBindings'] = [];
  const provision: PersistentVolumeClaim[] = [];
  const chosen = new Set<string>();
  const ordered = [...claims.delayed].sort((a, b) => compareQuantities(claimRequest(a), claimRequest(b)));
  for (const claim of ordered) {
    const selectedNode = annotationOf(claim, ANN_SELECTED_NODE);
    if (selectedNode !== undefined && selectedNode !== nameOf(node)) return { reason: REASON_BIND_CONFLICT };
    const match = findVolumeForNode(claim, volumesByClass.get(claimClass(claim)) ?? [], node, chosen);
    if (match === 'conflict') return { reason: REASON_NODE_CONFLICT };
    if (match) {
      chosen.add(nameOf(match));
      staticBindings.push({ claim, volume: match });
      continue;
    }
    const storageClass = writer.get('StorageClass', claimClass(claim));
    if (!storageClass?.provisioner || storageClass.provisioner === NO_PROVISIONER)
      return { reason: REASON_BIND_CONFLICT };
    if (!classTopologyAllows(storageClass.allowedTopologies, node)) return { reason: REASON_BIND_CONFLICT };
    provision.push(claim);
  }
  return { plan: { staticBindings, provision } };
}

/**
 * FindMatchingVolume with a node (R51): a volume pre-bound to the claim must fit the node;
 * otherwise the smallest Available volume of the class that fits, by all access modes.
 */
function findVolumeForNode(
  claim: PersistentVolumeClaim,
  volumes: PersistentVolume[],
  node: Node,
  excluded: Set<string>,
): PersistentVolume | 'conflict' | undefined {
  const request = quantityNanos(claimRequest(claim));
  let smallest: PersistentVolume | undefined;
  let smallestSize = 0n;
  for (const volume of volumes) {
    if (excluded.has(nameOf(volume))) continue;
    if (volume.spec?.claimRef && !isVolumeBoundToClaim(volume, claim)) continue;
    const size = quantityNanos(volumeCapacity(volume));
    if (size < request || volumeModeOf(volume) !== volumeModeOf(claim) || isDeleting(volume)) continue;
    const fits = nodeAffinityAllows(volume, node);
    if (isVolumeBoundToClaim(volume, claim)) return fits ? volume : 'conflict';
    if (volume.status?.phase !== 'Available' || !fits) continue;
    const selector = claim.spec?.selector;
    if (selector && !matchesLabelSelector(selector, volume.metadata?.labels)) continue;
    if (!containsAllModes(volume.spec?.accessModes, claim.spec?.accessModes)) continue;
    if (!smallest || size < smallestSize) {
      smallest = volume;
      smallestSize = size;
    }
  }
  return smallest;
}

function classTopologyAllows(
  topologies: readonly { matchLabelExpressions?: { key: string; values: string[] }[] }[] | undefined,
  node: Node,
): boolean {
  if (!topologies?.length) return true;
  const labels = node.metadata?.labels ?? {};
  return topologies.some((term) =>
    (term.matchLabelExpressions ?? []).every((expression) =>
      expression.values.includes(labels[expression.key] ?? ''),
    ),
  );
}

export function volumesByClass(writer: ClusterWriter): Map<string, PersistentVolume[]> {
  const index = new Map<string, PersistentVolume[]>();
  for (const volume of writer.list('PersistentVolume')) {
    const key = volumeClass(volume);
    const list = index.get(key) ?? [];
    list.push(volume);
    index.set(key, list);
  }
  return index;
}
