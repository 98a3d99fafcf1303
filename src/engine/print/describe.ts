/** `kubectl describe <kind> <name>`: kubectl's describer output for one stored object. */
import type { KindName } from '../model/types';
import { KINDS, objectKey } from '../model/types';
import type { ClusterState } from '../sim/state';
import { resourcePhrase } from '../api/errors';
import { describeConfigMap, describeGeneric } from './describe/generic';
import { describePersistentVolume } from './describe/persistent-volume';
import { describePersistentVolumeClaim } from './describe/persistent-volume-claim';
import { describePod } from './describe/pod';
import { describeStorageClass } from './describe/storage-class';
import type { DescriberSettings } from './describe/settings';
import { DEFAULT_DESCRIBER_SETTINGS } from './describe/settings';
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
  settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS,
): PrintResult {
  const info = KINDS[kind];
  const key = objectKey(info.namespaced ? (namespace ?? state.settings.defaultNamespace) : undefined, name);
  const text = describeStored(state, kind, key, settings);
  return text === undefined ? printFailed(notFoundMessage(resourcePhrase(kind), name)) : printed(text);
}

function describeStored(
  state: ClusterState,
  kind: KindName,
  key: string,
  settings: DescriberSettings,
): string | undefined {
  switch (kind) {
    case 'PersistentVolume': {
      const volume = state.objects.PersistentVolume[key];
      return volume && describePersistentVolume(state, volume, settings);
    }
    case 'PersistentVolumeClaim': {
      const claim = state.objects.PersistentVolumeClaim[key];
      return claim && describePersistentVolumeClaim(state, claim, settings);
    }
    case 'StorageClass': {
      const storageClass = state.objects.StorageClass[key];
      return storageClass && describeStorageClass(state, storageClass, settings);
    }
    case 'Pod': {
      const pod = state.objects.Pod[key];
      return pod && describePod(state, pod, settings);
    }
    case 'ConfigMap': {
      const configMap = state.objects.ConfigMap[key];
      return configMap && describeConfigMap(state, configMap, settings);
    }
    default: {
      const object = state.objects[kind][key];
      return object && describeGeneric(state, object, settings);
    }
  }
}
