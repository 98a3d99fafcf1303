/**
 * One object read from a real cluster, made into the manifest its author would have written, with
 * the bindings kept in the form the binder and kubelet read (PV `claimRef` by namespace and name,
 * PVC `volumeName`, pod `nodeName`) so the simulated controllers bind them again as Kubernetes
 * would. Whatever the simulator cannot show is said as a warning rather than refused.
 */
import { isPlainObject } from '../api/shapes';
import { SIMULATED_POD_VOLUME_SOURCES } from '../api/validation/pod';
import { driverSpec, migratedDriverFor } from '../infra/drivers';
import { volumeBacking } from '../infra/assets';
import { NO_PROVISIONER } from '../model/well-known';
import type { PlainObject } from './server-fields';
import { CLAIM_BINDING_ANNOTATIONS, metadataString, specOf, withoutServerFields } from './server-fields';

/** `namespace/name`, or `name` for cluster-scoped objects. */
export function describeObject(object: PlainObject): string {
  const namespace = metadataString(object, 'namespace');
  const name = metadataString(object, 'name') ?? '';
  return namespace ? `${namespace}/${name}` : name;
}

/** A value read from outside, if it is a string. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function statusPhase(object: PlainObject): string | undefined {
  const status = object['status'];
  const phase = isPlainObject(status) ? status['phase'] : undefined;
  return typeof phase === 'string' ? phase : undefined;
}

export interface Cleaned {
  readonly object: PlainObject;
  readonly warnings: readonly string[];
}

function deletionWarning(kind: string, object: PlainObject): string[] {
  return metadataString(object, 'deletionTimestamp') !== undefined
    ? [`${kind} ${describeObject(object)} was being deleted in the cluster; it is imported as not deleted`]
    : [];
}

/**
 * A volume bound to a claim that is imported too loses the claim's uid, so the binder binds the
 * pair again. A volume that was Released (or whose claim is not in the output) keeps the uid: the
 * claim it names is gone, which is exactly what makes the binder call it Released.
 */
export function cleanVolume(volume: PlainObject, importedClaims: ReadonlySet<string>): Cleaned {
  const warnings = deletionWarning('volume', volume);
  const name = describeObject(volume);
  const phase = statusPhase(volume);
  const cleaned = withoutServerFields(volume);
  const spec = specOf(cleaned);
  const claimRef = spec['claimRef'];
  if (isPlainObject(claimRef)) {
    const { uid, resourceVersion: _resourceVersion, ...byName } = claimRef;
    const claimKey = `${text(byName['namespace'])}/${text(byName['name'])}`;
    const claimGone = !importedClaims.has(claimKey);
    const keepUid = typeof uid === 'string' && (claimGone || phase === 'Released' || phase === 'Failed');
    spec['claimRef'] = keepUid ? { ...byName, uid } : byName;
    if (claimGone && phase === 'Bound')
      warnings.push(
        `volume ${name} is bound to claim ${claimKey}, which is not in the output: it shows as Released`,
      );
  }
  const backing = volumeBacking({ ...cleaned, spec });
  if (backing.kind === 'unsupported')
    warnings.push(`volume ${name}: ${backing.source} volumes are not simulated, so no pod can mount it`);
  else if (backing.kind === 'disk' && !driverSpec(backing.driver))
    warnings.push(
      `volume ${name}: the simulator has no driver ${backing.driver}, so attaching or mounting it fails`,
    );
  return { object: { ...cleaned, spec }, warnings };
}

export function cleanClaim(claim: PlainObject, importedVolumes: ReadonlySet<string>): Cleaned {
  const warnings = deletionWarning('claim', claim);
  const cleaned = withoutServerFields(claim, CLAIM_BINDING_ANNOTATIONS);
  const volumeName = specOf(cleaned)['volumeName'];
  if (typeof volumeName === 'string' && volumeName && !importedVolumes.has(volumeName))
    warnings.push(
      `claim ${describeObject(claim)} names volume ${volumeName}, which is not in the output: it waits for it (Pending)`,
    );
  return { object: cleaned, warnings };
}

