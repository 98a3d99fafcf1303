/**
 * One volume checked against one claim, criterion by criterion, with the rules the PV controller
 * (R19-R25) and the scheduler (R51) apply. The checks themselves are the controllers' helpers;
 * this module only says which apply and words the outcome.
 */
import { isVolumeBoundToClaim } from '../controllers/pv-binder';
import { nodeAffinityAllows } from '../controllers/volume-binding';
import { containsAllModes, formatAccessModes } from '../model/access-modes';
import { matchesLabelSelector } from '../model/labels';
import {
  claimRequest,
  isDeleting,
  nameOf,
  namespaceOf,
  uidOf,
  volumeCapacity,
  volumeClass,
  volumeModeOf,
} from '../model/object-helpers';
import { compareQuantities } from '../model/quantity';
import type { PersistentVolume } from '../model/types';
import { objectKey } from '../model/types';
import type { ClaimContext } from './claim-context';
import type { BindingCriterion, CriterionCell, VolumeRow } from './types';

export const CRITERIA: readonly BindingCriterion[] = [
  'class',
  'capacity',
  'accessModes',
  'volumeMode',
  'selector',
  'nodeAffinity',
  'claimRef',
  'phase',
];

/**
 * How the claim looks for a volume: `match` searches every volume (R19-R24, R51); `named` binds
 * only the volume in spec.volumeName (R25), which skips the selector and node checks.
 */
export type MatchMode = 'match' | 'named';

export function volumeRow(context: ClaimContext, volume: PersistentVolume, mode: MatchMode): VolumeRow {
  // A volume whose claimRef already names this claim skips class, selector and phase (R21).
  const prebound = isVolumeBoundToClaim(volume, context.claim);
  const cells: CriterionCell[] = [
    classCell(context, volume, prebound),
    capacityCell(context, volume),
    accessModesCell(context, volume),
    volumeModeCell(context, volume),
    selectorCell(context, volume, prebound, mode),
    nodeAffinityCell(context, volume, mode),
    claimRefCell(context, volume),
    phaseCell(volume, prebound),
  ];
  return { volume: nameOf(volume), cells, eligible: cells.every((cell) => cell.result !== 'fail') };
}

function cell(criterion: BindingCriterion, result: CriterionCell['result'], detail: string): CriterionCell {
  return { criterion, result, detail };
}

function showClass(name: string): string {
  return name ? `"${name}"` : 'no class';
}

function classCell(context: ClaimContext, volume: PersistentVolume, prebound: boolean): CriterionCell {
  if (prebound) return cell('class', 'n/a', 'not checked: the volume is pre-bound to this claim (R21)');
  const offered = volumeClass(volume);
  if (offered === context.className) {
    return cell('class', 'pass', offered ? `both "${offered}"` : 'neither has a class');
  }
  return cell(
    'class',
    'fail',
    `volume has ${showClass(offered)}, claim asks for ${showClass(context.className)}`,
  );
}

function capacityCell(context: ClaimContext, volume: PersistentVolume): CriterionCell {
  const capacity = volumeCapacity(volume);
  const request = claimRequest(context.claim);
  return compareQuantities(capacity, request) >= 0
    ? cell('capacity', 'pass', `${capacity} >= ${request} requested`)
    : cell('capacity', 'fail', `${capacity} < ${request} requested`);
}

function accessModesCell(context: ClaimContext, volume: PersistentVolume): CriterionCell {
  const offered = volume.spec?.accessModes;
  const requested = context.claim.spec?.accessModes ?? [];
  if (containsAllModes(offered, requested)) {
    return cell(
      'accessModes',
      'pass',
      `${formatAccessModes(offered)} includes ${formatAccessModes(requested)}`,
    );
  }
  const missing = requested.filter((mode) => !offered?.includes(mode));
  return cell(
    'accessModes',
    'fail',
    `${formatAccessModes(offered) || 'no modes'} lacks ${formatAccessModes(missing)}`,
  );
}

function volumeModeCell(context: ClaimContext, volume: PersistentVolume): CriterionCell {
  const offered = volumeModeOf(volume);
  const wanted = volumeModeOf(context.claim);
  return offered === wanted
    ? cell('volumeMode', 'pass', offered)
    : cell('volumeMode', 'fail', `volume is ${offered}, claim wants ${wanted}`);
}

