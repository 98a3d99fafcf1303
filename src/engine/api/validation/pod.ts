/** Pod validation: the parts storage depends on (volumes, mounts) plus the basics. */
import type { FieldError } from '../errors';
import type { Pod } from '../../model/types';
import { deepEqual } from '../../sim/deep-equal';
import { parseQuantity } from '../../model/quantity';
import {
  forbidden,
  invalid,
  isAbsolutePath,
  required,
  validateDnsLabel,
  validateDnsSubdomain,
} from './common';

const POD_VOLUME_SOURCES = [
  'persistentVolumeClaim',
  'emptyDir',
  'configMap',
  'hostPath',
  'ephemeral',
  'secret',
  'projected',
  'downwardAPI',
  'nfs',
  'csi',
] as const;

/** Sources the simulator mounts; the others are valid Kubernetes but not simulated. */
export const SIMULATED_POD_VOLUME_SOURCES = [
  'persistentVolumeClaim',
  'emptyDir',
  'configMap',
  'hostPath',
  'nfs',
];

export function validatePod(pod: Pod): FieldError[] {
  const spec = pod.spec;
  const errors: FieldError[] = [];
  if (!spec) return [required('spec')];
  const volumeNames = new Set<string>();
  for (const [index, volume] of (spec.volumes ?? []).entries()) {
    const field = `spec.volumes[${index}]`;
    if (!volume.name) errors.push(required(`${field}.name`));
    else {
      errors.push(...validateDnsLabel(`${field}.name`, volume.name));
      if (volumeNames.has(volume.name))
        errors.push({
          field: `${field}.name`,
          type: 'Duplicate value',
          badValue: JSON.stringify(volume.name),
        });
      volumeNames.add(volume.name);
    }
    const record = volume as unknown as Record<string, unknown>;
    const sources = POD_VOLUME_SOURCES.filter(
      (source) => record[source] !== undefined && record[source] !== null,
    );
    if (sources.length === 0) errors.push(required(field, 'must specify a volume type'));
    for (const extra of sources.slice(1))
      errors.push(forbidden(`${field}.${extra}`, 'may not specify more than 1 volume type'));
    const first = sources[0];
    if (first && !SIMULATED_POD_VOLUME_SOURCES.includes(first)) {
      errors.push(
        forbidden(
          `${field}.${first}`,
          `${first} volumes are not simulated; use persistentVolumeClaim, emptyDir, configMap, hostPath or nfs`,
        ),
      );
    }
    if (volume.persistentVolumeClaim && !volume.persistentVolumeClaim.claimName) {
      errors.push(required(`${field}.persistentVolumeClaim.claimName`));
    }
    if (volume.configMap && !volume.configMap.name) errors.push(required(`${field}.configMap.name`));
    if (volume.hostPath && !volume.hostPath.path) errors.push(required(`${field}.hostPath.path`));
    const sizeLimit = volume.emptyDir?.sizeLimit;
    if (sizeLimit !== undefined) {
      const parsed = parseQuantity(sizeLimit);
      if (parsed && parsed.nanos < 0n)
        errors.push(invalid(`${field}.emptyDir.sizeLimit`, sizeLimit, 'must be greater than or equal to 0'));
    }
    for (const [position, item] of (volume.configMap?.items ?? []).entries()) {
      const itemField = `${field}.configMap.items[${position}]`;
      if (!item.key) errors.push(required(`${itemField}.key`));
      if (!item.path) errors.push(required(`${itemField}.path`));
      else if (item.path.startsWith('/'))
        errors.push(invalid(`${itemField}.path`, item.path, 'must be a relative path'));
      else if (item.path.split('/').includes('..'))
        errors.push(invalid(`${itemField}.path`, item.path, "must not contain '..'"));
    }
  }
  const containers = spec.containers ?? [];
  if (containers.length === 0) errors.push(required('spec.containers'));
  const containerNames = new Set<string>();
  for (const [index, container] of containers.entries()) {
    const field = `spec.containers[${index}]`;
    if (!container.name) errors.push(required(`${field}.name`));
    else {
      errors.push(...validateDnsLabel(`${field}.name`, container.name));
      if (containerNames.has(container.name))
        errors.push({
          field: `${field}.name`,
          type: 'Duplicate value',
          badValue: JSON.stringify(container.name),
        });
      containerNames.add(container.name);
    }
    if (!container.image) errors.push(required(`${field}.image`));
    const mountPaths = new Set<string>();
    for (const [position, mount] of (container.volumeMounts ?? []).entries()) {
      const mountField = `${field}.volumeMounts[${position}]`;
      if (!mount.name) errors.push(required(`${mountField}.name`));
      else if (!volumeNames.has(mount.name))
        errors.push({
          field: `${mountField}.name`,
          type: 'Invalid value',
          badValue: JSON.stringify(mount.name),
          detail: 'Not found',
        });
      if (!mount.mountPath) errors.push(required(`${mountField}.mountPath`));
      else if (!isAbsolutePath(mount.mountPath))
        errors.push(invalid(`${mountField}.mountPath`, mount.mountPath, 'must be an absolute path'));
      else if (mountPaths.has(mount.mountPath))
        errors.push(invalid(`${mountField}.mountPath`, mount.mountPath, 'must be unique'));
      if (mount.mountPath) mountPaths.add(mount.mountPath);
    }
  }
  if (spec.nodeName) errors.push(...validateDnsSubdomain('spec.nodeName', spec.nodeName));
  return errors;
}

const POD_SPEC_IMMUTABLE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export function validatePodUpdate(next: Pod, previous: Pod): FieldError[] {
  const errors = validatePod(next);
  const withoutImages = (pod: Pod) => ({
    ...pod.spec,
    containers: (pod.spec?.containers ?? []).map((container) => ({ ...container, image: '' })),
    nodeName: undefined,
  });
  if (!deepEqual(withoutImages(next), withoutImages(previous)))
    errors.push(forbidden('spec', POD_SPEC_IMMUTABLE));
  return errors;
}
