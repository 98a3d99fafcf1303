/**
 * The external provisioner each installed driver runs (external-provisioner with
 * sig-storage-lib-external-provisioner): it provisions claims handed to it (R31-R33), deletes its
 * Released Delete volumes and their backend (R38, R46), and keeps its finalizer only on volumes
 * whose policy is Delete (R33).
 */
import type {
  Node,
  NodeSelector,
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
} from '../model/types';
import {
  annotationOf,
  claimClass,
  claimRequest,
  hasFinalizer,
  isDeleting,
  nameOf,
  namespaceOf,
  uidOf,
  volumeModeOf,
  claimReferenceTo,
} from '../model/object-helpers';
import { objectKey, refOf } from '../model/types';
import {
  ANN_DELETION_SECRET_NAME,
  ANN_DELETION_SECRET_NAMESPACE,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  FINALIZER_EXTERNAL_PROVISIONER,
  FINALIZER_PV_PROTECTION,
  LABEL_HOSTNAME,
  LABEL_ZONE,
} from '../model/well-known';
import type { DriverSpec } from '../infra/drivers';
import { driverSpec, sizeOnBackend } from '../infra/drivers';
import {
  assetsOfVolume,
  describeAsset,
  diskAssetId,
  nodeDirectoryAssetId,
  shareAssetId,
} from '../infra/assets';
import { fnv1a32 } from '../sim/ids';
import type { Reason, RuleId } from '../sim/changes';
import type { Asset } from '../sim/state';
import type { ClusterWriter } from '../sim/writer';

export function runExternalProvisioners(writer: ClusterWriter): void {
  for (const name of Object.keys(writer.installedDrivers).sort()) {
    const driver = driverSpec(name);
    if (driver) runProvisioner(writer, driver);
  }
}

function reasonFor(driver: DriverSpec, rule: RuleId, message: string, related?: Reason['related']): Reason {
  return { actor: 'csi-provisioner', on: driver.name, rule, message, ...(related ? { related } : {}) };
}

function eventSource(driver: DriverSpec) {
  return { component: `${driver.name}_csi-provisioner` };
}

function runProvisioner(writer: ClusterWriter, driver: DriverSpec): void {
  for (const claim of writer.list('PersistentVolumeClaim')) {
    if (shouldProvision(writer, driver, claim)) provision(writer, driver, claim);
  }
  for (const volume of writer.list('PersistentVolume')) {
    if (!isDriverVolume(driver, volume)) continue;
    const current = manageFinalizer(writer, driver, volume);
    if (current && shouldDelete(driver, current)) deleteVolume(writer, driver, current);
  }
}

/** Class provisioner names this driver answers to: its own and the in-tree names migrated to it. */
function servesProvisioner(driver: DriverSpec, provisioner: string): boolean {
  return provisioner === driver.name || driver.inTreeNames.includes(provisioner);
}

function shouldProvision(writer: ClusterWriter, driver: DriverSpec, claim: PersistentVolumeClaim): boolean {
  if (claim.spec?.volumeName || isDeleting(claim)) return false;
  if (annotationOf(claim, ANN_STORAGE_PROVISIONER) !== driver.name) return false;
  const storageClass = writer.get('StorageClass', claimClass(claim));
  if (!storageClass || !servesProvisioner(driver, storageClass.provisioner)) return false;
  if (storageClass.volumeBindingMode === 'WaitForFirstConsumer' && !annotationOf(claim, ANN_SELECTED_NODE))
    return false;
  return !writer.get('PersistentVolume', `pvc-${uidOf(claim)}`);
}

function provisioningFailed(
  writer: ClusterWriter,
  driver: DriverSpec,
  claim: PersistentVolumeClaim,
  className: string,
  why: string,
): void {
  writer.event(
    claim,
    'Warning',
    'ProvisioningFailed',
    `failed to provision volume with StorageClass "${className}": ${why}`,
    eventSource(driver),
    reasonFor(driver, 'R32', ''),
  );
}

