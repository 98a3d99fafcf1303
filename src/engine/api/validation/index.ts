/** Validation per kind, on create and on update, as the API server runs it before storing. */
import type { FieldError } from '../errors';
import type {
  ConfigMap,
  KindName,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from '../../model/types';
import { validateClaim, validateClaimUpdate } from './claim';
import { validateConfigMap, validateConfigMapUpdate } from './config-map';
import { validateMetadata } from './metadata';
import { validatePersistentVolume, validatePersistentVolumeUpdate } from './persistent-volume';
import { validatePod, validatePodUpdate } from './pod';
import { validateStorageClass, validateStorageClassUpdate } from './storage-class';

export function validateObject(kind: KindName, object: KubeObject, previous?: KubeObject): FieldError[] {
  const errors = validateMetadata(kind, object);
  switch (kind) {
    case 'PersistentVolume':
      errors.push(
        ...(previous
          ? validatePersistentVolumeUpdate(object as PersistentVolume, previous as PersistentVolume)
          : validatePersistentVolume(object as PersistentVolume)),
      );
      break;
    case 'PersistentVolumeClaim':
      errors.push(
        ...(previous
          ? validateClaimUpdate(object as PersistentVolumeClaim, previous as PersistentVolumeClaim)
          : validateClaim(object as PersistentVolumeClaim)),
      );
      break;
    case 'StorageClass':
      errors.push(
        ...(previous
          ? validateStorageClassUpdate(object as StorageClass, previous as StorageClass)
          : validateStorageClass(object as StorageClass)),
      );
      break;
    case 'Pod':
      errors.push(
        ...(previous ? validatePodUpdate(object as Pod, previous as Pod) : validatePod(object as Pod)),
      );
      break;
    case 'ConfigMap':
      errors.push(
        ...(previous
          ? validateConfigMapUpdate(object as ConfigMap, previous as ConfigMap)
          : validateConfigMap(object as ConfigMap)),
      );
      break;
    default:
      break;
  }
  return errors;
}
