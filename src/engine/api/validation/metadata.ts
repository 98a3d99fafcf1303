/** ObjectMeta validation: names (DNS-1123 as each kind requires), labels, annotations. */
import type { FieldError } from '../errors';
import type { KindName, KubeObject } from '../../model/types';
import { KINDS } from '../../model/types';
import {
  invalid,
  required,
  validateDnsLabel,
  validateDnsSubdomain,
  validateLabels,
  validateQualifiedName,
} from './common';

const MAX_ANNOTATIONS_BYTES = 256 * 1024;

export function validateMetadata(kind: KindName, object: KubeObject): FieldError[] {
  const metadata = object.metadata ?? {};
  const errors: FieldError[] = [];
  const name = metadata.name;
  if (!name) {
    errors.push(required('metadata.name', 'name or generateName is required'));
  } else if (kind === 'Namespace') {
    errors.push(...validateDnsLabel('metadata.name', name));
  } else {
    errors.push(...validateDnsSubdomain('metadata.name', name));
  }
  if (KINDS[kind].namespaced && metadata.namespace) {
    errors.push(...validateDnsLabel('metadata.namespace', metadata.namespace));
  }
  errors.push(...validateLabels('metadata.labels', metadata.labels));
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(metadata.annotations ?? {})) {
    errors.push(...validateQualifiedName('metadata.annotations', key));
    annotationBytes += key.length + value.length;
  }
  if (annotationBytes > MAX_ANNOTATIONS_BYTES) {
    errors.push(invalid('metadata.annotations', '', `may not have more than 262144 bytes`));
  }
  for (const finalizer of metadata.finalizers ?? []) {
    errors.push(...validateQualifiedName('metadata.finalizers', finalizer));
  }
  return errors;
}
