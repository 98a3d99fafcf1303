/**
 * Runs a generated scenario against a fresh Cluster and checks the invariants along the way:
 * after every operation, that a refused call changed nothing (6) and that no protected file was
 * lost (3); after every settle, convergence (5), binding agreement (1), fit (2), storage behind
 * bound volumes (4) and no silent handover of a volume (8). An exception from the engine counts
 * as a violation too. Returns the final state, a readable trace of what was asked and answered,
 * the history the harness kept, and the violations of the first operation that broke an
 * invariant (the run stops there). Determinism (7) is checked by running a scenario twice.
 */
import { Cluster } from '../cluster';
import type { ObjectRef } from '../model/types';
import type { ClusterState } from '../sim/state';
import type { Op, Pool, Scenario } from './arbitraries';
import {
  FILE_NAMES,
  NAMESPACE,
  invalidManifest,
  mountPathOf,
  poolManifest,
  poolName,
  toYaml,
} from './arbitraries';
import {
  checkBindCompatibility,
  checkBindingAgreement,
  checkBoundVolumeAssets,
  checkNoSilentHandover,
  checkRetainedFiles,
} from './invariants';
import type { History } from './model';
import { emptyHistory, noteReconcileEnd, noteReconcileStart, noteUserOperation, noteWrite } from './model';

export interface RunReport {
  readonly state: ClusterState;
  /** One line per operation: what was asked and how the cluster answered. */
  readonly trace: readonly string[];
  readonly violations: readonly string[];
  /** What the harness remembered (for diagnosing a failure). */
  readonly history: History;
}

interface Outcome {
  readonly description: string;
  readonly ok: boolean;
  readonly detail: string;
  /** Set for a successful write through a pod volume, for the file model. */
  readonly write?: {
    readonly podUid: string;
    readonly volume: string;
    readonly path: string;
    readonly content: string;
  };
  /** Set for settle: whether it reached a fixpoint within the default limit. */
  readonly converged?: boolean;
  /** The operation must be refused (an apply containing an invalid document). */
  readonly mustFail?: boolean;
}

/**
 * Freezes a state and everything it reaches. States share structure, so the walk stops at parts
 * frozen before and costs only what the last operation created. With the state frozen, an engine
 * that wrote into an existing state object would throw instead of silently changing history,
 * which is what makes the identity check of invariant 6 complete.
 */
export function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

function nodesOf(pool: Pool) {
  return Array.from({ length: pool.nodes }, (_, index) => ({ name: `node-${index + 1}`, zone: 'zone-a' }));
}

/** Every pool object applied one by one, then a settle: the common starting point of a run. */
export function bootstrapOps(pool: Pool): Op[] {
  const ops: Op[] = [];
  pool.classes.forEach((_, index) => ops.push({ kind: 'apply', target: 'StorageClass', index }));
  pool.volumes.forEach((_, index) => ops.push({ kind: 'apply', target: 'PersistentVolume', index }));
  pool.claims.forEach((_, index) => ops.push({ kind: 'apply', target: 'PersistentVolumeClaim', index }));
  pool.pods.forEach((_, index) => ops.push({ kind: 'apply', target: 'Pod', index }));
  ops.push({ kind: 'settle' });
  return ops;
}

/** A release becomes the deletes it stands for: the pool pods mounting the claim, then the claim. */
function expandOps(pool: Pool, op: Op): Op[] {
  if (op.kind !== 'release') return [op];
  const claimName = poolName(pool, 'PersistentVolumeClaim', op.index);
  const deletes: Op[] = [];
  pool.pods.forEach((pod, index) => {
    if (pod.volumes.some((volume) => volume.kind === 'claim' && volume.claimName === claimName))
      deletes.push({ kind: 'delete', target: 'Pod', index });
  });
  deletes.push({ kind: 'delete', target: 'PersistentVolumeClaim', index: op.index });
  return deletes;
}

/** The operations a scenario runs: the optional bootstrap, the generated ones, a final settle. */
export function operationsOf(scenario: Scenario): Op[] {
  return [
    ...(scenario.bootstrap ? bootstrapOps(scenario.pool) : []),
    ...scenario.ops.flatMap((op) => expandOps(scenario.pool, op)),
    { kind: 'settle' },
  ];
}

