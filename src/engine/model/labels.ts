/** Label selectors (PVC selector, pod nodeSelector) and node selector terms (PV nodeAffinity). */
import type { LabelSelector, NodeSelector, NodeSelectorRequirement } from './types';

export type Labels = Readonly<Record<string, string>> | undefined;

export function matchesLabelSelector(selector: LabelSelector, labels: Labels): boolean {
  const set = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (set[key] !== value) return false;
  }
  for (const requirement of selector.matchExpressions ?? []) {
    const present = Object.hasOwn(set, requirement.key);
    const value = set[requirement.key];
    const values = requirement.values ?? [];
    switch (requirement.operator) {
      case 'In':
        if (!present || !values.includes(value ?? '')) return false;
        break;
      case 'NotIn':
        if (present && values.includes(value ?? '')) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export function matchesNodeSelectorMap(
  selector: Readonly<Record<string, string>> | undefined,
  labels: Labels,
): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

/**
 * Node selector terms are ORed; the requirements inside a term are ANDed. `matchFields` can only
 * name `metadata.name`, matched against the node's name.
 */
export function matchesNodeSelector(selector: NodeSelector, labels: Labels, nodeName = ''): boolean {
  const terms = selector.nodeSelectorTerms ?? [];
  const fields = { 'metadata.name': nodeName };
  return terms.some(
    (term) =>
      (term.matchExpressions ?? []).every((requirement) => matchesRequirement(requirement, labels)) &&
      (term.matchFields ?? []).every((requirement) => matchesRequirement(requirement, fields)),
  );
}

function matchesRequirement(requirement: NodeSelectorRequirement, labels: Labels): boolean {
  const present = labels !== undefined && Object.hasOwn(labels, requirement.key);
  const value = labels?.[requirement.key] ?? '';
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return present && values.includes(value);
    case 'NotIn':
      return !present || !values.includes(value);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    case 'Gt':
    case 'Lt': {
      if (!present || values.length !== 1) return false;
      const left = Number(value);
      const right = Number(values[0]);
      if (!Number.isInteger(left) || !Number.isInteger(right)) return false;
      return requirement.operator === 'Gt' ? left > right : left < right;
    }
    default:
      return false;
  }
}
