/** A fresh simulated cluster (spec C1, C3): namespaces, nodes, installed drivers. */
import type { CSIDriver, Namespace, Node } from '../model/types';
import { LABEL_ZONE } from '../model/well-known';
import { ALL_DRIVERS, DEFAULT_DRIVERS, driverSpec } from '../infra/drivers';
import type { ClusterState, InstalledDriver } from './state';
import { STATE_SCHEMA_VERSION, emptyTables } from './state';
import { ClusterWriter } from './writer';

export interface NodeConfig {
  readonly name: string;
  readonly zone?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface ClusterOptions {
  readonly nodes?: readonly NodeConfig[];
  readonly drivers?: readonly string[];
  readonly defaultNamespace?: string;
}

export const DEFAULT_NODES: readonly NodeConfig[] = [{ name: 'node-1', zone: 'zone-a' }];

/** The app's sandbox: three nodes in two zones, every driver of the catalog installed. */
export const SANDBOX_OPTIONS: ClusterOptions = {
  drivers: ALL_DRIVERS,
  nodes: [
    { name: 'node-a', zone: 'zone-a', labels: { 'kubernetes.io/hostname': 'node-a' } },
    { name: 'node-b', zone: 'zone-a', labels: { 'kubernetes.io/hostname': 'node-b' } },
    { name: 'node-c', zone: 'zone-b', labels: { 'kubernetes.io/hostname': 'node-c' } },
  ],
};

export function nodeObject(config: NodeConfig): Node {
  const labels: Record<string, string> = { ...config.labels };
  if (config.zone) labels[LABEL_ZONE] = config.zone;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: config.name, labels },
    status: {
      conditions: [
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      nodeInfo: {
        kubeletVersion: 'v1.35.0',
        architecture: 'amd64',
        operatingSystem: 'linux',
        osImage: 'Simulated Linux',
        kernelVersion: '6.12.0',
        containerRuntimeVersion: 'containerd://2.1.0',
        kubeProxyVersion: 'v1.35.0',
        bootID: '',
        machineID: '',
        systemUUID: '',
      },
    },
  };
}

export function createClusterState(options: ClusterOptions = {}): ClusterState {
  const driverNames = [...(options.drivers ?? DEFAULT_DRIVERS)];
  const unknown = driverNames.filter((name) => !driverSpec(name));
  if (unknown.length > 0) throw new Error(`unknown storage driver(s): ${unknown.join(', ')}`);
  const drivers: Record<string, InstalledDriver> = Object.fromEntries(
    driverNames.map((name) => [name, { name }]),
  );
  const base: ClusterState = {
    schemaVersion: STATE_SCHEMA_VERSION,
    clock: 0,
    round: 0,
    counters: { uid: 0, resourceVersion: 0, handle: 0 },
    settings: { defaultNamespace: options.defaultNamespace ?? 'default' },
    objects: emptyTables(),
    infra: { drivers, assets: {}, pods: {}, faults: { drivers: {}, nodes: {} } },
  };
  const writer = new ClusterWriter(base);
  const setup = { actor: 'kube-apiserver' as const, rule: 'C1' as const };
  const namespaces = ['default', 'kube-system', options.defaultNamespace ?? 'default'];
  for (const name of new Set(namespaces)) {
    const namespace: Namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
    writer.create('Namespace', namespace, { ...setup, message: `namespace ${name} exists from the start` });
  }
  for (const config of options.nodes ?? DEFAULT_NODES) {
    writer.create('Node', nodeObject(config), {
      ...setup,
      message: `node ${config.name} joined${config.zone ? ` in ${config.zone}` : ''}`,
    });
  }
  for (const name of driverNames) {
    const spec = driverSpec(name);
    if (!spec?.csi) continue;
    const csiDriver: CSIDriver = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSIDriver',
      metadata: { name },
      spec: {
        attachRequired: spec.attachRequired,
        podInfoOnMount: false,
        volumeLifecycleModes: ['Persistent'],
        fsGroupPolicy: 'File',
      },
    };
    writer.create('CSIDriver', csiDriver, {
      actor: 'kube-apiserver',
      rule: 'C3',
      message: `storage driver ${name} (${spec.title}) is installed`,
    });
  }
  return writer.commit();
}
