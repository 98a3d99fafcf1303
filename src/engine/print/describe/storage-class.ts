/** `kubectl describe storageclass` (describeStorageClass). */
import { isDefaultClass } from '../../model/object-helpers';
import type { StorageClass } from '../../model/types';
import type { ClusterState } from '../../sim/state';
import type { DescriberSettings } from './settings';
import { DEFAULT_DESCRIBER_SETTINGS } from './settings';
import { describeEvents } from './events';
import { formatBoolPointer, formatLabels } from './metadata';
import { tabbedString } from './prefix-writer';

export function describeStorageClass(
  state: ClusterState,
  storageClass: StorageClass,
  settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS,
): string {
  return tabbedString((writer) => {
    writer.write(0, `Name:\t${storageClass.metadata?.name ?? ''}\n`);
    writer.write(0, `IsDefaultClass:\t${isDefaultClass(storageClass) ? 'Yes' : 'No'}\n`);
    // Unlike the other describers, this one prints every annotation on one line, last-applied included.
    writer.write(0, `Annotations:\t${formatLabels(storageClass.metadata?.annotations)}\n`);
    writer.write(0, `Provisioner:\t${storageClass.provisioner}\n`);
    writer.write(0, `Parameters:\t${formatLabels(storageClass.parameters)}\n`);
    writer.write(0, `AllowVolumeExpansion:\t${formatBoolPointer(storageClass.allowVolumeExpansion)}\n`);
    const mountOptions = storageClass.mountOptions ?? [];
    if (mountOptions.length === 0) {
      writer.write(0, 'MountOptions:\t<none>\n');
    } else {
      writer.write(0, 'MountOptions:\n');
      for (const option of mountOptions) writer.write(1, `${option}\n`);
    }
    if (storageClass.reclaimPolicy !== undefined)
      writer.write(0, `ReclaimPolicy:\t${storageClass.reclaimPolicy}\n`);
    if (storageClass.volumeBindingMode !== undefined) {
      writer.write(0, `VolumeBindingMode:\t${storageClass.volumeBindingMode}\n`);
    }
    if (storageClass.allowedTopologies !== undefined) {
      writer.write(0, 'AllowedTopologies:\t');
      if (storageClass.allowedTopologies.length === 0) {
        writer.writeLine('<none>');
      } else {
        writer.writeLine('');
        storageClass.allowedTopologies.forEach((term, index) => {
          const requirements = term.matchLabelExpressions ?? [];
          writer.write(1, `Term ${index}:\t`);
          if (requirements.length === 0) writer.writeLine('<none>');
          requirements.forEach((requirement, position) => {
            if (position !== 0) writer.write(1, '\t');
            const values = requirement.values.length > 0 ? ` [${requirement.values.join(', ')}]` : '';
            writer.write(0, `${requirement.key} in${values}\n`);
          });
        });
      }
    }
    if (settings.showEvents) describeEvents(writer, state, storageClass);
  });
}
