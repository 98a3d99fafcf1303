/**
 * The nodes an imported cluster needs, and the labels they must carry.
 *
 * Why the import brings its own nodes: pods carry `nodeName`, and volumes carry node affinity
 * (local-path and local volumes are pinned to a hostname, cloud disks to a zone). The sandbox's
 * node-a..node-c are not those nodes. A pod bound to a node that does not exist is removed by the
 * pod garbage collector, and a volume pinned to a missing hostname can never be mounted, so
 * keeping the sandbox's nodes would draw a broken copy of a healthy cluster. Renaming the cluster's
 * nodes onto the sandbox's would draw a different cluster from the user's. So the nodes are
 * rebuilt from what the output names: Node objects if the user included them, every node a pod
 * runs on, and every hostname a volume's affinity names. Each is labelled with its hostname, and
 * with the single-valued labels the volumes of its pods require (a zone, typically), so the
 * binder and scheduler see the same topology the real cluster had. Labels nothing asks for are
 * not invented: a pending pod whose nodeSelector needs one stays pending, and says why.
 */
import type { NodeConfig } from '../sim/initial';
import { validateDnsSubdomain } from '../api/validation/common';
import { isPlainObject } from '../api/shapes';
import { LABEL_HOSTNAME, LABEL_ZONE } from '../model/well-known';
import type { PlainObject } from './server-fields';
import { metadataString, specOf } from './server-fields';

interface Requirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

/** The volume's node affinity terms, read defensively (the value came from outside). */
function affinityTerms(volume: PlainObject): Requirement[][] {
  const affinity = specOf(volume)['nodeAffinity'];
  const required = isPlainObject(affinity) ? affinity['required'] : undefined;
  const terms = isPlainObject(required) ? required['nodeSelectorTerms'] : undefined;
  if (!Array.isArray(terms)) return [];
  return terms.map((term) => {
    const expressions = isPlainObject(term) ? term['matchExpressions'] : undefined;
    if (!Array.isArray(expressions)) return [];
    return expressions.filter(isPlainObject).map((expression) => ({
      key: typeof expression['key'] === 'string' ? expression['key'] : '',
      operator: typeof expression['operator'] === 'string' ? expression['operator'] : '',
      values: Array.isArray(expression['values'])
        ? expression['values'].filter((value): value is string => typeof value === 'string')
        : [],
    }));
  });
}

function hostnamesIn(term: readonly Requirement[]): string[] {
  return term
    .filter((requirement) => requirement.key === LABEL_HOSTNAME && requirement.operator === 'In')
    .flatMap((requirement) => requirement.values);
}

/** Labels a node must have for this term to select it, where the term leaves no choice. */
function requiredLabels(term: readonly Requirement[]): [string, string][] {
  return term
    .filter(
      (requirement) =>
        requirement.key !== LABEL_HOSTNAME &&
        requirement.operator === 'In' &&
        requirement.values.length === 1,
    )
    .map((requirement) => [requirement.key, requirement.values[0] ?? '']);
}

export interface NodeInputs {
  /** Node objects found in the output. */
  readonly nodeObjects: readonly PlainObject[];
  readonly volumes: readonly PlainObject[];
  readonly claims: readonly PlainObject[];
  readonly pods: readonly PlainObject[];
}

export interface DerivedNodes {
  readonly nodes: readonly NodeConfig[];
  readonly warnings: readonly string[];
}

