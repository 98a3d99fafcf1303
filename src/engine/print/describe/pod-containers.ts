/** The `Containers:` (and `Init Containers:`) section of `kubectl describe pod` (describeContainers). */
import type { Container, ContainerState, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { podIps } from '../pod-ips';
import { quantityText } from '../quantity-text';
import { formatBool, formatRfc1123z } from './metadata';
import type { PrefixWriter } from './prefix-writer';

export function describeContainers(
  writer: PrefixWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[],
  pod: Pod,
): void {
  const statusByName = new Map(statuses.map((status) => [status.name, status]));
  writer.write(0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const status = statusByName.get(container.name);
    writer.write(1, `${container.name}:\n`);
    if (status) writer.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    writer.write(2, `Image:\t${container.image ?? ''}\n`);
    if (status) writer.write(2, `Image ID:\t${status.imageID}\n`);
    describePorts(writer, container);
    describeCommand(writer, container);
    if (status) describeState(writer, status);
    describeResources(writer, container);
    if ((container.envFrom ?? []).length > 0) describeEnvFrom(writer, container);
    describeEnv(writer, container, pod);
    describeMounts(writer, container);
  }
}

function describePorts(writer: PrefixWriter, container: Container): void {
  const ports = container.ports ?? [];
  // The API server defaults a port's protocol to TCP.
  const containerPorts = ports.map((port) => `${port.containerPort}/${port.protocol ?? 'TCP'}`).join(', ');
  const hostPorts = ports.map((port) => `${port.hostPort ?? 0}/${port.protocol ?? 'TCP'}`).join(', ');
  writer.write(
    2,
    containerPorts.includes(',') ? `Ports:\t${containerPorts}\n` : `Port:\t${containerPorts || '<none>'}\n`,
  );
  writer.write(
    2,
    hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`,
  );
}

function describeCommand(writer: PrefixWriter, container: Container): void {
  for (const [title, words] of [
    ['Command', container.command ?? []],
    ['Args', container.args ?? []],
  ] as const) {
    if (words.length === 0) continue;
    writer.write(2, `${title}:\n`);
    for (const word of words) for (const line of word.split('\n')) writer.write(3, `${line}\n`);
  }
}

function describeState(writer: PrefixWriter, status: ContainerStatus): void {
  describeContainerState(writer, 'State', status.state);
  if (status.lastState?.terminated) describeContainerState(writer, 'Last State', status.lastState);
  writer.write(2, `Ready:\t${formatBool(status.ready)}\n`);
  writer.write(2, `Restart Count:\t${status.restartCount}\n`);
}

/** describeStatus: Running with its start, Waiting with its reason, or Terminated with its exit. */
function describeContainerState(
  writer: PrefixWriter,
  title: string,
  state: ContainerState | undefined,
): void {
  if (state?.running) {
    writer.write(2, `${title}:\tRunning\n`);
    writer.write(3, `Started:\t${formatRfc1123z(state.running.startedAt)}\n`);
  } else if (state?.terminated) {
    const terminated = state.terminated;
    writer.write(2, `${title}:\tTerminated\n`);
    if (terminated.reason) writer.write(3, `Reason:\t${terminated.reason}\n`);
    if (terminated.message) writer.write(3, `Message:\t${terminated.message}\n`);
    writer.write(3, `Exit Code:\t${terminated.exitCode}\n`);
    if ((terminated.signal ?? 0) > 0) writer.write(3, `Signal:\t${terminated.signal ?? 0}\n`);
    writer.write(3, `Started:\t${formatRfc1123z(terminated.startedAt)}\n`);
    writer.write(3, `Finished:\t${formatRfc1123z(terminated.finishedAt)}\n`);
  } else {
    writer.write(2, `${title}:\tWaiting\n`);
    if (state?.waiting?.reason) writer.write(3, `Reason:\t${state.waiting.reason}\n`);
  }
}

function describeResources(writer: PrefixWriter, container: Container): void {
  for (const [title, list] of [
    ['Limits', container.resources?.limits ?? {}],
    ['Requests', container.resources?.requests ?? {}],
  ] as const) {
    const names = Object.keys(list).sort();
    if (names.length > 0) writer.write(2, `${title}:\n`);
    for (const name of names) writer.write(3, `${name}:\t${quantityText(list[name])}\n`);
  }
}

function describeEnvFrom(writer: PrefixWriter, container: Container): void {
  writer.write(2, 'Environment Variables from:\n');
  for (const source of container.envFrom ?? []) {
    const reference = source.configMapRef ?? source.secretRef;
    const from = source.configMapRef ? 'ConfigMap' : source.secretRef ? 'Secret' : '';
    const prefixed = source.prefix ? ` with prefix '${source.prefix}'` : '';
    writer.write(
      3,
      `${reference?.name ?? ''}\t${from}${prefixed}\tOptional: ${String(reference?.optional ?? false)}\n`,
    );
  }
}

function describeEnv(writer: PrefixWriter, container: Container, pod: Pod): void {
  const env = container.env ?? [];
  writer.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const variable of env) {
    const from = variable.valueFrom;
    if (!from) {
      (variable.value ?? '').split('\n').forEach((line, index) => {
        writer.write(3, index === 0 ? `${variable.name}:\t${line}\n` : `\t${line}\n`);
      });
    } else if (from.fieldRef) {
      const apiVersion = from.fieldRef.apiVersion ?? 'v1';
      writer.write(
        3,
        `${variable.name}:\t${fieldValue(pod, from.fieldRef.fieldPath)} (${apiVersion}:${from.fieldRef.fieldPath})\n`,
      );
    } else if (from.resourceFieldRef) {
      writer.write(
        3,
        `${variable.name}:\t${resourceValue(container, from.resourceFieldRef.resource)} (${from.resourceFieldRef.resource})\n`,
      );
    } else if (from.secretKeyRef) {
      const { key, name, optional } = from.secretKeyRef;
      writer.write(
        3,
        `${variable.name}:\t<set to the key '${key}' in secret '${name ?? ''}'>\tOptional: ${String(optional ?? false)}\n`,
      );
    } else if (from.configMapKeyRef) {
      const { key, name, optional } = from.configMapKeyRef;
      writer.write(
        3,
        `${variable.name}:\t<set to the key '${key}' of config map '${name ?? ''}'>\tOptional: ${String(optional ?? false)}\n`,
      );
    }
  }
}

/** The downward-API fields a pod can read about itself; an unknown path resolves to nothing. */
function fieldValue(pod: Pod, fieldPath: string): string {
  const labelOrAnnotation = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (labelOrAnnotation) {
    const map = labelOrAnnotation[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations;
    return map?.[labelOrAnnotation[2] ?? ''] ?? '';
  }
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': podIps(pod)[0],
    'status.podIPs': podIps(pod).join(','),
  };
  return fields[fieldPath] ?? '';
}

/** A container's own limit or request; unset CPU and memory limits mean the node's allocatable. */
function resourceValue(container: Container, resource: string): string {
  const [kind, name] = resource.split('.');
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
  const value = name ? list?.[name] : undefined;
  if (value === undefined && (resource === 'limits.cpu' || resource === 'limits.memory'))
    return 'node allocatable';
  return value === undefined ? '0' : quantityText(value);
}

function describeMounts(writer: PrefixWriter, container: Container): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => compareStrings(a.mountPath, b.mountPath));
  const none = mounts.length === 0 ? '\t<none>' : '';
  writer.write(2, `Mounts:${none}\n`);
  for (const mount of mounts) {
    const flags = [
      mount.readOnly ? 'ro' : 'rw',
      ...(mount.subPath ? [`path=${JSON.stringify(mount.subPath)}`] : []),
    ];
    writer.write(3, `${mount.mountPath} from ${mount.name} (${flags.join(',')})\n`);
  }
  const devices = [...(container.volumeDevices ?? [])].sort((a, b) =>
    compareStrings(a.devicePath, b.devicePath),
  );
  if (devices.length === 0) return;
  // kubectl reuses the mounts' "<none>" marker here.
  writer.write(2, `Devices:${none}\n`);
  for (const device of devices) writer.write(3, `${device.devicePath} from ${device.name}\n`);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