function selectorCell(
  context: ClaimContext,
  volume: PersistentVolume,
  prebound: boolean,
  mode: MatchMode,
): CriterionCell {
  const selector = context.claim.spec?.selector;
  if (!selector) return cell('selector', 'n/a', 'the claim has no selector');
  if (mode === 'named')
    return cell('selector', 'n/a', 'ignored for the volume named in spec.volumeName (R25)');
  if (prebound) return cell('selector', 'n/a', 'not checked: the volume is pre-bound to this claim (R21)');
  const labels = Object.entries(volume.metadata?.labels ?? {}).map(([key, value]) => `${key}=${value}`);
  const shown = labels.length > 0 ? labels.join(',') : 'no labels';
  return matchesLabelSelector(selector, volume.metadata?.labels)
    ? cell('selector', 'pass', `labels ${shown} match`)
    : cell('selector', 'fail', `labels (${shown}) do not match the selector`);
}

function nodeAffinityCell(context: ClaimContext, volume: PersistentVolume, mode: MatchMode): CriterionCell {
  if (!context.delayed) {
    return cell(
      'nodeAffinity',
      'n/a',
      'Immediate binding: the PV controller does not check node affinity (R48)',
    );
  }
  if (mode === 'named') return cell('nodeAffinity', 'n/a', 'a named volume binds without a node (R25)');
  const nodes = context.candidateNodes;
  if (!nodes)
    return cell('nodeAffinity', 'n/a', 'no pod uses the claim yet: checked once one is scheduled (R51)');
  if (!volume.spec?.nodeAffinity?.required) return cell('nodeAffinity', 'pass', 'no node affinity: any node');
  const allowed = nodes.filter((node) => nodeAffinityAllows(volume, node)).map(nameOf);
  if (allowed.length > 0) return cell('nodeAffinity', 'pass', `allows ${allowed.join(', ')}`);
  const usable = nodes.length > 0 ? nodes.map(nameOf).join(', ') : 'no node';
  return cell('nodeAffinity', 'fail', `allows none of the nodes the pod can use: ${usable}`);
}

function claimRefCell(context: ClaimContext, volume: PersistentVolume): CriterionCell {
  const ref = volume.spec?.claimRef;
  if (!ref) return cell('claimRef', 'pass', 'free');
  const refName = `${ref.namespace ?? ''}/${ref.name ?? ''}`;
  if (isVolumeBoundToClaim(volume, context.claim)) {
    return ref.uid
      ? cell('claimRef', 'pass', 'bound to this claim')
      : cell('claimRef', 'pass', 'reserved for this claim (claimRef without uid)');
  }
  const sameName = ref.namespace === namespaceOf(context.claim) && ref.name === nameOf(context.claim);
  if (sameName) {
    return cell(
      'claimRef',
      'fail',
      `still holds the claimRef of a deleted claim of the same name (uid ${shortUid(ref.uid)}, not ${shortUid(uidOf(context.claim))}); clear spec.claimRef to reuse it (R36)`,
    );
  }
  const holder = context.state.objects.PersistentVolumeClaim[objectKey(ref.namespace, ref.name ?? '')];
  if (holder && (!ref.uid || uidOf(holder) === ref.uid)) {
    return cell('claimRef', 'fail', `${ref.uid ? 'bound to' : 'reserved for'} claim ${refName}`);
  }
  return cell(
    'claimRef',
    'fail',
    `still points at deleted claim ${refName}; clear spec.claimRef to reuse it (R36)`,
  );
}

/** The first block of a uid: enough to tell two claims apart in a sentence. */
function shortUid(uid: string | undefined): string {
  return (uid ?? '').split('-')[0] ?? '';
}

function phaseCell(volume: PersistentVolume, prebound: boolean): CriterionCell {
  const phase = volume.status?.phase ?? 'Pending';
  if (isDeleting(volume)) return cell('phase', 'fail', `${phase}, being deleted (R20)`);
  if (prebound)
    return cell('phase', 'n/a', `${phase}: not checked for a volume pre-bound to this claim (R21)`);
  return phase === 'Available' ? cell('phase', 'pass', 'Available') : cell('phase', 'fail', phase);
}
