/** `kubectl get pods` (printPod). */
import { nameOf } from '../../model/object-helpers';
import type { Pod } from '../../model/types';
import { ageSince } from '../age';
import { podIps } from '../pod-ips';
import { summarizePod } from './pod-status';
import type { TableDefinition } from './table';
import { noneCell } from './table';

export const POD_TABLE: TableDefinition<'Pod'> = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    { name: 'Age' },
    { name: 'IP', wide: true },
    { name: 'Node', wide: true },
    { name: 'Nominated Node', wide: true },
    { name: 'Readiness Gates', wide: true },
  ],
  row: (pod, { clock }) => {
    const summary = summarizePod(pod, clock);
    return [
      nameOf(pod),
      summary.ready,
      summary.status,
      summary.restarts,
      ageSince(pod.metadata?.creationTimestamp, clock),
      noneCell(podIps(pod)[0]),
      noneCell(pod.spec?.nodeName),
      noneCell(pod.status?.nominatedNodeName),
      readinessGates(pod),
    ];
  },
};

/** "true gates/all gates", or <none> when the pod declares none. */
function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const met = gates.filter(
    (gate) => conditions.find((condition) => condition.type === gate.conditionType)?.status === 'True',
  ).length;
  return `${met}/${gates.length}`;
}
