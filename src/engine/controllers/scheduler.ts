/**
 * The scheduler, as far as storage decides placement: pods wait for their claims (R47), avoid
 * ReadWriteOncePod conflicts (R54), follow their volumes' node affinity (R48), and trigger
 * WaitForFirstConsumer binding on the node they get (R51, R52). A pod is bound to its node only
 * once all its claims are fully bound.
 */
import type { Node, Pod } from '../model/types';
import { matchesNodeSelector, matchesNodeSelectorMap } from '../model/labels';
import {
  annotationOf,
  claimReferenceTo,
  isDeleting,
  nameOf,
  namespaceOf,
  uidOf,
} from '../model/object-helpers';
import { refOf } from '../model/types';
import { ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE } from '../model/well-known';
import type { Reason, RuleId } from '../sim/changes';
import type { ClusterWriter } from '../sim/writer';
import { isPodTerminated, podsByClaim } from './lookups';
import type { VolumePlan } from './volume-binding';
import {
  REASON_RWOP_CONFLICT,
  checkNodeVolumes,
  preFilterClaims,
  readWriteOncePodConflict,
  volumesByClass,
} from './volume-binding';

const SOURCE = { component: 'default-scheduler' };

function because(rule: RuleId | undefined, message: string, related?: Reason['related']): Reason {
  return { actor: 'default-scheduler', ...(rule ? { rule } : {}), message, ...(related ? { related } : {}) };
}

export function isNodeReady(writer: ClusterWriter, node: Node): boolean {
  if (writer.nodeFault(nameOf(node))) return false;
  const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
  return ready?.status !== 'False' && ready?.status !== 'Unknown';
}

export function runScheduler(writer: ClusterWriter): void {
  const pending = writer
    .list('Pod')
    .filter((pod) => !pod.spec?.nodeName && !isDeleting(pod) && !isPodTerminated(pod));
  if (pending.length === 0) return;
  const nodes = [...writer.list('Node')].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  for (const pod of pending) schedulePod(writer, pod, nodes);
}

function schedulePod(writer: ClusterWriter, pod: Pod, nodes: Node[]): void {
  const total = nodes.length;
  const prefilter = preFilterClaims(writer, pod);
  if ('reason' in prefilter) {
    failScheduling(writer, pod, `0/${total} nodes are available: ${prefilter.reason}.`, 'R47');
    return;
  }
  if (readWriteOncePodConflict(writer, pod, podsByClaim(writer))) {
    failScheduling(writer, pod, `0/${total} nodes are available: ${total} ${REASON_RWOP_CONFLICT}.`, 'R54');
    return;
  }
  const classIndex = volumesByClass(writer);
  const reasons = new Map<string, number>();
  const feasible: { node: Node; plan: VolumePlan }[] = [];
  for (const node of nodes) {
    const reason = nodeFilterReason(writer, pod, node);
    if (reason) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      continue;
    }
    const result = checkNodeVolumes(writer, prefilter.claims, node, classIndex);
    if ('reason' in result) {
      reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
      continue;
    }
    feasible.push({ node, plan: result.plan });
  }
  const choice = pickNode(writer, feasible);
  if (!choice) {
    const summary = [...reasons.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, count]) => `${count} ${reason}`)
      .join(', ');
    const storageRule = [...reasons.keys()].some((reason) => reason.includes('volume')) ? 'R48' : undefined;
    failScheduling(
      writer,
      pod,
      `0/${total} nodes are available: ${summary || 'no nodes available to schedule pods'}.`,
      storageRule,
    );
    return;
  }
  const { node, plan } = choice;
  const nodeName = nameOf(node);
  const podName = `${namespaceOf(pod)}/${nameOf(pod)}`;
  for (const { claim, volume } of plan.staticBindings) {
    if (volume.spec?.claimRef?.uid === uidOf(claim)) continue;
    writer.update(
      'PersistentVolume',
      {
        ...volume,
        metadata: {
          ...volume.metadata,
          annotations: { ...volume.metadata?.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' },
        },
        spec: {
          ...volume.spec,
          claimRef: claimReferenceTo(claim),
        },
      },
      because(
        'R52',
        `pod ${podName} fits node ${nodeName}, so the scheduler reserves volume ${nameOf(volume)} there for its claim ${nameOf(claim)} (the smallest that fits that node)`,
        [refOf(claim), refOf(pod)],
      ),
    );
  }
  for (const claim of plan.provision) {
    if (annotationOf(claim, ANN_SELECTED_NODE) === nodeName) continue;
    writer.update(
      'PersistentVolumeClaim',
      {
        ...claim,
        metadata: {
          ...claim.metadata,
          annotations: { ...claim.metadata?.annotations, [ANN_SELECTED_NODE]: nodeName },
        },
      },
      because(
        'R52',
        `pod ${podName} will run on ${nodeName}, so claim ${nameOf(claim)} is marked for provisioning there (selected-node)`,
        [refOf(pod)],
      ),
    );
  }
  const waitingForVolumes = plan.staticBindings.length > 0 || plan.provision.length > 0;
  if (waitingForVolumes) return;
  writer.update(
    'Pod',
    { ...pod, spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName } },
    because(undefined, `scheduled pod ${podName} to ${nodeName}${describeWhy(pod)}`, [
      { kind: 'Node', name: nodeName },
    ]),
  );
  writer.event(
    pod,
    'Normal',
    'Scheduled',
    `Successfully assigned ${podName} to ${nodeName}`,
    SOURCE,
    because(undefined, ''),
  );
}

