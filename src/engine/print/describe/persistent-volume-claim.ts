/** `kubectl describe pvc` (describePersistentVolumeClaim). */
import type { PersistentVolumeClaim, Pod } from '../../model/types';
import type { ClusterState } from '../../sim/state';
import { printClaimFields } from './claim-fields';
import type { DescriberSettings } from './settings';
import { DEFAULT_DESCRIBER_SETTINGS } from './settings';
import { describeEvents } from './events';
import { formatRfc1123z } from './metadata';
import type { PrefixWriter } from './prefix-writer';
import { tabbedString } from './prefix-writer';

export function describePersistentVolumeClaim(
  state: ClusterState,
  claim: PersistentVolumeClaim,
  settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS,
): string {
  return tabbedString((writer) => {
    printClaimFields(writer, claim, { clock: state.clock });
    printUsedBy(writer, podsUsingClaim(state, claim));
    printConditions(writer, claim);
    if (settings.showEvents) describeEvents(writer, state, claim);
  });
}

/**
 * getPodsForPVC: the namespace's pods with a volume naming the claim (once per such volume), then
 * the pods that own it (an ephemeral volume's claim), each once.
 */
export function podsUsingClaim(state: ClusterState, claim: PersistentVolumeClaim): Pod[] {
  const namespace = claim.metadata?.namespace ?? '';
  const name = claim.metadata?.name ?? '';
  const namespacePods = Object.values(state.objects.Pod).filter(
    (pod) => pod.metadata?.namespace === namespace,
  );
  const pods = namespacePods.flatMap((pod) =>
    (pod.spec?.volumes ?? [])
      .filter((volume) => volume.persistentVolumeClaim?.claimName === name)
      .map(() => pod),
  );
  for (const owner of claim.metadata?.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue;
    const ownerPod = namespacePods.find((pod) => pod.metadata?.uid === owner.uid);
    if (ownerPod && !pods.some((pod) => pod.metadata?.uid === owner.uid)) pods.push(ownerPod);
  }
  return pods;
}

/** printPodsMultiline: pod names in name order. */
function printUsedBy(writer: PrefixWriter, pods: readonly Pod[]): void {
  writer.write(0, 'Used By:\t');
  if (pods.length === 0) {
    writer.writeLine('<none>');
    return;
  }
  const names = pods.map((pod) => pod.metadata?.name ?? '').sort();
  names.forEach((name, index) => {
    if (index !== 0) writer.write(0, '\t');
    writer.write(0, `${name}\n`);
  });
}

function printConditions(writer: PrefixWriter, claim: PersistentVolumeClaim): void {
  const conditions = claim.status?.conditions ?? [];
  if (conditions.length === 0) return;
  writer.write(0, 'Conditions:\n');
  writer.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
  writer.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const condition of conditions) {
    writer.write(
      1,
      `${condition.type} \t${condition.status} \t${formatRfc1123z(condition.lastProbeTime)} \t` +
        `${formatRfc1123z(condition.lastTransitionTime)} \t${condition.reason ?? ''} \t${condition.message ?? ''}\n`,
    );
  }
}
