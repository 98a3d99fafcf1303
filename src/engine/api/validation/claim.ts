/** PersistentVolumeClaim validation (R10 on create, R11/R12 on update). */
import type { FieldError } from '../errors';
import type { PersistentVolumeClaim } from '../../model/types';
import { ANN_BETA_STORAGE_CLASS } from '../../model/well-known';
import { compareQuantities, parseQuantity } from '../../model/quantity';
import { deepEqual } from '../../sim/deep-equal';
import {
  forbidden,
  immutable,
  required,
  validateAccessModes,
  validateDnsSubdomain,
  validateLabelSelector,
  validatePositiveQuantity,
  validateVolumeMode,
} from './common';

export function validateClaim(claim: PersistentVolumeClaim): FieldError[] {
  const spec = claim.spec ?? {};
  const errors = validateAccessModes(
    'spec.accessModes',
    spec.accessModes,
    'at least 1 access mode is required',
  );
  errors.push(...validateLabelSelector('spec.selector', spec.selector));
  const storage = spec.resources?.requests?.['storage'];
  if (storage === undefined) errors.push(required('spec.resources[storage]'));
  else errors.push(...validatePositiveQuantity('spec.resources[storage]', storage));
  if (spec.storageClassName)
    errors.push(...validateDnsSubdomain('spec.storageClassName', spec.storageClassName));
  errors.push(...validateVolumeMode('spec.volumeMode', spec.volumeMode));
  return errors;
}

const SPEC_IMMUTABLE =
  'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

export function validateClaimUpdate(
  next: PersistentVolumeClaim,
  previous: PersistentVolumeClaim,
): FieldError[] {
  const errors = validateClaim(next);
  const previousSpec = previous.spec ?? {};
  const nextSpec = next.spec ?? {};
  const comparablePrevious = { ...previousSpec };
  const comparableNext = { ...nextSpec };
  // volumeName may be set once, when it was empty.
  if (!previousSpec.volumeName) comparablePrevious.volumeName = nextSpec.volumeName;
  // A class may be set on a claim that had none (retroactive default class, R27).
  const previousHadNoClass =
    previousSpec.storageClassName === undefined &&
    previous.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] === undefined;
  if (previousHadNoClass) comparablePrevious.storageClassName = nextSpec.storageClassName;
  // Requests may change only while the claim is Bound.
  if (previous.status?.phase === 'Bound') {
    comparablePrevious.resources = nextSpec.resources;
  }
  comparablePrevious.volumeAttributesClassName = nextSpec.volumeAttributesClassName;
  if (!deepEqual(withDefaults(comparablePrevious), withDefaults(comparableNext))) {
    errors.push(forbidden('spec', SPEC_IMMUTABLE));
  }
  const previousSize = previousSpec.resources?.requests?.['storage'];
  const nextSize = nextSpec.resources?.requests?.['storage'];
  const statusSize = previous.status?.capacity?.['storage'];
  if (
    previousSize &&
    nextSize &&
    parseQuantity(nextSize) &&
    parseQuantity(previousSize) &&
    compareQuantities(nextSize, previousSize) < 0 &&
    statusSize &&
    compareQuantities(nextSize, statusSize) <= 0
  ) {
    errors.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  }
  const nextMode = nextSpec.volumeMode ?? 'Filesystem';
  if (nextMode !== (previousSpec.volumeMode ?? 'Filesystem'))
    errors.push(immutable('spec.volumeMode', nextMode));
  return errors;
}

function withDefaults(spec: NonNullable<PersistentVolumeClaim['spec']>) {
  return { ...spec, volumeMode: spec.volumeMode ?? 'Filesystem' };
}