function describeWhy(pod: Pod): string {
  return (pod.spec?.volumes ?? []).some((volume) => volume.persistentVolumeClaim)
    ? ': every claim it uses is bound and usable there'
    : '';
}

/** Non-storage filters: node readiness, nodeSelector, required node affinity. */
export function nodeFilterReason(writer: ClusterWriter, pod: Pod, node: Node): string | undefined {
  if (!isNodeReady(writer, node)) {
    // A node that stopped reporting is Ready=Unknown: the node lifecycle controller taints it unreachable.
    const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
    const taint =
      ready?.status === 'Unknown' ? 'node.kubernetes.io/unreachable' : 'node.kubernetes.io/not-ready';
    return `node(s) had untolerated taint {${taint}: }`;
  }
  if (node.spec?.unschedulable) return 'node(s) were unschedulable';
  const labels = node.metadata?.labels;
  const affinity = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (
    !matchesNodeSelectorMap(pod.spec?.nodeSelector, labels) ||
    (affinity && !matchesNodeSelector(affinity, labels, nameOf(node)))
  ) {
    return "node(s) didn't match Pod's node affinity/selector";
  }
  return undefined;
}

/** R53: storage does not rank nodes; the simulator spreads pods (fewest pods, then name). */
function pickNode(writer: ClusterWriter, feasible: { node: Node; plan: VolumePlan }[]) {
  if (feasible.length <= 1) return feasible[0];
  const counts = new Map<string, number>();
  for (const pod of writer.list('Pod')) {
    const nodeName = pod.spec?.nodeName;
    if (nodeName) counts.set(nodeName, (counts.get(nodeName) ?? 0) + 1);
  }
  return [...feasible].sort(
    (a, b) =>
      (counts.get(nameOf(a.node)) ?? 0) - (counts.get(nameOf(b.node)) ?? 0) ||
      nameOf(a.node).localeCompare(nameOf(b.node)),
  )[0];
}

function failScheduling(writer: ClusterWriter, pod: Pod, message: string, rule: RuleId | undefined): void {
  const full = `${message} preemption: 0/${writer.list('Node').length} nodes are available: ${writer.list('Node').length} Preemption is not helpful for scheduling.`;
  writer.event(pod, 'Warning', 'FailedScheduling', full, SOURCE, because(rule, ''));
  const condition = pod.status?.conditions?.find((item) => item.type === 'PodScheduled');
  if (condition?.status === 'False' && condition.message === message) return;
  const conditions = [
    ...(pod.status?.conditions ?? []).filter((item) => item.type !== 'PodScheduled'),
    { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message },
  ];
  writer.update(
    'Pod',
    { ...pod, status: { ...pod.status, phase: 'Pending', conditions } },
    because(rule, `pod ${namespaceOf(pod)}/${nameOf(pod)} cannot be scheduled: ${message}`),
  );
}
