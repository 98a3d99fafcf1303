/**
 * The sentence or two above the table: what the claim is waiting for and what would unblock it,
 * from the rows, the claim's class and pods, and the events the controllers recorded.
 */
import { checkVolumeSatisfiesClaim, isVolumeBoundToClaim } from '../controllers/pv-binder';
import { accessModeSetKey, formatAccessModes } from '../model/access-modes';
import { annotationOf, nameOf, volumeCapacity } from '../model/object-helpers';
import { compareQuantities } from '../model/quantity';
import type { PersistentVolume } from '../model/types';
import { ANN_SELECTED_NODE, NO_PROVISIONER } from '../model/well-known';
import type { ClaimContext } from './claim-context';
import { eventsAbout, latestEventMessage } from './claim-context';
import type { VolumeRow } from './types';

export function summarize(context: ClaimContext, rows: readonly VolumeRow[]): string {
  const phase = context.claim.status?.phase ?? 'Pending';
  if (phase === 'Bound') return boundSummary(context, rows);
  if (phase === 'Lost') return lostSummary(context);
  const named = context.claim.spec?.volumeName;
  if (named) return namedVolumeSummary(context, named);
  const eligible = rows.filter((row) => row.eligible).map((row) => row.volume);
  return eligible.length > 0 ? fitsButWaitingSummary(context, eligible) : noFitSummary(context, rows);
}

