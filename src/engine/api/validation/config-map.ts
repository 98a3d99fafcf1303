/** ConfigMap validation: keys must be valid file names. */
import type { FieldError } from '../errors';
import type { ConfigMap } from '../../model/types';
import { forbidden, invalid } from './common';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export function validateConfigMap(configMap: ConfigMap): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of [...Object.keys(configMap.data ?? {}), ...Object.keys(configMap.binaryData ?? {})]) {
    if (!CONFIG_KEY.test(key) || key === '.' || key === '..' || key.length > 253) {
      errors.push(
        invalid(
          `data[${key}]`,
          key,
          "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        ),
      );
    }
  }
  return errors;
}

export function validateConfigMapUpdate(next: ConfigMap, previous: ConfigMap): FieldError[] {
  const errors = validateConfigMap(next);
  if (previous.immutable) {
    if (JSON.stringify(next.data ?? {}) !== JSON.stringify(previous.data ?? {})) {
      errors.push(forbidden('data', 'field is immutable when `immutable` is set'));
    }
    if (!next.immutable) errors.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  }
  return errors;
}
