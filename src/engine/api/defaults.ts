/** API defaulting (R1-R3): what the API server fills in before validation and storage. */
import type {
  KindName,
  KubeObject,
  Namespace,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from '../model/types';
import { canonicalQuantity } from '../model/quantity';

export function applyDefaults(kind: KindName, object: KubeObject): KubeObject {
  switch (kind) {
    case 'PersistentVolume':
      return defaultVolume(object as PersistentVolume);
    case 'PersistentVolumeClaim':
      return defaultClaim(object as PersistentVolumeClaim);
    case 'StorageClass':
      return defaultStorageClass(object as StorageClass);
    case 'Pod':
      return defaultPod(object as Pod);
    case 'Namespace':
      return defaultNamespace(object as Namespace);
    default:
      return object;
  }
}

function canonicalMap(map: Readonly<Record<string, string>> | undefined) {
  if (!map) return map;
  return Object.fromEntries(
    Object.entries(map).map(([key, value]) => [key, canonicalQuantity(value) ?? value]),
  );
}

function defaultVolume(volume: PersistentVolume): PersistentVolume {
  const spec = volume.spec ?? {};
  return {
    ...volume,
    spec: {
      ...spec,
      ...(spec.capacity ? { capacity: canonicalMap(spec.capacity) } : {}),
      persistentVolumeReclaimPolicy: spec.persistentVolumeReclaimPolicy ?? 'Retain',
      ...(spec.hostPath ? { hostPath: { ...spec.hostPath, type: spec.hostPath.type ?? '' } } : {}),
      volumeMode: spec.volumeMode ?? 'Filesystem',
    },
    status: volume.status ?? { phase: 'Pending' },
  };
}

function defaultClaim(claim: PersistentVolumeClaim): PersistentVolumeClaim {
  const spec = claim.spec ?? {};
  const resources = spec.resources;
  return {
    ...claim,
    spec: {
      ...spec,
      ...(resources
        ? {
            resources: {
              ...resources,
              ...(resources.requests ? { requests: canonicalMap(resources.requests) } : {}),
              ...(resources.limits ? { limits: canonicalMap(resources.limits) } : {}),
            },
          }
        : {}),
      volumeMode: spec.volumeMode ?? 'Filesystem',
    },
    status: claim.status ?? { phase: 'Pending' },
  };
}

function defaultStorageClass(storageClass: StorageClass): StorageClass {
  return {
    ...storageClass,
    reclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
    volumeBindingMode: storageClass.volumeBindingMode ?? 'Immediate',
  };
}

function defaultPod(pod: Pod): Pod {
  const spec = pod.spec;
  if (!spec) return pod;
  return {
    ...pod,
    spec: {
      ...spec,
      restartPolicy: spec.restartPolicy ?? 'Always',
      ...(spec.volumes
        ? {
            volumes: spec.volumes.map((volume) =>
              volume.hostPath && volume.hostPath.type === undefined
                ? { ...volume, hostPath: { ...volume.hostPath, type: '' } }
                : volume.emptyDir?.sizeLimit !== undefined
                  ? {
                      ...volume,
                      emptyDir: {
                        ...volume.emptyDir,
                        sizeLimit: canonicalQuantity(volume.emptyDir.sizeLimit) ?? volume.emptyDir.sizeLimit,
                      },
                    }
                  : volume,
            ),
          }
        : {}),
    },
    status: pod.status ?? { phase: 'Pending' },
  };
}

function defaultNamespace(namespace: Namespace): Namespace {
  return {
    ...namespace,
    spec: { ...namespace.spec, finalizers: namespace.spec?.finalizers ?? ['kubernetes'] },
    status: namespace.status ?? { phase: 'Active' },
  };
}
