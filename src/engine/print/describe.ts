/** `kubectl describe <kind> <name>`: kubectl's describer output for one stored object. */
import type { KindName } from '../model/types';
import { KINDS, objectKey } from '../model/types';
import type { ClusterState } from '../sim/state';
import { describeConfigMap, describeGeneric } from './describe/generic';
import { describePersistentVolume } from './describe/persistent-volume';
import { describePersistentVolumeClaim } from './describe/persistent-volume-claim';
import { describePod } from './describe/pod';
import { describeStorageClass } from './describe/storage-class';
import type { PrintResult } from './result';
import { notFoundMessage, printed, printFailed } from './result';

/**
 * Describes one object. `namespace` defaults to the cluster's default namespace and is ignored
 * for cluster-scoped kinds; a missing object is kubectl's NotFound error.
 */
export function describeObject(
  state: ClusterState,
  kind: KindName,
  namespace: string | undefined,
  name: string,
): PrintResult {
  const info = KINDS[kind];
  const key = objectKey(info.namespaced ? (namespace ?? state.settings.defaultNamespace) : undefined, name);
  const text = describeStored(state, kind, key);
  return text === undefined ? printFailed(notFoundMessage(info.resource, name)) : printed(text);
}

function describeStored(state: ClusterState, kind: KindName, key: string): string | undefined {
  switch (kind) {
    case 'PersistentVolume': {
      const volume = state.objects.PersistentVolume[key];
      return volume && describePersistentVolume(state, volume);
    }
    case 'PersistentVolumeClaim': {
      const claim = state.objects.PersistentVolumeClaim[key];
      return claim && describePersistentVolumeClaim(state, claim);
    }
    case 'StorageClass': {
      const storageClass = state.objects.StorageClass[key];
      return storageClass && describeStorageClass(state, storageClass);
    }
    case 'Pod': {
      const pod = state.objects.Pod[key];
      return pod && describePod(state, pod);
    }
    case 'ConfigMap': {
      const configMap = state.objects.ConfigMap[key];
      return configMap && describeConfigMap(state, configMap);
    }
    default: {
      const object = state.objects[kind][key];
      return object && describeGeneric(state, object);
    }
  }
}