export function deriveNodes(inputs: NodeInputs, maxNodes: number): DerivedNodes {
  const warnings: string[] = [];
  const labels = new Map<string, Record<string, string>>();
  const add = (name: string, found: string) => {
    if (labels.has(name)) return;
    if (validateDnsSubdomain('name', name).length > 0) {
      warnings.push(`${found} names node "${name}", which is not a valid node name; it was left out`);
      return;
    }
    labels.set(name, { [LABEL_HOSTNAME]: name });
  };
  const label = (node: string, key: string, value: string, why: string) => {
    const nodeLabels = labels.get(node);
    if (!nodeLabels) return;
    const current = nodeLabels[key];
    if (current === undefined) nodeLabels[key] = value;
    else if (current !== value)
      warnings.push(
        `node ${node} would need ${key}=${value} for ${why}, but it already has ${key}=${current}`,
      );
  };

  for (const node of inputs.nodeObjects) {
    const name = metadataString(node, 'name') ?? '';
    add(name, 'a Node object');
    const metadata = node['metadata'];
    const own = isPlainObject(metadata) ? metadata['labels'] : undefined;
    if (isPlainObject(own))
      for (const [key, value] of Object.entries(own))
        if (typeof value === 'string') label(name, key, value, 'its own labels');
  }
  for (const pod of inputs.pods) {
    const nodeName = specOf(pod)['nodeName'];
    if (typeof nodeName === 'string' && nodeName)
      add(nodeName, `pod ${metadataString(pod, 'namespace') ?? ''}/${metadataString(pod, 'name') ?? ''}`);
  }
  const volumesByName = new Map<string, PlainObject>();
  for (const volume of inputs.volumes) {
    const name = metadataString(volume, 'name') ?? '';
    volumesByName.set(name, volume);
    for (const term of affinityTerms(volume)) {
      const hosts = hostnamesIn(term);
      for (const host of hosts) add(host, `the node affinity of volume ${name}`);
      const [onlyHost] = hosts;
      if (onlyHost !== undefined && hosts.length === 1)
        for (const [key, value] of requiredLabels(term)) label(onlyHost, key, value, `volume ${name}`);
    }
  }

  // The volumes a pod uses tell what its node must be labelled with (a zonal disk: the zone).
  const claimVolume = new Map<string, string>();
  for (const claim of inputs.claims) {
    const volumeName = specOf(claim)['volumeName'];
    if (typeof volumeName === 'string')
      claimVolume.set(
        `${metadataString(claim, 'namespace') ?? ''}/${metadataString(claim, 'name') ?? ''}`,
        volumeName,
      );
  }
  for (const pod of inputs.pods) {
    const spec = specOf(pod);
    const nodeName = spec['nodeName'];
    if (typeof nodeName !== 'string' || !labels.has(nodeName)) continue;
    const namespace = metadataString(pod, 'namespace') ?? '';
    for (const claimName of claimNamesOf(spec)) {
      const volumeName = claimVolume.get(`${namespace}/${claimName}`);
      const volume = volumeName ? volumesByName.get(volumeName) : undefined;
      if (!volume) continue;
      const terms = affinityTerms(volume);
      // With several terms, only one naming this node's hostname says which applies.
      const term =
        terms.length === 1 ? terms[0] : terms.find((candidate) => hostnamesIn(candidate).includes(nodeName));
      for (const [key, value] of requiredLabels(term ?? []))
        label(nodeName, key, value, `volume ${volumeName ?? ''}`);
    }
  }

  const names = [...labels.keys()];
  if (names.length > maxNodes)
    warnings.push(
      `the output names ${names.length} nodes; the simulator keeps the first ${maxNodes} (${names.at(maxNodes - 1) ?? ''} is the last): pods on the others are scheduled again`,
    );
  const nodes = names.slice(0, maxNodes).map((name): NodeConfig => {
    const nodeLabels = labels.get(name) ?? {};
    const zone = nodeLabels[LABEL_ZONE];
    return zone ? { name, zone, labels: nodeLabels } : { name, labels: nodeLabels };
  });
  return { nodes, warnings };
}

/** The claim names a pod spec's volumes use. */
export function claimNamesOf(spec: PlainObject): string[] {
  const volumes = spec['volumes'];
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((volume) => {
    const source = isPlainObject(volume) ? volume['persistentVolumeClaim'] : undefined;
    const name = isPlainObject(source) ? source['claimName'] : undefined;
    return typeof name === 'string' ? [name] : [];
  });
}
