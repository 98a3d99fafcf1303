/**
 * Admission plugins the storage story depends on: StorageObjectInUseProtection (R4),
 * DefaultStorageClass (R5) and PersistentVolumeClaimResize (R6).
 */
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../model/types';
import { claimClass, claimHasNoClass, isDefaultClass, nameOf } from '../model/object-helpers';
import { compareQuantities, parseQuantity } from '../model/quantity';
import { FINALIZER_PV_PROTECTION, FINALIZER_PVC_PROTECTION } from '../model/well-known';
import { secondsOf } from '../sim/ids';
import type { ClusterWriter } from '../sim/writer';
import type { ApiError } from './errors';
import { forbiddenError } from './errors';

export interface AdmissionResult<T> {
  readonly object: T;
  /** Plain sentences about what admission changed, for the narration. */
  readonly notes: readonly string[];
}

function withFinalizer<T extends KubeObject>(object: T, finalizer: string): T {
  const finalizers = object.metadata?.finalizers ?? [];
  if (finalizers.includes(finalizer)) return object;
  return { ...object, metadata: { ...object.metadata, finalizers: [...finalizers, finalizer] } };
}

/** The newest default class; ties broken by name, ascending (R5). */
export function findDefaultClass(writer: ClusterWriter): StorageClass | undefined {
  let best: StorageClass | undefined;
  for (const storageClass of writer.list('StorageClass')) {
    if (!isDefaultClass(storageClass) || storageClass.metadata?.deletionTimestamp) continue;
    if (!best) {
      best = storageClass;
      continue;
    }
    const created = secondsOf(storageClass.metadata?.creationTimestamp);
    const bestCreated = secondsOf(best.metadata?.creationTimestamp);
    if (created > bestCreated || (created === bestCreated && nameOf(storageClass) < nameOf(best))) {
      best = storageClass;
    }
  }
  return best;
}

export function admitClaimCreate(
  writer: ClusterWriter,
  claim: PersistentVolumeClaim,
): AdmissionResult<PersistentVolumeClaim> {
  const notes = [`added finalizer ${FINALIZER_PVC_PROTECTION} (R4)`];
  let admitted = withFinalizer(claim, FINALIZER_PVC_PROTECTION);
  if (claimHasNoClass(admitted)) {
    const defaultClass = findDefaultClass(writer);
    if (defaultClass) {
      admitted = { ...admitted, spec: { ...admitted.spec, storageClassName: nameOf(defaultClass) } };
      notes.push(
        `set the default StorageClass "${nameOf(defaultClass)}" because the claim named no class (R5)`,
      );
    }
  }
  return { object: admitted, notes };
}

export function admitVolumeCreate(volume: PersistentVolume): AdmissionResult<PersistentVolume> {
  return {
    object: withFinalizer(volume, FINALIZER_PV_PROTECTION),
    notes: [`added finalizer ${FINALIZER_PV_PROTECTION} (R4)`],
  };
}

/** R6: growing a claim needs a Bound claim whose class exists and allows expansion. */
export function admitClaimUpdate(
  writer: ClusterWriter,
  next: PersistentVolumeClaim,
  previous: PersistentVolumeClaim,
): ApiError | undefined {
  const nextSize = next.spec?.resources?.requests?.['storage'];
  const previousSize = previous.spec?.resources?.requests?.['storage'];
  if (!nextSize || !previousSize || !parseQuantity(nextSize) || !parseQuantity(previousSize))
    return undefined;
  if (compareQuantities(nextSize, previousSize) <= 0) return undefined;
  const ref = {
    kind: 'PersistentVolumeClaim' as const,
    namespace: next.metadata?.namespace ?? '',
    name: nameOf(next),
  };
  if (previous.status?.phase !== 'Bound') {
    return forbiddenError(ref, 'Only bound persistent volume claims can be expanded');
  }
  const className = claimClass(next);
  const storageClass = className ? writer.get('StorageClass', className) : undefined;
  if (!storageClass || storageClass.allowVolumeExpansion !== true) {
    return forbiddenError(
      ref,
      'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
  }
  return undefined;
}
