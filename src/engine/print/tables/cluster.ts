/** `kubectl get nodes`, `namespaces` and `configmaps` (printNode, printNamespace, printConfigMap). */
import type { Node } from '../../model/types';
import { nameOf } from '../../model/object-helpers';
import { ageSince } from '../age';
import type { TableDefinition } from './table';

const NODE_ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

export const NODE_TABLE: TableDefinition<'Node'> = {
  columns: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', wide: true },
    { name: 'External-IP', wide: true },
    { name: 'OS-Image', wide: true },
    { name: 'Kernel-Version', wide: true },
    { name: 'Container-Runtime', wide: true },
  ],
  row: (node, { clock }) => {
    const info = node.status?.nodeInfo;
    return [
      nameOf(node),
      nodeStatus(node),
      nodeRoles(node).join(',') || '<none>',
      ageSince(node.metadata?.creationTimestamp, clock),
      info?.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};

/** Ready / NotReady from the Ready condition (Unknown without one), plus SchedulingDisabled when cordoned. */
function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
  const states = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) states.push('SchedulingDisabled');
  return states.join(',');
}

function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(NODE_ROLE_LABEL_PREFIX)) {
      const role = key.slice(NODE_ROLE_LABEL_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === NODE_ROLE_LABEL && value) {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((address) => address.type === type)?.address ?? '<none>';
}

export const NAMESPACE_TABLE: TableDefinition<'Namespace'> = {
  columns: [{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }],
  row: (namespace, { clock }) => [
    nameOf(namespace),
    namespace.status?.phase ?? '',
    ageSince(namespace.metadata?.creationTimestamp, clock),
  ],
};

export const CONFIG_MAP_TABLE: TableDefinition<'ConfigMap'> = {
  columns: [{ name: 'Name' }, { name: 'Data' }, { name: 'Age' }],
  row: (configMap, { clock }) => [
    nameOf(configMap),
    String(Object.keys(configMap.data ?? {}).length + Object.keys(configMap.binaryData ?? {}).length),
    ageSince(configMap.metadata?.creationTimestamp, clock),
  ],
};