/** Volumes are addressed among those that exist now, so provisioned ones can be patched too. */
function volumeTarget(state: ClusterState, pool: Pool, index: number): string {
  const names = Object.keys(state.objects.PersistentVolume).sort();
  return names[index % Math.max(1, names.length)] ?? poolName(pool, 'PersistentVolume', index);
}

function answer(result: { ok: true } | { ok: false; error: { kind: string; message: string } }): {
  ok: boolean;
  detail: string;
} {
  return result.ok
    ? { ok: true, detail: 'ok' }
    : { ok: false, detail: `${result.error.kind}: ${result.error.message}` };
}

function execute(cluster: Cluster, pool: Pool, op: Op, position: number): Outcome {
  const state = cluster.state;
  switch (op.kind) {
    case 'apply': {
      const manifest = poolManifest(pool, op.target, op.index);
      const name = poolName(pool, op.target, op.index);
      if (!manifest) return { description: `apply ${op.target} (pool empty)`, ok: true, detail: 'skipped' };
      return { description: `apply ${op.target} ${name}`, ...answer(cluster.apply(toYaml([manifest]))) };
    }
    case 'applyInvalid': {
      const manifest = poolManifest(pool, op.target, op.index);
      const documents = [...(manifest ? [manifest] : []), invalidManifest(op.invalid)];
      return {
        description: `apply ${manifest ? `${op.target} ${poolName(pool, op.target, op.index)} + ` : ''}invalid ${op.invalid}`,
        mustFail: true,
        ...answer(cluster.apply(toYaml(documents))),
      };
    }
    case 'delete': {
      const name =
        op.target === 'PersistentVolume'
          ? volumeTarget(state, pool, op.index)
          : poolName(pool, op.target, op.index);
      const ref: ObjectRef =
        op.target === 'PersistentVolume' || op.target === 'StorageClass'
          ? { kind: op.target, name }
          : { kind: op.target, namespace: NAMESPACE, name };
      return { description: `delete ${op.target} ${name}`, ...answer(cluster.delete(ref)) };
    }
    case 'patchReclaimPolicy': {
      const name = volumeTarget(state, pool, op.index);
      return {
        description: `patch PersistentVolume ${name} reclaim policy ${op.policy}`,
        ...answer(
          cluster.patch(
            { kind: 'PersistentVolume', name },
            { spec: { persistentVolumeReclaimPolicy: op.policy } },
          ),
        ),
      };
    }
    case 'patchClaimRef': {
      const name = volumeTarget(state, pool, op.index);
      const patch =
        op.clear === 'claimRef' ? { spec: { claimRef: null } } : { spec: { claimRef: { uid: null } } };
      return {
        description: `patch PersistentVolume ${name} clear ${op.clear === 'claimRef' ? 'claimRef' : 'claimRef.uid'}`,
        ...answer(cluster.patch({ kind: 'PersistentVolume', name }, patch)),
      };
    }
    case 'patchRequest': {
      const name = poolName(pool, 'PersistentVolumeClaim', op.index);
      return {
        description: `patch PersistentVolumeClaim ${name} request ${op.request}`,
        ...answer(
          cluster.patch(
            { kind: 'PersistentVolumeClaim', namespace: NAMESPACE, name },
            { spec: { resources: { requests: { storage: op.request } } } },
          ),
        ),
      };
    }
    case 'write': {
      const podName = poolName(pool, 'Pod', op.pod);
      const spec = pool.pods[op.pod % Math.max(1, pool.pods.length)];
      const volumes = spec?.volumes.length ?? 0;
      const mount = op.mount % (volumes + 1);
      const file = FILE_NAMES[op.file % FILE_NAMES.length] ?? 'file';
      // Past the last volume: the container's own filesystem, which a crash throws away.
      const path = mount < volumes ? `${mountPathOf(mount)}/${file}` : `/var/tmp/${file}`;
      const content = `written by operation ${position}`;
      const result = cluster.write({ namespace: NAMESPACE, name: podName }, path, content);
      const podUid = cluster.state.objects.Pod[`${NAMESPACE}/${podName}`]?.metadata?.uid ?? '';
      return {
        description: `write ${path} in pod ${podName}`,
        ...answer(result),
        ...(result.ok && mount < volumes
          ? { write: { podUid, volume: `vol-${mount}`, path: file, content } }
          : {}),
      };
    }
    case 'crash': {
      const podName = poolName(pool, 'Pod', op.pod);
      return {
        description: `crash pod ${podName}`,
        ...answer(cluster.crash({ namespace: NAMESPACE, name: podName })),
      };
    }
    case 'fault': {
      const target = op.target.startsWith('node-') ? { node: op.target } : { driver: op.target };
      const result = op.failing ? cluster.fault(target, 'simulated outage') : cluster.clearFault(target);
      return { description: `${op.failing ? 'fail' : 'recover'} ${op.target}`, ...answer(result) };
    }
    case 'step': {
      cluster.step();
      return { description: 'step', ok: true, detail: `round ${cluster.state.round}` };
    }
    case 'release':
      // Expanded by operationsOf before the run; never executed as such.
      return { description: 'release (unexpanded)', ok: true, detail: 'skipped' };
    case 'settle': {
      const result = cluster.settle();
      return {
        description: 'settle',
        ok: true,
        detail: `${result.converged ? 'converged' : 'did NOT converge'} after ${result.rounds} rounds`,
        converged: result.converged,
      };
    }
  }
}

