/** The pod's QoS class as kubectl computes it when status does not say (kubectl util/qos.GetPodQOS). */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { quantityNanos } from '../../model/quantity';

const QOS_RESOURCES = ['cpu', 'memory'] as const;

export function podQosClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const container of containers) {
    const { requested, limited } = effectiveResources(container);
    addPositive(requests, requested);
    addPositive(limits, limited);
    if (!QOS_RESOURCES.every((name) => limited[name] !== undefined)) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (
    guaranteed &&
    [...requests].every(([name, value]) => limits.get(name) === value) &&
    requests.size === limits.size
  ) {
    return 'Guaranteed';
  }
  return 'Burstable';
}

/** CPU and memory only; the API server defaults a missing request to its limit. */
function effectiveResources(container: Container): {
  requested: Record<string, string>;
  limited: Record<string, string>;
} {
  const pick = (list: Readonly<Record<string, string>> | undefined) =>
    Object.fromEntries(
      QOS_RESOURCES.flatMap((name) => (list?.[name] !== undefined ? [[name, list[name]]] : [])),
    );
  const limited: Record<string, string> = pick(container.resources?.limits);
  const requested: Record<string, string> = { ...limited, ...pick(container.resources?.requests) };
  return { requested, limited };
}

function addPositive(into: Map<string, bigint>, list: Readonly<Record<string, string>>): void {
  for (const [name, quantity] of Object.entries(list)) {
    const nanos = quantityNanos(quantity);
    if (nanos > 0n) into.set(name, (into.get(name) ?? 0n) + nanos);
  }
}
