/** Injected faults: a driver's backend failing, or a node going NotReady. */
import type { Node } from '../model/types';
import type { Result } from '../api/errors';
import { fail, notFoundError, ok } from '../api/errors';
import type { ClusterWriter } from './writer';

export type FaultTarget = { readonly driver: string } | { readonly node: string };

export function setFault(
  writer: ClusterWriter,
  target: FaultTarget,
  error: string | undefined,
): Result<string> {
  const faults = writer.commit().infra.faults;
  if ('driver' in target) {
    if (!writer.installedDrivers[target.driver]) {
      return fail({ kind: 'NotFound', message: `storage driver "${target.driver}" is not installed` });
    }
    const drivers = { ...faults.drivers };
    if (error === undefined) delete drivers[target.driver];
    else drivers[target.driver] = error;
    writer.setFaults(
      { ...faults, drivers },
      {
        actor: 'user',
        message:
          error === undefined
            ? `the backend of ${target.driver} works again`
            : `every backend call of ${target.driver} now fails: ${error}`,
      },
    );
    return ok(target.driver);
  }
  const node = writer.get('Node', target.node);
  if (!node) return fail(notFoundError({ kind: 'Node', name: target.node }));
  const nodes = { ...faults.nodes };
  if (error === undefined) delete nodes[target.node];
  else nodes[target.node] = error;
  writer.setFaults(
    { ...faults, nodes },
    {
      actor: 'user',
      message:
        error === undefined
          ? `node ${target.node} recovered`
          : `node ${target.node} stopped responding: ${error}`,
    },
  );
  const updated = writer.update('Node', withReady(node, error === undefined, error), {
    actor: 'kubelet',
    on: target.node,
    message:
      error === undefined
        ? `node ${target.node} is Ready again`
        : `node ${target.node} is NotReady: its kubelet makes no progress and no new pods are placed there`,
  });
  const status = error === undefined ? 'NodeReady' : 'NodeNotReady';
  writer.event(
    updated,
    'Normal',
    status,
    `Node ${target.node} status is now: ${status}`,
    { component: 'node-controller' },
    { actor: 'kubelet', on: target.node },
  );
  return ok(target.node);
}

function withReady(node: Node, ready: boolean, why: string | undefined): Node {
  const others = (node.status?.conditions ?? []).filter((condition) => condition.type !== 'Ready');
  const condition = ready
    ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
    : {
        type: 'Ready',
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: `Kubelet stopped posting node status. (${why ?? ''})`,
      };
  return { ...node, status: { ...node.status, conditions: [condition, ...others] } };
}
