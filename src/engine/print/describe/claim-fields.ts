/**
 * describe.printPersistentVolumeClaim: the claim fields shared by `describe pvc` and the claim
 * template of an ephemeral pod volume (which has no name, status or finalizers to show).
 */
import { formatAccessModes } from '../../model/access-modes';
import { claimClass } from '../../model/object-helpers';
import type { PersistentVolumeClaim } from '../../model/types';
import { ageSince } from '../age';
import { quantityText } from '../quantity-text';
import { formatStringSlice, printAnnotationsMultiline, printLabelsMultiline } from './metadata';
import type { PrefixWriter } from './prefix-writer';

/** Present for a stored claim: the clock its Terminating duration is measured against. */
export interface FullClaim {
  readonly clock: number;
}

export function printClaimFields(writer: PrefixWriter, claim: PersistentVolumeClaim, full?: FullClaim): void {
  const metadata = claim.metadata ?? {};
  const spec = claim.spec ?? {};
  if (full) {
    writer.write(0, `Name:\t${metadata.name ?? ''}\n`);
    writer.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
  }
  writer.write(0, `StorageClass:\t${claimClass(claim)}\n`);
  if (full) {
    writer.write(
      0,
      metadata.deletionTimestamp
        ? `Status:\tTerminating (lasts ${ageSince(metadata.deletionTimestamp, full.clock)})\n`
        : `Status:\t${claim.status?.phase ?? ''}\n`,
    );
  }
  writer.write(0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabelsMultiline(writer, 'Labels', metadata.labels);
  printAnnotationsMultiline(writer, 'Annotations', metadata.annotations);
  if (full) writer.write(0, `Finalizers:\t${formatStringSlice(metadata.finalizers)}\n`);
  // Like `get`, capacity and modes come from status once the claim names its volume.
  const bound = Boolean(spec.volumeName);
  writer.write(0, `Capacity:\t${bound ? quantityText(claim.status?.capacity?.['storage']) : ''}\n`);
  writer.write(0, `Access Modes:\t${bound ? formatAccessModes(claim.status?.accessModes) : ''}\n`);
  if (spec.volumeMode !== undefined) writer.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    writer.write(0, 'DataSource:\n');
    if (spec.dataSource.apiGroup !== undefined) writer.write(1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    writer.write(1, `Kind:\t${spec.dataSource.kind}\n`);
    writer.write(1, `Name:\t${spec.dataSource.name}\n`);
  }
}
