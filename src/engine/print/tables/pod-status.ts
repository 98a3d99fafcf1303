/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pods`, computed as printPod does: the phase,
 * overridden by init-container progress, then by the last container's waiting or terminated
 * reason, then by Terminating while the pod is being deleted.
 */
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { secondsOf } from '../../sim/ids';
import { ageSince } from '../age';

export interface PodSummary {
  readonly ready: string;
  readonly status: string;
  readonly restarts: string;
}

/** The pod reason the node lifecycle controller sets when a node stops responding. */
const NODE_LOST_REASON = 'NodeLost';

/** Restart counts and the time of the newest restart, folded over container statuses. */
interface RestartTally {
  count: number;
  lastRestart: string | undefined;
}

export function summarizePod(pod: Pod, clock: number): PodSummary {
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  const gated = (status.conditions ?? []).some(
    (condition) => condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated',
  );
  let reason = gated ? 'SchedulingGated' : status.reason || phase;
  const init = initProgress(pod);
  let ready = init.readySidecars;
  let restarts = init.allRestarts;
  if (init.blockingReason !== undefined) reason = init.blockingReason;

  if (init.blockingReason === undefined || hasTrueCondition(pod, 'Initialized')) {
    // Once initialized, only sidecar restarts count among the init containers'.
    restarts = { ...init.sidecarRestarts };
    let hasRunning = false;
    for (const container of [...(status.containerStatuses ?? [])].reverse()) {
      tally(restarts, container);
      const terminated = container.state?.terminated;
      if (container.state?.waiting?.reason) reason = container.state.waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = exitDescription(terminated);
      else if (container.ready && container.state?.running) {
        hasRunning = true;
        ready += 1;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = hasTrueCondition(pod, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp) {
    if (status.reason === NODE_LOST_REASON) reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  }

  const total = (pod.spec?.containers ?? []).length + init.sidecarCount;
  const restartText =
    restarts.count !== 0 && restarts.lastRestart
      ? `${restarts.count} (${ageSince(restarts.lastRestart, clock)} ago)`
      : String(restarts.count);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}

interface InitProgress {
  /** "Init:1/2", "Init:CrashLoopBackOff"...: set while an init container holds the pod back. */
  readonly blockingReason: string | undefined;
  readonly sidecarCount: number;
  readonly readySidecars: number;
  readonly allRestarts: RestartTally;
  readonly sidecarRestarts: RestartTally;
}

/** Walks the init containers in order up to the first one that has not finished. */
function initProgress(pod: Pod): InitProgress {
  const initContainers = new Map(
    (pod.spec?.initContainers ?? []).map((container) => [container.name, container]),
  );
  const allRestarts: RestartTally = { count: 0, lastRestart: undefined };
  const sidecarRestarts: RestartTally = { count: 0, lastRestart: undefined };
  let readySidecars = 0;
  let blockingReason: string | undefined;
  for (const [index, container] of (pod.status?.initContainerStatuses ?? []).entries()) {
    const sidecar = isSidecar(initContainers.get(container.name));
    tally(allRestarts, container);
    if (sidecar) tally(sidecarRestarts, container);
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated?.exitCode === 0) continue;
    if (sidecar && container.started) {
      if (container.ready) readySidecars += 1;
      continue;
    }
    if (terminated) blockingReason = `Init:${terminated.reason || exitDescription(terminated)}`;
    else if (waiting?.reason && waiting.reason !== 'PodInitializing')
      blockingReason = `Init:${waiting.reason}`;
    else blockingReason = `Init:${index}/${initContainers.size}`;
    break;
  }
  const sidecarCount = [...initContainers.values()].filter(isSidecar).length;
  return { blockingReason, sidecarCount, readySidecars, allRestarts, sidecarRestarts };
}

/** Restartable init containers (restartPolicy Always) are sidecars: they count as containers. */
function isSidecar(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function tally(into: RestartTally, container: ContainerStatus): void {
  into.count += container.restartCount;
  const finishedAt = container.lastState?.terminated?.finishedAt;
  if (finishedAt && (!into.lastRestart || secondsOf(finishedAt) > secondsOf(into.lastRestart))) {
    into.lastRestart = finishedAt;
  }
}

function exitDescription(terminated: { exitCode: number; signal?: number }): string {
  return terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
}

function hasTrueCondition(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some(
    (condition) => condition.type === type && condition.status === 'True',
  );
}
