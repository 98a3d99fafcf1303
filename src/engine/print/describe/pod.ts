/** `kubectl describe pod` (describePod). */
import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import type { ClusterState } from '../../sim/state';
import { ageSince } from '../age';
import { podIps } from '../pod-ips';
import type { DescriberSettings } from './settings';
import { DEFAULT_DESCRIBER_SETTINGS } from './settings';
import { describeEvents } from './events';
import { formatRfc1123z, printAnnotationsMultiline, printLabelsMultiline } from './metadata';
import { describeContainers } from './pod-containers';
import { podQosClass } from './pod-qos';
import type { PrefixWriter } from './prefix-writer';
import { tabbedString } from './prefix-writer';
import { printPodVolumeSource } from './volume-sources';

export function describePod(
  state: ClusterState,
  pod: Pod,
  settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS,
): string {
  return tabbedString((writer) => {
    const metadata = pod.metadata ?? {};
    const spec = pod.spec;
    const status = pod.status ?? {};
    writer.write(0, `Name:\t${metadata.name ?? ''}\n`);
    writer.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
    if (spec?.priority !== undefined) writer.write(0, `Priority:\t${spec.priority}\n`);
    if (spec?.priorityClassName) writer.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec?.runtimeClassName) writer.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec?.serviceAccountName) writer.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
    writer.write(0, spec?.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) writer.write(0, `Start Time:\t${formatRfc1123z(status.startTime)}\n`);
    printLabelsMultiline(writer, 'Labels', metadata.labels);
    printAnnotationsMultiline(writer, 'Annotations', metadata.annotations);
    if (metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      writer.write(0, `Status:\tTerminating (lasts ${ageSince(metadata.deletionTimestamp, state.clock)})\n`);
      writer.write(0, `Termination Grace Period:\t${metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      writer.write(0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) writer.write(0, `Reason:\t${status.reason}\n`);
    if (status.message) writer.write(0, `Message:\t${status.message}\n`);
    const ips = podIps(pod);
    writer.write(0, `IP:\t${ips[0] ?? ''}\n`);
    if (ips.length === 0) {
      writer.write(0, 'IPs:\t<none>\n');
    } else {
      writer.write(0, 'IPs:\n');
      for (const ip of ips) writer.write(1, `IP:\t${ip}\n`);
    }
    const controller = metadata.ownerReferences?.find((owner) => owner.controller);
    if (controller) writer.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
    if (status.nominatedNodeName) writer.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if ((spec?.initContainers ?? []).length > 0) {
      describeContainers(
        writer,
        'Init Containers',
        spec?.initContainers ?? [],
        status.initContainerStatuses ?? [],
        pod,
      );
    }
    describeContainers(writer, 'Containers', spec?.containers ?? [], status.containerStatuses ?? [], pod);
    describeReadinessGates(writer, pod);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      writer.write(0, 'Conditions:\n  Type\tStatus\n');
      for (const condition of conditions) writer.write(1, `${condition.type} \t${condition.status} \n`);
    }
    describeVolumes(writer, pod);
    writer.write(0, `QoS Class:\t${podQosClass(pod)}\n`);
    printLabelsMultiline(writer, 'Node-Selectors', spec?.nodeSelector);
    printTolerations(writer, spec?.tolerations ?? []);
    if (settings.showEvents) describeEvents(writer, state, pod);
  });
}

function describeReadinessGates(writer: PrefixWriter, pod: Pod): void {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return;
  writer.write(0, 'Readiness Gates:\n  Type\tStatus\n');
  for (const gate of gates) {
    const condition = pod.status?.conditions?.find((item) => item.type === gate.conditionType);
    writer.write(1, `${gate.conditionType} \t${condition?.status ?? '<none>'} \n`);
  }
}

function describeVolumes(writer: PrefixWriter, pod: Pod): void {
  const volumes = pod.spec?.volumes ?? [];
  if (volumes.length === 0) {
    writer.write(0, 'Volumes:\t<none>\n');
    return;
  }
  writer.write(0, 'Volumes:\n');
  for (const volume of volumes) {
    writer.write(1, `${volume.name}:\n`);
    printPodVolumeSource(writer, volume);
  }
}

/** printPodTolerationsMultiline: `key=value:Effect op=Exists for Ns`, in key order. */
function printTolerations(writer: PrefixWriter, tolerations: readonly Toleration[]): void {
  writer.write(0, 'Tolerations:\t');
  if (tolerations.length === 0) {
    writer.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  sorted.forEach((toleration, index) => {
    if (index !== 0) writer.write(0, '\t');
    let text = toleration.key ?? '';
    if (toleration.value) text += `=${toleration.value}`;
    if (toleration.effect) text += `:${toleration.effect}`;
    if (toleration.operator === 'Exists' && !toleration.value) {
      text += toleration.key || toleration.effect ? ' op=Exists' : 'op=Exists';
    }
    if (toleration.tolerationSeconds !== undefined) text += ` for ${toleration.tolerationSeconds}s`;
    writer.write(0, `${text}\n`);
  });
}