function volume(context: ClaimContext, name: string): PersistentVolume | undefined {
  return context.state.objects.PersistentVolume[name];
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

// ---- bound and lost ------------------------------------------------------------------------

function boundSummary(context: ClaimContext, rows: readonly VolumeRow[]): string {
  const boundName = context.claim.spec?.volumeName ?? '';
  const text = `Bound to volume "${boundName}".`;
  const bound = volume(context, boundName);
  // The access-mode groups decide only the PV controller's choice; the scheduler has none (R51).
  if (!bound || context.delayed) return text;
  // A volume in a later access-mode set that was smaller, or even reserved for this claim, lost.
  const laterSet = rows
    .filter((row) => row.eligible && row.volume !== boundName)
    .flatMap((row) => volume(context, row.volume) ?? [])
    .filter((other) => modeCount(other) > modeCount(bound));
  const reserved = laterSet.find((other) => isVolumeBoundToClaim(other, context.claim));
  const smaller = laterSet.find(
    (other) => compareQuantities(volumeCapacity(other), volumeCapacity(bound)) < 0,
  );
  const passedOver = reserved ?? smaller;
  if (!passedOver) return text;
  const why = reserved
    ? `"${nameOf(reserved)}" is reserved for this claim`
    : `The smaller "${nameOf(passedOver)}" fits too`;
  return (
    `${text} ${why}, but volumes are tried by access-mode set, fewest modes first: ` +
    `${formatAccessModes(bound.spec?.accessModes)} before ${formatAccessModes(passedOver.spec?.accessModes)}, ` +
    `and the first set with a fit wins (R19${reserved ? ', R21' : ''}).`
  );
}

function modeCount(pv: PersistentVolume): number {
  const key = accessModeSetKey(pv.spec?.accessModes);
  return key ? key.split(',').length : 0;
}

function lostSummary(context: ClaimContext): string {
  const name = context.claim.spec?.volumeName ?? '';
  const pv = name ? volume(context, name) : undefined;
  const why = !name
    ? 'its spec.volumeName was cleared'
    : !pv
      ? `its volume "${name}" no longer exists`
      : `its volume "${name}" now points at another claim`;
  return `Lost: ${why}. The data is not reachable through this claim; it binds again once "${name}" exists and points back at it (R16).`;
}

// ---- a volume named in spec.volumeName -------------------------------------------------------

function namedVolumeSummary(context: ClaimContext, name: string): string {
  const named = volume(context, name);
  if (!named) {
    return `It names volume "${name}" in spec.volumeName, which does not exist: the claim waits for it, without any event (R25).`;
  }
  const ref = named.spec?.claimRef;
  const ownRef =
    ref && ref.namespace === context.claim.metadata?.namespace && ref.name === context.claim.metadata?.name;
  if (ref && !(ownRef && (!ref.uid || ref.uid === context.claim.metadata?.uid))) {
    return (
      `It names volume "${name}", which is already bound to a different claim (${ref.namespace ?? ''}/${ref.name ?? ''}` +
      `${ownRef ? ', an earlier claim of the same name' : ''}): FailedBinding (R25). Clear the volume's claimRef if that claim is gone (R36).`
    );
  }
  const mismatch = ref ? undefined : checkVolumeSatisfiesClaim(named, context.claim);
  if (mismatch) return `It names volume "${name}", which does not fit: ${mismatch} (VolumeMismatch, R25).`;
  return `It names volume "${name}", which fits: the PV controller binds them on its next sync (R25).`;
}

// ---- some volume fits ----------------------------------------------------------------------

function fitsButWaitingSummary(context: ClaimContext, eligible: readonly string[]): string {
  const fits = `${quoteList(eligible)} ${eligible.length > 1 ? 'fit' : 'fits'}`;
  if (!context.delayed) return `${fits}: the PV controller binds the claim on its next sync (R19-R23).`;
  const waiting = unscheduledPods(context);
  if (context.pods.length === 0) {
    return (
      `${fits}, but class "${context.className}" is WaitForFirstConsumer: the volume is chosen only when a pod ` +
      'that uses the claim is scheduled (R24, R51).'
    );
  }
  return `${fits}; the scheduler binds one when it places pod ${waiting || 'using the claim'} (R51).${schedulingTrouble(context)}`;
}

function unscheduledPods(context: ClaimContext): string {
  return quoteList(context.pods.filter((pod) => !pod.spec?.nodeName).map(nameOf));
}

/** Why the pods cannot be scheduled, as the scheduler last said. */
function schedulingTrouble(context: ClaimContext): string {
  for (const pod of context.pods) {
    if (pod.spec?.nodeName) continue;
    const message = latestEventMessage(eventsAbout(context.state, pod), 'FailedScheduling');
    if (message) return ` The scheduler says: ${message}`;
  }
  return '';
}

// ---- nothing fits ------------------------------------------------------------------------

function noFitSummary(context: ClaimContext, rows: readonly VolumeRow[]): string {
  const released = releasedButFitting(rows);
  if (released) {
    return (
      `Volume "${released}" would fit, but it still holds the claimRef of a deleted claim (Released). ` +
      `Clear it to make the volume Available: kubectl patch pv ${released} -p '{"spec":{"claimRef":null}}' (R36).`
    );
  }
  const className = context.className;
  if (!className) {
    return `No volume fits and the claim has no StorageClass, so nothing will be provisioned: an empty class never provisions (R28).${closest(rows)}`;
  }
  const storageClass = context.storageClass;
  if (!storageClass) {
    return (
      `StorageClass "${className}" does not exist, so nothing can be provisioned (ProvisioningFailed) and no ` +
      `existing volume of that class fits (R28). Create the class or fix spec.storageClassName.${closest(rows)}`
    );
  }
  if (context.delayed) return waitForFirstConsumerSummary(context, rows);
  if (storageClass.provisioner !== NO_PROVISIONER && context.claim.spec?.selector) {
    return `No volume matches, and a claim with a selector is never provisioned ("claim Selector is not supported", R32).${closest(rows)}`;
  }
  return provisioningSummary(context, rows);
}

function waitForFirstConsumerSummary(context: ClaimContext, rows: readonly VolumeRow[]): string {
  const className = context.className;
  const provisioner = context.storageClass?.provisioner ?? '';
  if (provisioner === NO_PROVISIONER) {
    const where = context.pods.length > 0 ? ' on a node its pod can use' : '';
    return (
      `Class "${className}" has no provisioner (${NO_PROVISIONER}): only existing volumes can serve the claim, ` +
      `and none fits${where} (R51).${closest(rows)}`
    );
  }
  if (context.pods.length === 0) {
    return `Class "${className}" is WaitForFirstConsumer: nothing is bound or provisioned until a pod that uses the claim is created (R28, R50).`;
  }
  const selectedNode = annotationOf(context.claim, ANN_SELECTED_NODE);
  if (selectedNode) return provisioningSummary(context, rows, ` for node "${selectedNode}"`);
  const waiting = unscheduledPods(context);
  if (waiting) {
    return `Waiting for pod ${waiting} to be scheduled; the volume is then provisioned in its node's topology (R52).${schedulingTrouble(context)}`;
  }
  return provisioningSummary(context, rows);
}

/** The class has a provisioner: is it running, and did it fail? */
function provisioningSummary(context: ClaimContext, rows: readonly VolumeRow[], target = ''): string {
  const failure = latestEventMessage(context.events, 'ProvisioningFailed');
  if (failure)
    return `No volume fits and provisioning${target} fails: ${failure} (ProvisioningFailed, R28, R32).`;
  const provisioner = context.storageClass?.provisioner ?? '';
  if (!provisioner.startsWith('kubernetes.io/') && !context.state.infra.drivers[provisioner]) {
    return (
      `No volume fits and it waits for provisioner "${provisioner}", which is not running in this cluster: ` +
      `no volume will be created (R29).${closest(rows)}`
    );
  }
  return `No existing volume fits; provisioner "${provisioner}" is creating one${target} (R29).`;
}

/** A volume failing only because it is Released: its claimRef (and so its phase) is all that is wrong. */
function releasedButFitting(rows: readonly VolumeRow[]): string | undefined {
  return rows.find((row) => {
    const failing = row.cells.filter((cell) => cell.result === 'fail').map((cell) => cell.criterion);
    return (
      failing.includes('claimRef') &&
      failing.every((criterion) => criterion === 'claimRef' || criterion === 'phase') &&
      row.cells.some((cell) => cell.criterion === 'phase' && cell.detail === 'Released')
    );
  })?.volume;
}

/** The nearest miss, when one volume fails on a single criterion. */
function closest(rows: readonly VolumeRow[]): string {
  for (const row of rows) {
    const failing = row.cells.filter((cell) => cell.result === 'fail');
    const [only] = failing;
    if (failing.length === 1 && only)
      return ` Closest: "${row.volume}" fails only on ${only.criterion} (${only.detail}).`;
  }
  return '';
}