function provision(writer: ClusterWriter, driver: DriverSpec, claim: PersistentVolumeClaim): void {
  const className = claimClass(claim);
  const storageClass = writer.get('StorageClass', className) as StorageClass;
  const claimName = `${namespaceOf(claim)}/${nameOf(claim)}`;
  writer.event(
    claim,
    'Normal',
    'Provisioning',
    `External provisioner is provisioning volume for claim "${claimName}"`,
    eventSource(driver),
    reasonFor(driver, 'R32', ''),
  );
  if (claim.spec?.selector) {
    provisioningFailed(writer, driver, claim, className, 'claim Selector is not supported');
    return;
  }
  const unsupported = (claim.spec?.accessModes ?? []).filter((mode) => !driver.accessModes.includes(mode));
  if (unsupported.length > 0) {
    provisioningFailed(
      writer,
      driver,
      claim,
      className,
      `rpc error: code = InvalidArgument desc = ${driver.title} does not support access mode ${unsupported.join(', ')}`,
    );
    return;
  }
  if (volumeModeOf(claim) === 'Block' && !driver.blockMode) {
    provisioningFailed(
      writer,
      driver,
      claim,
      className,
      `rpc error: code = InvalidArgument desc = ${driver.title} does not support block volumes`,
    );
    return;
  }
  const selectedNodeName = annotationOf(claim, ANN_SELECTED_NODE);
  const selectedNode = selectedNodeName ? writer.get('Node', selectedNodeName) : undefined;
  if (selectedNodeName && !selectedNode) {
    provisioningFailed(
      writer,
      driver,
      claim,
      className,
      `failed to get target node: node "${selectedNodeName}" not found`,
    );
    return;
  }
  if (driver.nodeLocal && !selectedNode) {
    provisioningFailed(writer, driver, claim, className, 'configuration error, no node was specified');
    return;
  }
  const fault = writer.driverFault(driver.name);
  if (fault) {
    provisioningFailed(writer, driver, claim, className, `rpc error: code = Internal desc = ${fault}`);
    return;
  }
  const zone = driver.zonal
    ? chooseZone(writer, storageClass, claim, selectedNode?.metadata?.labels?.[LABEL_ZONE])
    : undefined;
  if (driver.zonal && zone === undefined) {
    provisioningFailed(
      writer,
      driver,
      claim,
      className,
      'rpc error: code = ResourceExhausted desc = no zone allowed by the StorageClass has a node',
    );
    return;
  }
  const volumeName = `pvc-${uidOf(claim)}`;
  const capacity = sizeOnBackend(driver, claimRequest(claim));
  const handleNumber = writer.nextHandleNumber();
  const { source, asset } = backendFor(
    driver,
    volumeName,
    claim,
    handleNumber,
    capacity,
    zone,
    selectedNodeName,
  );
  writer.putAsset(
    asset,
    reasonFor(
      driver,
      'R33',
      `${driver.title} created ${describeAsset(asset.id)} (${capacity}${zone ? ` in ${zone}` : ''}) for claim ${claimName}`,
      [refOf(claim)],
    ),
  );

  const policy = storageClass.reclaimPolicy ?? 'Delete';
  const nodeAffinity = topologyFor(driver, zone, selectedNode);
  const provisionedBy = storageClass.provisioner;
  const finalizers = [FINALIZER_PV_PROTECTION];
  if (driver.csi && policy === 'Delete') finalizers.push(FINALIZER_EXTERNAL_PROVISIONER);
  const volume: PersistentVolume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: volumeName,
      annotations: {
        [ANN_PROVISIONED_BY]: provisionedBy,
        ...(provisionedBy !== driver.name ? { 'pv.kubernetes.io/migrated-to': driver.name } : {}),
        ...(driver.csi ? { [ANN_DELETION_SECRET_NAME]: '', [ANN_DELETION_SECRET_NAMESPACE]: '' } : {}),
      },
      finalizers,
    },
    spec: {
      accessModes: claim.spec?.accessModes ?? [],
      capacity: { storage: capacity },
      claimRef: claimReferenceTo(claim),
      persistentVolumeReclaimPolicy: policy,
      storageClassName: className,
      volumeMode: volumeModeOf(claim),
      ...(storageClass.mountOptions?.length ? { mountOptions: storageClass.mountOptions } : {}),
      ...(nodeAffinity ? { nodeAffinity: { required: nodeAffinity } } : {}),
      ...source,
    },
    status: { phase: 'Pending' },
  };
  writer.create(
    'PersistentVolume',
    volume,
    reasonFor(
      driver,
      'R33',
      `provisioned volume ${volumeName} for claim ${claimName}: ${capacity}, reclaim policy ${policy} from class "${className}"${zone ? `, pinned to ${zone}` : ''}`,
      [refOf(claim)],
    ),
  );
  writer.event(
    claim,
    'Normal',
    'ProvisioningSucceeded',
    `Successfully provisioned volume ${volumeName}`,
    eventSource(driver),
    reasonFor(driver, 'R33', ''),
  );
}

