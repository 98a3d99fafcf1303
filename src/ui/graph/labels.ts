/** How cards name kinds and objects ("PVC", "Disk", "team-a/data"); the inspector's links say the same. */
import type { Asset, KindName, ObjectRef } from '../../engine';

export const ASSET_KIND_LABELS: Readonly<Record<Asset['kind'], string>> = {
  'block-disk': 'Disk',
  'file-share': 'NFS share',
  'node-directory': 'Directory',
  'empty-dir': 'emptyDir',
};

const SHORT_KIND_LABELS: Partial<Readonly<Record<KindName, string>>> = {
  PersistentVolumeClaim: 'PVC',
  PersistentVolume: 'PV',
  StorageClass: 'Class',
};

export function kindLabelOf(kind: KindName): string {
  return SHORT_KIND_LABELS[kind] ?? kind;
}

/** An object's name as a card shows it: the namespace only when it is not "default". */
export function shownName(ref: ObjectRef): string {
  return ref.namespace && ref.namespace !== 'default' ? `${ref.namespace}/${ref.name}` : ref.name;
}

/** An asset's name as its card shows it. */
export function assetName(asset: Asset): string {
  return asset.handle ?? asset.path ?? asset.id;
}
