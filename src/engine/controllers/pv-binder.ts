/**
 * The PV controller's binder (pkg/controller/volume/persistentvolume/pv_controller.go): it keeps
 * PV phases true (R15, R17), binds claims to volumes (R19-R26), notices lost claims (R16) and
 * hands unmatched claims to provisioning or tells why they wait (R27-R30).
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../model/types';
import { containsAllModes, formatAccessModes } from '../model/access-modes';
import {
  annotationOf,
  claimClass,
  claimHasNoClass,
  claimRequest,
  isDeleting,
  nameOf,
  namespaceOf,
  uidOf,
  volumeCapacity,
  volumeClass,
  volumeModeOf,
  claimReferenceTo,
} from '../model/object-helpers';
import { compareQuantities, describeQuantity } from '../model/quantity';
import { objectKey, refOf } from '../model/types';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  NO_PROVISIONER,
} from '../model/well-known';
import { migratedDriverFor } from '../infra/drivers';
import { findDefaultClass } from '../api/admission';
import type { Reason, RuleId } from '../sim/changes';
import type { ClusterWriter } from '../sim/writer';
import { isDelayBinding, isPodTerminated, podsByClaim } from './lookups';
import { VolumeIndex } from './volume-index';

const SOURCE = { component: 'persistentvolume-controller' };

function because(rule: RuleId, message: string, related?: Reason['related']): Reason {
  return { actor: 'persistentvolume-controller', rule, message, ...(related ? { related } : {}) };
}

export function runPersistentVolumeBinder(writer: ClusterWriter): void {
  for (const volume of writer.list('PersistentVolume')) syncVolume(writer, volume);
  const index = new VolumeIndex(writer.list('PersistentVolume'));
  const pods = podsByClaim(writer);
  for (const claim of writer.list('PersistentVolumeClaim')) {
    const current = writer.get('PersistentVolumeClaim', objectKey(namespaceOf(claim), nameOf(claim)));
    if (!current) continue;
    if (annotationOf(current, ANN_BIND_COMPLETED) === undefined)
      syncUnboundClaim(writer, current, index, pods);
    else syncBoundClaim(writer, current);
  }
}

// ---- volumes ---------------------------------------------------------------------------------

function setVolumePhase(
  writer: ClusterWriter,
  volume: PersistentVolume,
  phase: string,
  reason: Reason,
  message?: string,
) {
  if (volume.status?.phase === phase && (message === undefined || volume.status.message === message))
    return volume;
  const status = { ...volume.status, phase };
  if (message !== undefined) status.message = message;
  else delete status.message;
  return writer.update('PersistentVolume', { ...volume, status }, reason);
}

function syncVolume(writer: ClusterWriter, volume: PersistentVolume): void {
  const claimRef = volume.spec?.claimRef;
  const name = nameOf(volume);
  if (!claimRef) {
    setVolumePhase(
      writer,
      volume,
      'Available',
      because('R15', `volume ${name} has no claimRef, so it is Available to any matching claim`),
    );
    return;
  }
  if (!claimRef.uid) {
    setVolumePhase(
      writer,
      volume,
      'Available',
      because(
        'R15',
        `volume ${name} is reserved for claim ${claimRef.namespace}/${claimRef.name} and waits for it (claimRef without uid)`,
      ),
    );
    return;
  }
  const claim = writer.get('PersistentVolumeClaim', objectKey(claimRef.namespace, claimRef.name ?? ''));
  const claimRefText = `${claimRef.namespace}/${claimRef.name}`;
  if (!claim || uidOf(claim) !== claimRef.uid) {
    if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
      setVolumePhase(
        writer,
        volume,
        'Released',
        because(
          'R36',
          claim
            ? `volume ${name} is Released: claim ${claimRefText} was recreated with a new uid, so it is not the claim this volume was bound to`
            : `volume ${name} is Released: its claim ${claimRefText} no longer exists; it keeps the claimRef until reclaimed`,
        ),
      );
    }
    return;
  }
  const volumeName = claim.spec?.volumeName ?? '';
  if (!volumeName) {
    if (volumeModeOf(claim) !== volumeModeOf(volume)) {
      writer.event(
        volume,
        'Warning',
        'VolumeMismatch',
        `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${nameOf(claim)}" due to incompatible volumeMode.`,
        SOURCE,
        because('R25', ''),
      );
      writer.event(
        claim,
        'Warning',
        'VolumeMismatch',
        `Cannot bind PersistentVolume "${name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`,
        SOURCE,
        because('R25', ''),
      );
    }
    // The claim sync completes the binding.
    return;
  }
  if (volumeName === name) {
    setVolumePhase(
      writer,
      volume,
      'Bound',
      because('R17', `volume ${name} is Bound to claim ${claimRefText}, which points back at it`, [
        refOf(claim),
      ]),
    );
    return;
  }
  // The claim this volume points at is bound to another volume.
  if (
    annotationOf(volume, ANN_PROVISIONED_BY) !== undefined &&
    volume.spec?.persistentVolumeReclaimPolicy === 'Delete'
  ) {
    if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
      setVolumePhase(
        writer,
        volume,
        'Released',
        because(
          'R35',
          `volume ${name} was provisioned for claim ${claimRefText}, which bound ${volumeName} instead; it is Released and will be deleted`,
        ),
      );
    }
    return;
  }
  unbindVolume(writer, volume, `claim ${claimRefText} is bound to ${volumeName} instead`);
}

/** R17 rows 4 and 5: controller-made binding is undone; a user's pre-binding loses only its uid. */
function unbindVolume(writer: ClusterWriter, volume: PersistentVolume, why: string): void {
  const annotations = { ...volume.metadata?.annotations };
  let spec = volume.spec ?? {};
  let message: string;
  if (annotations[ANN_BOUND_BY_CONTROLLER] !== undefined) {
    const { claimRef: _claimRef, ...rest } = spec;
    spec = rest;
    delete annotations[ANN_BOUND_BY_CONTROLLER];
    message = `volume ${nameOf(volume)} is Available again and its claimRef is cleared: ${why}`;
  } else {
    const { uid: _uid, ...claimRef } = spec.claimRef ?? {};
    spec = { ...spec, claimRef };
    message = `volume ${nameOf(volume)} is Available again, still reserved for ${claimRef.namespace}/${claimRef.name} (the user pre-bound it): ${why}`;
  }
  const { annotations: _previous, ...metadataRest } = volume.metadata ?? {};
  const metadata = Object.keys(annotations).length === 0 ? metadataRest : { ...metadataRest, annotations };
  writer.update(
    'PersistentVolume',
    { ...volume, metadata, spec, status: { ...volume.status, phase: 'Available' } },
    because('R17', message),
  );
}