/** WFFC: the selected node's zone. Immediate: the provisioner picks one of the allowed zones itself. */
function chooseZone(
  writer: ClusterWriter,
  storageClass: StorageClass,
  claim: PersistentVolumeClaim,
  selectedZone: string | undefined,
): string | undefined {
  const allowed = new Set(
    (storageClass.allowedTopologies ?? []).flatMap((term) =>
      (term.matchLabelExpressions ?? [])
        .filter((expression) => expression.key === LABEL_ZONE)
        .flatMap((expression) => expression.values ?? []),
    ),
  );
  if (selectedZone !== undefined) return selectedZone;
  const zones = [...new Set(writer.list('Node').flatMap((node) => node.metadata?.labels?.[LABEL_ZONE] ?? []))]
    .filter((zone) => allowed.size === 0 || allowed.has(zone))
    .sort();
  if (zones.length === 0) return allowed.size > 0 ? [...allowed].sort()[0] : undefined;
  return zones[fnv1a32(uidOf(claim)) % zones.length];
}

function topologyFor(
  driver: DriverSpec,
  zone: string | undefined,
  node: Node | undefined,
): NodeSelector | undefined {
  if (driver.zonal && zone) {
    return {
      nodeSelectorTerms: [{ matchExpressions: [{ key: LABEL_ZONE, operator: 'In', values: [zone] }] }],
    };
  }
  if (driver.nodeLocal && node) {
    const hostname = node.metadata?.labels?.[LABEL_HOSTNAME];
    return hostname
      ? {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: LABEL_HOSTNAME, operator: 'In', values: [hostname] }] },
          ],
        }
      : {
          nodeSelectorTerms: [
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nameOf(node)] }] },
          ],
        };
  }
  return undefined;
}

function backendFor(
  driver: DriverSpec,
  volumeName: string,
  claim: PersistentVolumeClaim,
  handleNumber: number,
  capacity: string,
  zone: string | undefined,
  node: string | undefined,
): { source: Partial<NonNullable<PersistentVolume['spec']>>; asset: Asset } {
  const createdFor = volumeName;
  if (driver.assetKind === 'file-share') {
    const server = 'nfs-server.storage.svc.cluster.local';
    const path = `/exports/${volumeName}`;
    const handle = `${server}#/exports#${volumeName}##`;
    return {
      source: {
        csi: {
          driver: driver.name,
          volumeHandle: handle,
          volumeAttributes: { server, share: '/exports', subdir: volumeName },
        },
      },
      asset: {
        id: shareAssetId(driver.name, handle),
        kind: 'file-share',
        driver: driver.name,
        server,
        path,
        handle,
        capacity,
        createdFor,
        files: {},
      },
    };
  }
  if (driver.assetKind === 'node-directory') {
    const path = `/opt/local-path-provisioner/${volumeName}_${namespaceOf(claim)}_${nameOf(claim)}`;
    return {
      source: { hostPath: { path, type: 'DirectoryOrCreate' } },
      asset: {
        id: nodeDirectoryAssetId(node ?? '', path),
        kind: 'node-directory',
        driver: driver.name,
        node: node ?? '',
        path,
        capacity,
        createdFor,
        files: {},
      },
    };
  }
  const handle = diskHandle(driver, volumeName, handleNumber, zone);
  const fsType = driver.defaultFsType ?? 'ext4';
  const asset: Asset = {
    id: diskAssetId(driver.name, handle),
    kind: 'block-disk',
    driver: driver.name,
    handle,
    capacity,
    createdFor,
    files: {},
    ...(zone ? { zone } : {}),
  };
  return {
    source: {
      csi: {
        driver: driver.name,
        volumeHandle: handle,
        fsType,
        volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': `${driver.name}-sim` },
      },
    },
    asset,
  };
}

