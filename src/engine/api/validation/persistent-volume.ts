/** PersistentVolume validation (R8 on create, R9 on update). */
import type { FieldError } from '../errors';
import type { PersistentVolume } from '../../model/types';
import { volumeSourcesOf } from '../../model/object-helpers';
import { deepEqual } from '../../sim/deep-equal';
import {
  forbidden,
  immutable,
  invalid,
  isAbsolutePath,
  required,
  unsupported,
  validateAccessModes,
  validateDnsSubdomain,
  validateNodeSelector,
  validatePositiveQuantity,
  validateVolumeMode,
} from './common';

const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];

export function validatePersistentVolume(volume: PersistentVolume): FieldError[] {
  const spec = volume.spec ?? {};
  const errors: FieldError[] = [];
  if (spec.storageClassName)
    errors.push(...validateDnsSubdomain('spec.storageClassName', spec.storageClassName));
  errors.push(...validateAccessModes('spec.accessModes', spec.accessModes));

  const capacity = spec.capacity ?? {};
  const keys = Object.keys(capacity);
  if (keys.length === 0) errors.push(required('spec.capacity'));
  for (const key of keys) {
    if (key !== 'storage') errors.push(unsupported('spec.capacity', key, ['storage']));
  }
  if (capacity['storage'] !== undefined) {
    errors.push(...validatePositiveQuantity('spec.capacity[storage]', capacity['storage']));
  }

  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy !== undefined && !RECLAIM_POLICIES.includes(policy)) {
    errors.push(unsupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM_POLICIES));
  }
  errors.push(...validateVolumeMode('spec.volumeMode', spec.volumeMode));

  const sources = volumeSourcesOf(volume);
  if (sources.length === 0) errors.push(required('spec', 'must specify a volume type'));
  for (const extra of sources.slice(1)) {
    errors.push(forbidden(`spec.${extra}`, 'may not specify more than 1 volume type'));
  }
  if (spec.hostPath) {
    if (!spec.hostPath.path) errors.push(required('spec.hostPath.path'));
    if (policy === 'Recycle' && spec.hostPath.path === '/') {
      errors.push(
        forbidden(
          'spec.persistentVolumeReclaimPolicy',
          "may not be 'recycle' for a hostPath volume with path '/'",
        ),
      );
    }
  }
  if (spec.local) {
    if (!spec.local.path) errors.push(required('spec.local.path'));
    if (!spec.nodeAffinity) errors.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (spec.nfs) {
    if (!spec.nfs.server) errors.push(required('spec.nfs.server'));
    if (!spec.nfs.path) errors.push(required('spec.nfs.path'));
    else if (!isAbsolutePath(spec.nfs.path))
      errors.push(invalid('spec.nfs.path', spec.nfs.path, 'must be an absolute path'));
  }
  if (spec.csi) {
    if (!spec.csi.driver) errors.push(required('spec.csi.driver'));
    if (!spec.csi.volumeHandle) errors.push(required('spec.csi.volumeHandle'));
  }
  if (spec.mountOptions?.length && (spec.hostPath || spec.local)) {
    errors.push(forbidden('spec.mountOptions', 'may not specify mount options for this volume type'));
  }
  if (spec.nodeAffinity) {
    if (!spec.nodeAffinity.required) errors.push(required('spec.nodeAffinity.required'));
    else errors.push(...validateNodeSelector('spec.nodeAffinity.required', spec.nodeAffinity.required));
  }
  if (spec.claimRef && !spec.claimRef.name) errors.push(required('spec.claimRef.name'));
  return errors;
}

export function validatePersistentVolumeUpdate(
  next: PersistentVolume,
  previous: PersistentVolume,
): FieldError[] {
  const errors = validatePersistentVolume(next);
  const sourceOf = (volume: PersistentVolume) => {
    const spec = (volume.spec ?? {}) as Record<string, unknown>;
    return Object.fromEntries(volumeSourcesOf(volume).map((field) => [field, spec[field]]));
  };
  if (!deepEqual(sourceOf(next), sourceOf(previous))) {
    errors.push(
      forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'),
    );
  }
  const nextMode = next.spec?.volumeMode ?? 'Filesystem';
  if (nextMode !== (previous.spec?.volumeMode ?? 'Filesystem'))
    errors.push(immutable('spec.volumeMode', nextMode));
  if (previous.spec?.nodeAffinity && !deepEqual(previous.spec.nodeAffinity, next.spec?.nodeAffinity)) {
    errors.push(immutable('spec.nodeAffinity', next.spec?.nodeAffinity));
  }
  return errors;
}