/** A provisioner the simulator can act for: a driver of its catalog, a migrated in-tree name, or none. */
export function isSimulatedProvisioner(provisioner: string, drivers: readonly string[]): boolean {
  if (provisioner === NO_PROVISIONER) return true;
  const driver = driverSpec(provisioner) ?? migratedDriverFor(provisioner);
  return driver !== undefined && drivers.includes(driver.name);
}

export function cleanStorageClass(storageClass: PlainObject, drivers: readonly string[]): Cleaned {
  const cleaned = withoutServerFields(storageClass);
  const provisioner = typeof cleaned['provisioner'] === 'string' ? cleaned['provisioner'] : '';
  const warnings = isSimulatedProvisioner(provisioner, drivers)
    ? []
    : [
        `StorageClass ${describeObject(storageClass)}: the simulator has no driver for provisioner ${provisioner}, so its claims that are not bound yet stay Pending`,
      ];
  return { object: cleaned, warnings };
}

/** The service-account token volume the API server adds to every pod (`kube-api-access-xxxxx`). */
function isInjectedTokenVolume(volume: PlainObject): boolean {
  const name = volume['name'];
  return (
    typeof name === 'string' && name.startsWith('kube-api-access-') && isPlainObject(volume['projected'])
  );
}

function volumeSource(volume: PlainObject): string {
  return Object.keys(volume).find((key) => key !== 'name') ?? 'unknown';
}

function withoutMounts(containers: unknown, dropped: ReadonlySet<string>): unknown {
  if (!Array.isArray(containers)) return containers;
  return (containers as unknown[]).map((container) => {
    if (!isPlainObject(container) || !Array.isArray(container['volumeMounts'])) return container;
    const mounts = container['volumeMounts'].filter(
      (mount: unknown) => !isPlainObject(mount) || !dropped.has(text(mount['name'])),
    );
    return { ...container, volumeMounts: mounts };
  });
}

/**
 * Volumes the simulator does not mount (secret, projected, downwardAPI, CSI ephemeral) are left
 * out with their mounts, or the pod would be refused; the token volume the API server injects
 * goes silently, as the server would add it again. Owner references go too: there is no
 * ReplicaSet or StatefulSet controller to own the pod.
 */
export function cleanPod(pod: PlainObject): Cleaned {
  const name = describeObject(pod);
  const warnings = deletionWarning('pod', pod);
  const phase = statusPhase(pod);
  if (phase === 'Succeeded' || phase === 'Failed')
    warnings.push(`pod ${name} had finished (${phase}) in the cluster; the simulator starts it again`);
  const cleaned = withoutServerFields(pod);
  const metadata = isPlainObject(cleaned['metadata']) ? { ...cleaned['metadata'] } : {};
  const owners = metadata['ownerReferences'];
  if (Array.isArray(owners) && owners.length > 0) {
    const owner = owners.find(isPlainObject);
    warnings.push(
      `pod ${name} belongs to ${text(owner?.['kind']) || 'an owner'} ${text(owner?.['name'])}; it is imported as a plain pod (the simulator has no workload controllers)`,
    );
    delete metadata['ownerReferences'];
  }
  const spec = specOf(cleaned);
  const dropped = new Set<string>();
  if (Array.isArray(spec['volumes'])) {
    spec['volumes'] = spec['volumes'].filter((volume) => {
      if (!isPlainObject(volume)) return true;
      const source = volumeSource(volume);
      if (SIMULATED_POD_VOLUME_SOURCES.includes(source)) return true;
      dropped.add(text(volume['name']));
      if (!isInjectedTokenVolume(volume))
        warnings.push(
          `pod ${name}: volume "${text(volume['name'])}" (${source}) is not simulated and was left out`,
        );
      return false;
    });
  }
  if (dropped.size > 0) {
    spec['containers'] = withoutMounts(spec['containers'], dropped);
    if (spec['initContainers'] !== undefined)
      spec['initContainers'] = withoutMounts(spec['initContainers'], dropped);
  }
  return { object: { ...cleaned, metadata, spec }, warnings };
}

export function cleanPlain(object: PlainObject): Cleaned {
  return { object: withoutServerFields(object), warnings: [] };
}

/** A Namespace as a manifest: its name and labels only. */
export function namespaceManifest(name: string, labels?: unknown): PlainObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: isPlainObject(labels) ? { name, labels } : { name },
  };
}