function diskHandle(
  driver: DriverSpec,
  volumeName: string,
  handleNumber: number,
  zone: string | undefined,
): string {
  switch (driver.name) {
    case 'ebs.csi.aws.com':
      return `vol-0${(fnv1a32(`${volumeName}:${handleNumber}`).toString(16) + handleNumber.toString(16).padStart(9, '0')).slice(0, 17)}`;
    case 'pd.csi.storage.gke.io':
      return `projects/demo-project/zones/${zone ?? 'zone-a'}/disks/${volumeName}`;
    case 'disk.csi.azure.com':
      return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/demo/providers/Microsoft.Compute/disks/${volumeName}`;
    default:
      return `${driver.name}-${handleNumber}`;
  }
}

// ---- deleting --------------------------------------------------------------------------------

/** Volumes this driver owns: provisioned by it (or migrated to it), or static csi volumes of it. */
function isDriverVolume(driver: DriverSpec, volume: PersistentVolume): boolean {
  const provisionedBy = annotationOf(volume, ANN_PROVISIONED_BY);
  if (provisionedBy !== undefined) {
    return (
      servesProvisioner(driver, provisionedBy) ||
      annotationOf(volume, 'pv.kubernetes.io/migrated-to') === driver.name
    );
  }
  return driver.csi && volume.spec?.csi?.driver === driver.name;
}

/** HonorPVReclaimPolicy: the finalizer stays only while the policy is Delete. Returns the current volume. */
function manageFinalizer(
  writer: ClusterWriter,
  driver: DriverSpec,
  volume: PersistentVolume,
): PersistentVolume | undefined {
  if (!driver.csi) return volume;
  const hasIt = hasFinalizer(volume, FINALIZER_EXTERNAL_PROVISIONER);
  const isDelete = volume.spec?.persistentVolumeReclaimPolicy === 'Delete';
  const dynamic = annotationOf(volume, ANN_PROVISIONED_BY) !== undefined;
  const wants = isDelete && (dynamic || volume.status?.phase === 'Bound' || hasIt);
  if (hasIt && !isDelete) {
    const finalizers = (volume.metadata?.finalizers ?? []).filter(
      (item) => item !== FINALIZER_EXTERNAL_PROVISIONER,
    );
    writer.update(
      'PersistentVolume',
      { ...volume, metadata: { ...volume.metadata, finalizers } },
      reasonFor(
        driver,
        'R42',
        `volume ${nameOf(volume)} no longer has reclaim policy Delete, so ${driver.name} drops its finalizer: it will not delete the disk`,
      ),
    );
    return writer.get('PersistentVolume', nameOf(volume));
  }
  if (!hasIt && wants && !isDeleting(volume)) {
    writer.update(
      'PersistentVolume',
      {
        ...volume,
        metadata: {
          ...volume.metadata,
          finalizers: [...(volume.metadata?.finalizers ?? []), FINALIZER_EXTERNAL_PROVISIONER],
        },
      },
      reasonFor(
        driver,
        'R38',
        `volume ${nameOf(volume)} is a Delete volume of ${driver.name}: its finalizer makes sure the disk is deleted before the object goes`,
      ),
    );
    return writer.get('PersistentVolume', nameOf(volume));
  }
  return volume;
}

function shouldDelete(driver: DriverSpec, volume: PersistentVolume): boolean {
  if (volume.status?.phase !== 'Released') return false;
  if (volume.spec?.persistentVolumeReclaimPolicy !== 'Delete') return false;
  if (isDeleting(volume) && driver.csi && !hasFinalizer(volume, FINALIZER_EXTERNAL_PROVISIONER)) return false;
  return true;
}

function claimStillExists(writer: ClusterWriter, volume: PersistentVolume): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref?.uid) return false;
  const claim = writer.get('PersistentVolumeClaim', objectKey(ref.namespace, ref.name ?? ''));
  return claim !== undefined && uidOf(claim) === ref.uid && claim.spec?.volumeName === nameOf(volume);
}

function deleteVolume(writer: ClusterWriter, driver: DriverSpec, volume: PersistentVolume): void {
  if (claimStillExists(writer, volume)) return;
  const name = nameOf(volume);
  const fault = writer.driverFault(driver.name);
  if (fault) {
    writer.event(
      volume,
      'Warning',
      'VolumeFailedDelete',
      `rpc error: code = Internal desc = ${fault}`,
      eventSource(driver),
      reasonFor(driver, 'R38', ''),
    );
    return;
  }
  for (const asset of assetsOfVolume(volume, writer.allAssets())) {
    writer.removeAsset(
      asset.id,
      reasonFor(
        driver,
        'R38',
        `${driver.title} deleted ${describeAsset(asset.id)} of volume ${name}; its files are gone for good`,
        [refOf(volume)],
      ),
    );
  }
  writer.delete(
    'PersistentVolume',
    name,
    reasonFor(driver, 'R38', `deleted volume ${name}: reclaim policy Delete and its claim is gone`),
  );
  const current = writer.get('PersistentVolume', name);
  if (current && hasFinalizer(current, FINALIZER_EXTERNAL_PROVISIONER)) {
    const finalizers = (current.metadata?.finalizers ?? []).filter(
      (item) => item !== FINALIZER_EXTERNAL_PROVISIONER,
    );
    writer.update(
      'PersistentVolume',
      { ...current, metadata: { ...current.metadata, finalizers } },
      reasonFor(driver, 'R46', `the disk of ${name} is gone, so ${driver.name} removes its finalizer`),
    );
  }
}
