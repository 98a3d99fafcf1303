/** `kubectl describe pv` (describePersistentVolume). */
import type { VolumeNodeAffinity } from 'kubernetes-types/core/v1';
import { formatAccessModes } from '../../model/access-modes';
import { volumeClass } from '../../model/object-helpers';
import type { NodeSelectorRequirement, PersistentVolume } from '../../model/types';
import type { ClusterState } from '../../sim/state';
import { ageSince } from '../age';
import { quantityText } from '../quantity-text';
import type { DescriberSettings } from './settings';
import { DEFAULT_DESCRIBER_SETTINGS } from './settings';
import { describeEvents } from './events';
import { formatStringSlice, printAnnotationsMultiline, printLabelsMultiline } from './metadata';
import type { PrefixWriter } from './prefix-writer';
import { tabbedString } from './prefix-writer';
import { printPersistentVolumeSource } from './volume-sources';

export function describePersistentVolume(
  state: ClusterState,
  volume: PersistentVolume,
  settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS,
): string {
  return tabbedString((writer) => {
    const metadata = volume.metadata ?? {};
    const spec = volume.spec ?? {};
    writer.write(0, `Name:\t${metadata.name ?? ''}\n`);
    printLabelsMultiline(writer, 'Labels', metadata.labels);
    printAnnotationsMultiline(writer, 'Annotations', metadata.annotations);
    writer.write(0, `Finalizers:\t${formatStringSlice(metadata.finalizers)}\n`);
    writer.write(0, `StorageClass:\t${volumeClass(volume)}\n`);
    writer.write(
      0,
      metadata.deletionTimestamp
        ? `Status:\tTerminating (lasts ${ageSince(metadata.deletionTimestamp, state.clock)})\n`
        : `Status:\t${volume.status?.phase ?? ''}\n`,
    );
    const claimRef = spec.claimRef;
    writer.write(0, `Claim:\t${claimRef ? `${claimRef.namespace ?? ''}/${claimRef.name ?? ''}` : ''}\n`);
    writer.write(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    writer.write(0, `Access Modes:\t${formatAccessModes(spec.accessModes)}\n`);
    if (spec.volumeMode !== undefined) writer.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
    writer.write(0, `Capacity:\t${quantityText(spec.capacity?.['storage'])}\n`);
    printNodeAffinity(writer, spec.nodeAffinity);
    writer.write(0, `Message:\t${volume.status?.message ?? ''}\n`);
    writer.write(0, 'Source:\n');
    printPersistentVolumeSource(writer, spec);
    if (settings.showEvents) describeEvents(writer, state, volume);
  });
}

/** printVolumeNodeAffinity: the required terms, one `key op [values]` line per expression. */
function printNodeAffinity(writer: PrefixWriter, affinity: VolumeNodeAffinity | undefined): void {
  writer.write(0, 'Node Affinity:\t');
  if (!affinity?.required) {
    writer.writeLine('<none>');
    return;
  }
  writer.writeLine('');
  writer.write(1, 'Required Terms:\t');
  const terms = affinity.required.nodeSelectorTerms;
  if (terms.length === 0) {
    writer.writeLine('<none>');
    return;
  }
  writer.writeLine('');
  terms.forEach((term, index) => printSelectorTerm(writer, `Term ${index}`, term.matchExpressions ?? []));
}

function printSelectorTerm(
  writer: PrefixWriter,
  title: string,
  requirements: readonly NodeSelectorRequirement[],
): void {
  writer.write(2, `${title}:\t`);
  if (requirements.length === 0) {
    writer.writeLine('<none>');
    return;
  }
  requirements.forEach((requirement, index) => {
    if (index !== 0) writer.write(2, '\t');
    const values = requirement.values ?? [];
    const expression = `${requirement.key} ${requirement.operator.toLowerCase()}`;
    writer.write(0, `${values.length > 0 ? `${expression} [${values.join(', ')}]` : expression}\n`);
  });
}