// ---- claims ----------------------------------------------------------------------------------

function syncUnboundClaim(
  writer: ClusterWriter,
  claim: PersistentVolumeClaim,
  index: VolumeIndex,
  pods: Map<string, Pod[]>,
): void {
  const claimName = `${namespaceOf(claim)}/${nameOf(claim)}`;
  const volumeName = claim.spec?.volumeName;
  if (!volumeName) {
    const delayBinding = isDelayBinding(writer, claim);
    const match = index.findBestMatch(claim, delayBinding);
    if (match) {
      index.take(match.volume);
      bind(writer, match.volume, claim, describeMatch(claim, match.volume, match.prebound));
      return;
    }
    if (claimHasNoClass(claim)) {
      const defaultClass = findDefaultClass(writer);
      if (defaultClass) {
        writer.update(
          'PersistentVolumeClaim',
          { ...claim, spec: { ...claim.spec, storageClassName: nameOf(defaultClass) } },
          because(
            'R27',
            `claim ${claimName} named no class and nothing matched; it now uses the default StorageClass "${nameOf(defaultClass)}"`,
          ),
        );
        return;
      }
    }
    if (delayBinding && annotationOf(claim, ANN_SELECTED_NODE) === undefined) {
      emitWaitForFirstConsumer(writer, claim, pods.get(objectKey(namespaceOf(claim), nameOf(claim))) ?? []);
    } else if (claimClass(claim) !== '') {
      provisionClaim(writer, claim);
    } else {
      writer.event(
        claim,
        'Normal',
        'FailedBinding',
        'no persistent volumes available for this claim and no storage class is set',
        SOURCE,
        because('R28', ''),
      );
    }
    setClaimPending(writer, claim);
    return;
  }

  const volume = writer.get('PersistentVolume', volumeName);
  if (!volume) {
    // R25: waits quietly for the named volume.
    setClaimPending(writer, claim);
    return;
  }
  if (!volume.spec?.claimRef) {
    const mismatch = checkVolumeSatisfiesClaim(volume, claim);
    if (mismatch) {
      writer.event(
        claim,
        'Warning',
        'VolumeMismatch',
        `Cannot bind to requested volume "${volumeName}": ${mismatch}`,
        SOURCE,
        because('R25', ''),
      );
      setClaimPending(writer, claim);
      return;
    }
    bind(
      writer,
      volume,
      claim,
      `claim ${claimName} names volume ${volumeName} in spec.volumeName, and the volume is free and fits (R25)`,
    );
    return;
  }
  if (isVolumeBoundToClaim(volume, claim)) {
    bind(
      writer,
      volume,
      claim,
      `claim ${claimName} names volume ${volumeName}, whose claimRef already points back at it`,
    );
    return;
  }
  if (annotationOf(claim, ANN_BOUND_BY_CONTROLLER) === undefined) {
    writer.event(
      claim,
      'Warning',
      'FailedBinding',
      `volume "${volumeName}" already bound to a different claim.`,
      SOURCE,
      because('R25', ''),
    );
    setClaimPending(writer, claim);
  }
}

