// Pod shapes the simulator never produces (init containers, sidecars, exits, lost nodes), built by
// hand to pin printPod's rules.
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { timestampAt } from '../../sim/ids';
import { summarizePod } from './pod-status';

function pod(overrides: {
  spec?: Partial<NonNullable<Pod['spec']>>;
  status?: Pod['status'];
  deleting?: boolean;
}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...(overrides.deleting ? { deletionTimestamp: timestampAt(0) } : {}) },
    spec: { containers: [{ name: 'app', image: 'busybox' }], ...overrides.spec },
    ...(overrides.status ? { status: overrides.status } : {}),
  };
}

function containerStatus(
  name: string,
  state: ContainerStatus['state'],
  extra: Partial<ContainerStatus> = {},
): ContainerStatus {
  return { name, image: 'busybox', imageID: '', ready: false, restartCount: 0, state, ...extra };
}

const running = { running: { startedAt: timestampAt(0) } };

describe('summarizePod', () => {
  it('reports which init container the pod waits for', () => {
    const initializing = pod({
      spec: { initContainers: [{ name: 'one' }, { name: 'two' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          containerStatus('one', { terminated: { exitCode: 0 } }),
          containerStatus('two', { running: {} }),
        ],
      },
    });
    expect(summarizePod(initializing, 10)).toEqual({ ready: '0/1', status: 'Init:1/2', restarts: '0' });
  });

  it('names a failing init container by its reason or exit code', () => {
    const crashing = pod({
      spec: { initContainers: [{ name: 'setup' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          containerStatus('setup', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 3 }),
        ],
      },
    });
    expect(summarizePod(crashing, 10)).toMatchObject({ status: 'Init:CrashLoopBackOff', restarts: '3' });
    const failed = pod({
      spec: { initContainers: [{ name: 'setup' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [containerStatus('setup', { terminated: { exitCode: 2 } })],
      },
    });
    expect(summarizePod(failed, 10).status).toBe('Init:ExitCode:2');
  });

  it('counts a started sidecar among the ready containers', () => {
    const withSidecar = pod({
      spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [containerStatus('proxy', running, { started: true, ready: true })],
        containerStatuses: [containerStatus('app', running, { ready: true })],
      },
    });
    expect(summarizePod(withSidecar, 10)).toEqual({ ready: '2/2', status: 'Running', restarts: '0' });
  });

  it('shows NotReady when one container completed while another still runs unready', () => {
    const mixed = pod({
      spec: { containers: [{ name: 'app' }, { name: 'job' }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          containerStatus('app', running, { ready: true }),
          containerStatus('job', { terminated: { exitCode: 0, reason: 'Completed' } }),
        ],
      },
    });
    expect(summarizePod(mixed, 10)).toMatchObject({ ready: '1/2', status: 'NotReady' });
  });

  it('prints Unknown for a deleted pod on a lost node, and keeps a finished phase when deleting', () => {
    expect(
      summarizePod(pod({ deleting: true, status: { phase: 'Running', reason: 'NodeLost' } }), 10).status,
    ).toBe('Unknown');
    expect(summarizePod(pod({ deleting: true, status: { phase: 'Succeeded' } }), 10).status).toBe(
      'Succeeded',
    );
    expect(summarizePod(pod({ deleting: true, status: { phase: 'Running' } }), 10).status).toBe(
      'Terminating',
    );
  });

  it('prints the pod reason over its phase, and SchedulingGated over both', () => {
    expect(summarizePod(pod({ status: { phase: 'Failed', reason: 'Evicted' } }), 10).status).toBe('Evicted');
    const gated = pod({
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      },
    });
    expect(summarizePod(gated, 10).status).toBe('SchedulingGated');
  });
});
