/**
 * The `Type:` blocks describe prints for a pod volume or a PV source (describe.go print*VolumeSource).
 * Each block is written at level 2 with its further lines indented by four literal spaces, as
 * kubectl writes them; a source the simulator does not model prints "<unknown>".
 */
import type {
  CSIPersistentVolumeSource,
  CSIVolumeSource,
  HostPathVolumeSource,
  NFSVolumeSource,
  PersistentVolumeSpec,
  Volume,
} from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../model/quantity';
import { quantityText } from '../quantity-text';
import { printClaimFields } from './claim-fields';
import { shorten } from './metadata';
import type { PrefixWriter } from './prefix-writer';
import { nestedWriter } from './prefix-writer';

const MAX_ATTRIBUTE_LENGTH = 140;

/** One pod volume's block under `Volumes:` (describeVolumes). */
export function printPodVolumeSource(writer: PrefixWriter, volume: Volume): void {
  if (volume.hostPath) return printHostPath(writer, volume.hostPath);
  if (volume.emptyDir) {
    const sizeLimit = volume.emptyDir.sizeLimit;
    const positive = sizeLimit !== undefined && (parseQuantity(sizeLimit)?.nanos ?? 0n) > 0n;
    return writer.write(
      2,
      "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n" +
        `    Medium:\t${volume.emptyDir.medium ?? ''}\n` +
        `    SizeLimit:\t${positive ? quantityText(sizeLimit) : '<unset>'}\n`,
    );
  }
  if (volume.secret) {
    return writer.write(
      2,
      'Type:\tSecret (a volume populated by a Secret)\n' +
        `    SecretName:\t${volume.secret.secretName ?? ''}\n` +
        `    Optional:\t${String(volume.secret.optional ?? false)}\n`,
    );
  }
  if (volume.configMap) {
    return writer.write(
      2,
      'Type:\tConfigMap (a volume populated by a ConfigMap)\n' +
        `    Name:\t${volume.configMap.name ?? ''}\n` +
        `    Optional:\t${String(volume.configMap.optional ?? false)}\n`,
    );
  }
  if (volume.nfs) return printNfs(writer, volume.nfs);
  if (volume.persistentVolumeClaim) {
    return writer.write(
      2,
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
        `    ClaimName:\t${volume.persistentVolumeClaim.claimName}\n` +
        `    ReadOnly:\t${String(volume.persistentVolumeClaim.readOnly ?? false)}\n`,
    );
  }
  if (volume.ephemeral) {
    writer.write(
      2,
      'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n',
    );
    const template = volume.ephemeral.volumeClaimTemplate;
    if (template)
      printClaimFields(nestedWriter(writer, 2), { metadata: template.metadata, spec: template.spec });
    return;
  }
  if (volume.downwardAPI) {
    writer.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of volume.downwardAPI.items ?? []) {
      if (item.fieldRef) writer.write(3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) writer.write(3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
    return;
  }
  if (volume.projected) return printProjected(writer, volume.projected.sources ?? []);
  if (volume.csi) return printInlineCsi(writer, volume.csi);
  writer.write(1, '<unknown>\n');
}

/** A PersistentVolume's block under `Source:`. */
export function printPersistentVolumeSource(writer: PrefixWriter, spec: PersistentVolumeSpec): void {
  if (spec.hostPath) return printHostPath(writer, spec.hostPath);
  if (spec.gcePersistentDisk) {
    const disk = spec.gcePersistentDisk;
    return writer.write(
      2,
      'Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n' +
        `    PDName:\t${disk.pdName}\n    FSType:\t${disk.fsType ?? ''}\n` +
        `    Partition:\t${disk.partition ?? 0}\n    ReadOnly:\t${String(disk.readOnly ?? false)}\n`,
    );
  }
  if (spec.awsElasticBlockStore) {
    const disk = spec.awsElasticBlockStore;
    return writer.write(
      2,
      'Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n' +
        `    VolumeID:\t${disk.volumeID}\n    FSType:\t${disk.fsType ?? ''}\n` +
        `    Partition:\t${disk.partition ?? 0}\n    ReadOnly:\t${String(disk.readOnly ?? false)}\n`,
    );
  }
  if (spec.nfs) return printNfs(writer, spec.nfs);
  if (spec.local) {
    return writer.write(
      2,
      `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`,
    );
  }
  if (spec.csi) return printPersistentCsi(writer, spec.csi);
  writer.write(1, '<unknown>\n');
}

function printHostPath(writer: PrefixWriter, hostPath: HostPathVolumeSource): void {
  writer.write(
    2,
    'Type:\tHostPath (bare host directory volume)\n' +
      `    Path:\t${hostPath.path}\n` +
      `    HostPathType:\t${hostPath.type ?? '<none>'}\n`,
  );
}

function printNfs(writer: PrefixWriter, nfs: NFSVolumeSource): void {
  writer.write(
    2,
    'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n' +
      `    Server:\t${nfs.server}\n    Path:\t${nfs.path}\n    ReadOnly:\t${String(nfs.readOnly ?? false)}\n`,
  );
}

function printPersistentCsi(writer: PrefixWriter, csi: CSIPersistentVolumeSource): void {
  writer.write(
    2,
    'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n' +
      `    Driver:\t${csi.driver}\n    FSType:\t${csi.fsType ?? ''}\n` +
      `    VolumeHandle:\t${csi.volumeHandle}\n    ReadOnly:\t${String(csi.readOnly ?? false)}\n`,
  );
  printVolumeAttributes(writer, csi.volumeAttributes);
}

function printInlineCsi(writer: PrefixWriter, csi: CSIVolumeSource): void {
  writer.write(
    2,
    'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n' +
      `    Driver:\t${csi.driver}\n    FSType:\t${csi.fsType ?? ''}\n    ReadOnly:\t${String(csi.readOnly ?? false)}\n`,
  );
  printVolumeAttributes(writer, csi.volumeAttributes);
}

/** printCSIPersistentVolumeAttributesMultiline, its odd indentation included. */
function printVolumeAttributes(
  writer: PrefixWriter,
  attributes: Readonly<Record<string, string>> | undefined,
): void {
  writer.write(2, 'VolumeAttributes:\t');
  const keys = Object.keys(attributes ?? {}).sort();
  if (keys.length === 0) {
    writer.writeLine('<none>');
    return;
  }
  keys.forEach((key, index) => {
    if (index !== 0) {
      writer.write(2, '');
      writer.write(2, '\t');
    }
    const line = `${key}=${attributes?.[key] ?? ''}`;
    writer.write(2, `${shorten(line, MAX_ATTRIBUTE_LENGTH)}\n`);
  });
}

function printProjected(writer: PrefixWriter, sources: NonNullable<Volume['projected']>['sources']): void {
  writer.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of sources ?? []) {
    if (source.secret) {
      writer.write(
        2,
        `SecretName:\t${source.secret.name ?? ''}\n    Optional:\t${String(source.secret.optional ?? false)}\n`,
      );
    } else if (source.downwardAPI) {
      writer.write(2, 'DownwardAPI:\ttrue\n');
    } else if (source.configMap) {
      writer.write(
        2,
        `ConfigMapName:\t${source.configMap.name ?? ''}\n    Optional:\t${String(source.configMap.optional ?? false)}\n`,
      );
    } else if (source.serviceAccountToken) {
      // The API server defaults expirationSeconds to one hour.
      writer.write(2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  }
}