export interface RunOptions {
  /** Off for the determinism property, which only compares two runs. */
  readonly checkInvariants: boolean;
}

export function runScenario(scenario: Scenario, options: RunOptions): RunReport {
  const cluster = new Cluster({ nodes: nodesOf(scenario.pool) });
  if (options.checkInvariants) deepFreeze(cluster.state);
  const history: History = emptyHistory();
  const trace: string[] = [];
  const ops = operationsOf(scenario);
  for (const [position, op] of ops.entries()) {
    const before = cluster.state;
    const reconcile = op.kind === 'step' || op.kind === 'settle';
    if (reconcile && options.checkInvariants) noteReconcileStart(history, before);
    let outcome: Outcome;
    try {
      outcome = execute(cluster, scenario.pool, op, position);
    } catch (error) {
      // The engine answers every request with a result; throwing (or writing into a frozen
      // state) is a bug in itself.
      trace.push(`${position}: ${op.kind} -> threw`);
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return {
        state: cluster.state,
        trace,
        history,
        violations: [`op ${position} (${op.kind}) threw ${message}`],
      };
    }
    const after = cluster.state;
    trace.push(`${position}: ${outcome.description} -> ${outcome.detail}`);
    if (!options.checkInvariants) continue;
    deepFreeze(after);
    const violations: string[] = [];
    // Invariant 6: a refused call changes nothing, down to the identity of the state object.
    if (!outcome.ok && after !== before)
      violations.push(`refused call changed the state (${outcome.detail})`);
    if (outcome.mustFail && outcome.ok)
      violations.push('an apply containing an invalid document was accepted');
    if (outcome.ok && !reconcile) {
      noteUserOperation(history, before, after);
      if (outcome.write) {
        const { podUid, volume, path, content } = outcome.write;
        violations.push(...noteWrite(history, after, { uid: podUid, volume }, path, content));
      }
    }
    if (reconcile) noteReconcileEnd(history, after);
    violations.push(...checkRetainedFiles(after, history));
    if (op.kind === 'settle') {
      // Invariant 5: settle reaches a fixpoint within the default limit.
      if (outcome.converged !== true) violations.push('settle did not converge within the default limit');
      violations.push(
        ...checkBindingAgreement(after),
        ...checkBindCompatibility(after, history),
        ...checkBoundVolumeAssets(after, history),
        ...checkNoSilentHandover(after, history),
      );
    }
    if (violations.length > 0) {
      return {
        state: after,
        trace,
        history,
        violations: violations.map((violation) => `after op ${position}: ${violation}`),
      };
    }
  }
  return { state: cluster.state, trace, history, violations: [] };
}
