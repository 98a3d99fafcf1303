/** StorageClass validation (R13). */
import type { FieldError } from '../errors';
import type { StorageClass } from '../../model/types';
import { deepEqual } from '../../sim/deep-equal';
import { forbidden, immutable, required, unsupported, validateQualifiedName } from './common';

export function validateStorageClass(storageClass: StorageClass): FieldError[] {
  const errors: FieldError[] = [];
  if (!storageClass.provisioner) errors.push(required('provisioner'));
  else errors.push(...validateQualifiedName('provisioner', storageClass.provisioner));
  const policy = storageClass.reclaimPolicy;
  if (policy !== undefined && policy !== 'Delete' && policy !== 'Retain') {
    errors.push(unsupported('reclaimPolicy', policy, ['Delete', 'Retain']));
  }
  const mode = storageClass.volumeBindingMode;
  if (mode !== undefined && mode !== 'Immediate' && mode !== 'WaitForFirstConsumer') {
    errors.push(unsupported('volumeBindingMode', mode, ['Immediate', 'WaitForFirstConsumer']));
  }
  for (const [index, term] of (storageClass.allowedTopologies ?? []).entries()) {
    for (const [position, expression] of (term.matchLabelExpressions ?? []).entries()) {
      const field = `allowedTopologies[${index}].matchLabelExpressions[${position}]`;
      if (!expression.key) errors.push(required(`${field}.key`));
      if (!expression.values?.length)
        errors.push(required(`${field}.values`, 'must specify as least one value'));
    }
  }
  return errors;
}

export function validateStorageClassUpdate(next: StorageClass, previous: StorageClass): FieldError[] {
  const errors = validateStorageClass(next);
  if (!deepEqual(next.parameters ?? {}, previous.parameters ?? {})) {
    errors.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  }
  if (next.provisioner !== previous.provisioner) {
    errors.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  }
  if ((next.reclaimPolicy ?? 'Delete') !== (previous.reclaimPolicy ?? 'Delete')) {
    errors.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  }
  if ((next.volumeBindingMode ?? 'Immediate') !== (previous.volumeBindingMode ?? 'Immediate')) {
    errors.push(immutable('volumeBindingMode', next.volumeBindingMode));
  }
  return errors;
}