function syncBoundClaim(writer: ClusterWriter, claim: PersistentVolumeClaim): void {
  const volumeName = claim.spec?.volumeName;
  if (!volumeName) {
    markClaimLost(
      writer,
      claim,
      'ClaimLost',
      'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!',
    );
    return;
  }
  const volume = writer.get('PersistentVolume', volumeName);
  if (!volume) {
    markClaimLost(
      writer,
      claim,
      'ClaimLost',
      'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
    );
    return;
  }
  const claimRef = volume.spec?.claimRef;
  if (!claimRef || claimRef.uid === uidOf(claim)) {
    bind(
      writer,
      volume,
      claim,
      `claim ${namespaceOf(claim)}/${nameOf(claim)} and volume ${volumeName} point at each other again`,
    );
    return;
  }
  markClaimLost(
    writer,
    claim,
    'ClaimMisbound',
    'Two claims are bound to the same volume, this one is bound incorrectly',
  );
}

function markClaimLost(
  writer: ClusterWriter,
  claim: PersistentVolumeClaim,
  reason: string,
  message: string,
): void {
  // updateClaimStatusWithEvent: the event goes with the transition, not with every resync.
  if (claim.status?.phase === 'Lost') return;
  const { capacity: _capacity, accessModes: _modes, ...status } = claim.status ?? {};
  writer.update(
    'PersistentVolumeClaim',
    { ...claim, status: { ...status, phase: 'Lost' } },
    because('R16', `claim ${namespaceOf(claim)}/${nameOf(claim)} is Lost: ${message}`),
  );
  writer.event(claim, 'Warning', reason, message, SOURCE, because('R16', ''));
}

function setClaimPending(writer: ClusterWriter, stale: PersistentVolumeClaim): void {
  // Earlier steps of this sync may have written the claim: work on the stored version.
  const claim = writer.get('PersistentVolumeClaim', objectKey(namespaceOf(stale), nameOf(stale))) ?? stale;
  const status = claim.status ?? {};
  if (status.phase === 'Pending' && status.capacity === undefined && status.accessModes === undefined) return;
  const { capacity: _capacity, accessModes: _modes, ...rest } = status;
  writer.update(
    'PersistentVolumeClaim',
    { ...claim, status: { ...rest, phase: 'Pending' } },
    because('R16', `claim ${namespaceOf(claim)}/${nameOf(claim)} is Pending: it is not bound`),
  );
}

export function isVolumeBoundToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== nameOf(claim) || ref.namespace !== namespaceOf(claim)) return false;
  return !ref.uid || ref.uid === uidOf(claim);
}

/** checkVolumeSatisfyClaim: why a named volume cannot serve the claim, or undefined. */
export function checkVolumeSatisfiesClaim(
  volume: PersistentVolume,
  claim: PersistentVolumeClaim,
): string | undefined {
  if (isDeleting(volume)) return 'the volume is being deleted';
  if (compareQuantities(volumeCapacity(volume), claimRequest(claim)) < 0) return 'requested PV is too small';
  if (volumeClass(volume) !== claimClass(claim)) return 'storageClassName does not match';
  if (volumeModeOf(volume) !== volumeModeOf(claim)) return 'incompatible volumeMode';
  if (!containsAllModes(volume.spec?.accessModes, claim.spec?.accessModes)) return 'incompatible accessMode';
  return undefined;
}

/** R26: what a bind writes on both objects. */
export function bind(
  writer: ClusterWriter,
  volume: PersistentVolume,
  claim: PersistentVolumeClaim,
  why: string,
): void {
  const claimRefCurrent = volume.spec?.claimRef;
  const needsClaimRef =
    !claimRefCurrent ||
    claimRefCurrent.name !== nameOf(claim) ||
    claimRefCurrent.namespace !== namespaceOf(claim) ||
    claimRefCurrent.uid !== uidOf(claim);
  const volumeAnnotations = { ...volume.metadata?.annotations };
  if (!isVolumeBoundToClaim(volume, claim)) volumeAnnotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
  const boundVolume: PersistentVolume = {
    ...volume,
    metadata: { ...volume.metadata, annotations: volumeAnnotations },
    spec: needsClaimRef
      ? {
          ...volume.spec,
          claimRef: claimReferenceTo(claim),
        }
      : volume.spec,
    status: { ...volume.status, phase: 'Bound' },
  };
  if (Object.keys(volumeAnnotations).length === 0) delete boundVolume.metadata?.annotations;
  const related = [refOf(claim)];
  writer.update('PersistentVolume', boundVolume, because('R26', why, related));

  const claimAnnotations = { ...claim.metadata?.annotations };
  const namesVolume = claim.spec?.volumeName === nameOf(volume);
  if (!namesVolume) claimAnnotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
  claimAnnotations[ANN_BIND_COMPLETED] = 'yes';
  const becomingBound = claim.status?.phase !== 'Bound';
  const status = {
    ...claim.status,
    phase: 'Bound',
    accessModes: volume.spec?.accessModes ?? [],
    ...(becomingBound ? { capacity: { ...claim.status?.capacity, storage: volumeCapacity(volume) } } : {}),
  };
  writer.update(
    'PersistentVolumeClaim',
    {
      ...claim,
      metadata: { ...claim.metadata, annotations: claimAnnotations },
      spec: { ...claim.spec, volumeName: nameOf(volume) },
      status,
    },
    because('R26', why, [refOf(volume)]),
  );
}

