/**
 * Where a volume's files live. Each PV source maps to an asset: a cloud disk (by driver and
 * handle), an NFS export (by server and path), or a directory on a node (hostPath and local: one
 * directory per node, so data written on one node is invisible on another, R64).
 */
import type { PersistentVolume } from '../model/types';
import type { Asset, AssetKind } from '../sim/state';
import { IN_TREE_SOURCE_FIELD, driverSpec, migratedDriverFor } from './drivers';

export function diskAssetId(driver: string, handle: string): string {
  return `disk:${driver}:${handle}`;
}

export function shareAssetId(server: string, path: string): string {
  return `nfs:${server}:${path}`;
}

export function nodeDirectoryAssetId(node: string, path: string): string {
  return `dir:${node}:${path}`;
}

export function emptyDirAssetId(podUid: string, volumeName: string): string {
  return `emptydir:${podUid}:${volumeName}`;
}

/** What kind of storage stands behind a PV, independent of the node that mounts it. */
export type VolumeBacking =
  | { readonly kind: 'disk'; readonly driver: string; readonly handle: string; readonly attachable: boolean }
  | { readonly kind: 'share'; readonly server: string; readonly path: string; readonly driver?: string }
  | { readonly kind: 'node-directory'; readonly path: string; readonly source: 'hostPath' | 'local' }
  | { readonly kind: 'unsupported'; readonly source: string };

export function volumeBacking(volume: PersistentVolume): VolumeBacking {
  const spec = volume.spec ?? {};
  if (spec.csi) {
    const driver = driverSpec(spec.csi.driver);
    if (driver?.assetKind === 'file-share') {
      return { kind: 'share', server: spec.csi.driver, path: spec.csi.volumeHandle, driver: spec.csi.driver };
    }
    return {
      kind: 'disk',
      driver: spec.csi.driver,
      handle: spec.csi.volumeHandle,
      attachable: driver?.attachRequired ?? true,
    };
  }
  for (const [inTreeName, field] of Object.entries(IN_TREE_SOURCE_FIELD)) {
    const source = (spec as Record<string, unknown>)[field] as Record<string, unknown> | undefined;
    if (!source) continue;
    const driver = migratedDriverFor(inTreeName);
    const handle =
      [source['volumeID'], source['pdName'], source['diskURI'], source['diskName']].find(
        (value): value is string => typeof value === 'string',
      ) ?? '';
    return { kind: 'disk', driver: driver?.name ?? inTreeName, handle, attachable: true };
  }
  if (spec.nfs) return { kind: 'share', server: spec.nfs.server, path: spec.nfs.path };
  if (spec.hostPath) return { kind: 'node-directory', path: spec.hostPath.path, source: 'hostPath' };
  if (spec.local) return { kind: 'node-directory', path: spec.local.path, source: 'local' };
  const field = Object.keys(spec).find(
    (key) =>
      ![
        'accessModes',
        'capacity',
        'claimRef',
        'mountOptions',
        'nodeAffinity',
        'persistentVolumeReclaimPolicy',
        'storageClassName',
        'volumeMode',
        'volumeAttributesClassName',
      ].includes(key),
  );
  return { kind: 'unsupported', source: field ?? 'unknown' };
}

/** The asset a PV's files live in when mounted on `node`. */
export function assetIdForVolume(volume: PersistentVolume, node: string): string | undefined {
  const backing = volumeBacking(volume);
  switch (backing.kind) {
    case 'disk':
      return diskAssetId(backing.driver, backing.handle);
    case 'share':
      return shareAssetId(backing.server, backing.path);
    case 'node-directory':
      return nodeDirectoryAssetId(node, backing.path);
    default:
      return undefined;
  }
}

/** Builds the asset a statically defined volume refers to, the first time it is used. */
export function assetForVolume(
  volume: PersistentVolume,
  node: string,
  zone: string | undefined,
): Asset | undefined {
  const backing = volumeBacking(volume);
  const id = assetIdForVolume(volume, node);
  if (!id) return undefined;
  const capacity = volume.spec?.capacity?.['storage'];
  const base = { id, files: {}, createdFor: volume.metadata?.name ?? '', ...(capacity ? { capacity } : {}) };
  switch (backing.kind) {
    case 'disk':
      return {
        ...base,
        kind: 'block-disk' as AssetKind,
        driver: backing.driver,
        handle: backing.handle,
        ...(zone ? { zone } : {}),
      };
    case 'share':
      return {
        ...base,
        kind: 'file-share' as AssetKind,
        server: backing.server,
        path: backing.path,
        ...(backing.driver ? { driver: backing.driver } : {}),
      };
    case 'node-directory':
      return { ...base, kind: 'node-directory' as AssetKind, node, path: backing.path };
    default:
      return undefined;
  }
}

/** Every asset that holds a volume's files (node directories: on every node that has one). */
export function assetsOfVolume(volume: PersistentVolume, assets: Readonly<Record<string, Asset>>): Asset[] {
  const backing = volumeBacking(volume);
  if (backing.kind === 'node-directory') {
    return Object.values(assets).filter(
      (asset) => asset.kind === 'node-directory' && asset.path === backing.path,
    );
  }
  const id = assetIdForVolume(volume, '');
  const asset = id ? assets[id] : undefined;
  return asset ? [asset] : [];
}

/** A short name of an asset for narration: "disk vol-0…", "directory /mnt/x on node-a". */
export function describeAsset(id: string): string {
  const [kind, ...rest] = id.split(':');
  const detail = rest.join(':');
  switch (kind) {
    case 'disk':
      return `disk ${rest.slice(1).join(':')}`;
    case 'nfs':
      return `NFS export ${detail}`;
    case 'dir':
      return `directory ${rest.slice(1).join(':')} on ${rest[0]}`;
    case 'emptydir':
      return `emptyDir ${rest[1]}`;
    default:
      return id;
  }
}