function describeMatch(claim: PersistentVolumeClaim, volume: PersistentVolume, prebound: boolean): string {
  const claimName = `${namespaceOf(claim)}/${nameOf(claim)}`;
  if (prebound) {
    return annotationOf(volume, ANN_PROVISIONED_BY)
      ? `bound claim ${claimName} to ${nameOf(volume)}, the volume provisioned for it (R34)`
      : `bound claim ${claimName} to ${nameOf(volume)}, whose claimRef reserves it for this claim (R21)`;
  }
  const modes = formatAccessModes(claim.spec?.accessModes);
  const className = claimClass(claim);
  return `bound claim ${claimName} to ${nameOf(volume)}: the smallest Available volume with ${modes}, at least ${describeQuantity(claimRequest(claim))} and class ${className ? `"${className}"` : '""'} (R19-R23)`;
}

function emitWaitForFirstConsumer(writer: ClusterWriter, claim: PersistentVolumeClaim, users: Pod[]): void {
  const waiting = users
    .filter((pod) => !pod.spec?.nodeName && !isPodTerminated(pod))
    .map((pod) => nameOf(pod));
  if (waiting.length === 0) {
    writer.event(
      claim,
      'Normal',
      'WaitForFirstConsumer',
      'waiting for first consumer to be created before binding',
      SOURCE,
      because('R28', ''),
    );
  } else {
    const message =
      waiting.length > 1
        ? `waiting for pods ${waiting.join(',')} to be scheduled`
        : `waiting for pod ${waiting[0]} to be scheduled`;
    writer.event(claim, 'Normal', 'WaitForPodScheduled', message, SOURCE, because('R28', ''));
  }
}

/** R28/R29: find who provisions the claim's class and hand the claim to it. */
/**
 * The external provisioner a class's claims are handed to (R28, R29): its own name, or for an
 * in-tree `kubernetes.io/` name the CSI driver it migrated to; undefined when no plugin matches
 * (including `kubernetes.io/no-provisioner`). Whether that provisioner runs is another question.
 */
export function externalProvisionerOf(provisioner: string): string | undefined {
  if (!provisioner.startsWith('kubernetes.io/')) return provisioner;
  if (provisioner === NO_PROVISIONER) return undefined;
  return migratedDriverFor(provisioner)?.name;
}

function provisionClaim(writer: ClusterWriter, claim: PersistentVolumeClaim): void {
  const className = claimClass(claim);
  const storageClass = writer.get('StorageClass', className);
  if (!storageClass) {
    writer.event(
      claim,
      'Warning',
      'ProvisioningFailed',
      `storageclass.storage.k8s.io "${className}" not found`,
      SOURCE,
      because('R28', ''),
    );
    return;
  }
  const provisioner = storageClass.provisioner;
  const external = externalProvisionerOf(provisioner);
  if (!external) {
    writer.event(
      claim,
      'Warning',
      'ProvisioningFailed',
      `no volume plugin matched name: ${provisioner}`,
      SOURCE,
      because('R28', ''),
    );
    return;
  }
  if (
    annotationOf(claim, ANN_STORAGE_PROVISIONER) !== external ||
    annotationOf(claim, ANN_BETA_STORAGE_PROVISIONER) !== external
  ) {
    writer.update(
      'PersistentVolumeClaim',
      {
        ...claim,
        metadata: {
          ...claim.metadata,
          annotations: {
            ...claim.metadata?.annotations,
            [ANN_STORAGE_PROVISIONER]: external,
            [ANN_BETA_STORAGE_PROVISIONER]: external,
          },
        },
      },
      because(
        'R29',
        `no existing volume fits claim ${namespaceOf(claim)}/${nameOf(claim)}, so it is handed to provisioner ${external} of class "${className}"`,
      ),
    );
  }
  writer.event(
    claim,
    'Normal',
    'ExternalProvisioning',
    `Waiting for a volume to be created either by the external provisioner '${external}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    SOURCE,
    because('R29', ''),
  );
}
