/**
 * The accepted shape of each kind: which fields exist and what type each holds. The API server
 * refuses unknown fields and wrong types (kubectl's strict validation); this is that check. One
 * description serves the engine's decoding and, later, the editor's JSON schemas.
 */
import type { FieldError } from './errors';
import { parseQuantity } from '../model/quantity';

export type Shape =
  | { readonly type: 'string' | 'boolean' | 'integer' | 'quantity' | 'any' | 'int-or-string' }
  | { readonly type: 'map'; readonly values: Shape }
  | { readonly type: 'list'; readonly items: Shape }
  | { readonly type: 'object'; readonly fields: Readonly<Record<string, Shape>>; readonly open?: boolean };

const string: Shape = { type: 'string' };
const boolean: Shape = { type: 'boolean' };
const integer: Shape = { type: 'integer' };
const quantity: Shape = { type: 'quantity' };
const any: Shape = { type: 'any' };
const stringMap: Shape = { type: 'map', values: string };
const stringList: Shape = { type: 'list', items: string };
const object = (fields: Record<string, Shape>, open = false): Shape => ({ type: 'object', fields, open });
const list = (items: Shape): Shape => ({ type: 'list', items });

const metadata = object({
  name: string,
  generateName: string,
  namespace: string,
  labels: stringMap,
  annotations: stringMap,
  finalizers: stringList,
  uid: string,
  resourceVersion: string,
  creationTimestamp: any,
  deletionTimestamp: any,
  deletionGracePeriodSeconds: integer,
  generation: integer,
  ownerReferences: list(any),
  managedFields: list(any),
});

const labelSelector = object({
  matchLabels: stringMap,
  matchExpressions: list(object({ key: string, operator: string, values: stringList })),
});

const nodeSelectorRequirement = object({ key: string, operator: string, values: stringList });
const nodeSelector = object({
  nodeSelectorTerms: list(
    object({ matchExpressions: list(nodeSelectorRequirement), matchFields: list(nodeSelectorRequirement) }),
  ),
});

const secretRef = object({ name: string, namespace: string });
const objectReference = object({
  apiVersion: string,
  kind: string,
  namespace: string,
  name: string,
  uid: string,
  resourceVersion: string,
  fieldPath: string,
});

const persistentVolumeSources: Record<string, Shape> = {
  hostPath: object({ path: string, type: string }),
  local: object({ path: string, fsType: string }),
  nfs: object({ server: string, path: string, readOnly: boolean }),
  csi: object({
    driver: string,
    volumeHandle: string,
    readOnly: boolean,
    fsType: string,
    volumeAttributes: stringMap,
    controllerPublishSecretRef: secretRef,
    nodeStageSecretRef: secretRef,
    nodePublishSecretRef: secretRef,
    controllerExpandSecretRef: secretRef,
    nodeExpandSecretRef: secretRef,
  }),
  awsElasticBlockStore: object({ volumeID: string, fsType: string, partition: integer, readOnly: boolean }),
  gcePersistentDisk: object({ pdName: string, fsType: string, partition: integer, readOnly: boolean }),
  azureDisk: object({
    diskName: string,
    diskURI: string,
    cachingMode: string,
    fsType: string,
    readOnly: boolean,
    kind: string,
  }),
  azureFile: any,
  iscsi: any,
  fc: any,
  rbd: any,
  cephfs: any,
  cinder: any,
  glusterfs: any,
  flexVolume: any,
  flocker: any,
  photonPersistentDisk: any,
  portworxVolume: any,
  quobyte: any,
  scaleIO: any,
  storageos: any,
  vsphereVolume: any,
};

const persistentVolume = object({
  apiVersion: string,
  kind: string,
  metadata,
  spec: object({
    accessModes: stringList,
    capacity: { type: 'map', values: quantity },
    claimRef: objectReference,
    mountOptions: stringList,
    nodeAffinity: object({ required: nodeSelector }),
    persistentVolumeReclaimPolicy: string,
    storageClassName: string,
    volumeMode: string,
    volumeAttributesClassName: string,
    ...persistentVolumeSources,
  }),
  status: any,
});

const claimSpec = object({
  accessModes: stringList,
  resources: object({
    requests: { type: 'map', values: quantity },
    limits: { type: 'map', values: quantity },
  }),
  selector: labelSelector,
  storageClassName: string,
  volumeMode: string,
  volumeName: string,
  volumeAttributesClassName: string,
  dataSource: any,
  dataSourceRef: any,
});

const persistentVolumeClaim = object({
  apiVersion: string,
  kind: string,
  metadata,
  spec: claimSpec,
  status: any,
});

const storageClass = object({
  apiVersion: string,
  kind: string,
  metadata,
  provisioner: string,
  parameters: stringMap,
  reclaimPolicy: string,
  volumeBindingMode: string,
  allowVolumeExpansion: boolean,
  mountOptions: stringList,
  allowedTopologies: list(
    object({ matchLabelExpressions: list(object({ key: string, values: stringList })) }),
  ),
});

const keyToPath = object({ key: string, path: string, mode: integer });

const podVolume = object({
  name: string,
  persistentVolumeClaim: object({ claimName: string, readOnly: boolean }),
  emptyDir: object({ medium: string, sizeLimit: quantity }),
  configMap: object({ name: string, items: list(keyToPath), optional: boolean, defaultMode: integer }),
  hostPath: object({ path: string, type: string }),
  ephemeral: any,
  secret: any,
  projected: any,
  downwardAPI: any,
  nfs: object({ server: string, path: string, readOnly: boolean }),
  csi: any,
});

const container = object(
  {
    name: string,
    image: string,
    command: stringList,
    args: stringList,
    volumeMounts: list(
      object({
        name: string,
        mountPath: string,
        subPath: string,
        readOnly: boolean,
        mountPropagation: string,
        subPathExpr: string,
        recursiveReadOnly: string,
      }),
    ),
  },
  true,
);

const pod = object({
  apiVersion: string,
  kind: string,
  metadata,
  spec: object(
    {
      containers: list(container),
      initContainers: list(container),
      volumes: list(podVolume),
      nodeSelector: stringMap,
      nodeName: string,
      restartPolicy: string,
    },
    true,
  ),
  status: any,
});

const configMap = object({
  apiVersion: string,
  kind: string,
  metadata,
  data: stringMap,
  binaryData: stringMap,
  immutable: boolean,
});

const namespace = object({ apiVersion: string, kind: string, metadata, spec: any, status: any });
const node = object({ apiVersion: string, kind: string, metadata, spec: any, status: any });
const csiDriver = object({ apiVersion: string, kind: string, metadata, spec: any });

export const KIND_SHAPES: Readonly<Record<string, Shape>> = {
  PersistentVolume: persistentVolume,
  PersistentVolumeClaim: persistentVolumeClaim,
  StorageClass: storageClass,
  Pod: pod,
  ConfigMap: configMap,
  Namespace: namespace,
  Node: node,
  CSIDriver: csiDriver,
};

const MAX_DEPTH = 64;

/**
 * Checks a decoded manifest against its kind's shape: unknown fields and wrong types. Field paths
 * are kept as segments and joined only when there is an error to report.
 */
export function checkShape(value: unknown, shape: Shape, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const segments: string[] = path ? [path] : [];
  walkShape(value, shape, segments, errors);
  return errors;
}

function joinPath(segments: readonly string[]): string {
  let text = '';
  for (const segment of segments) text += segment.startsWith('[') || !text ? segment : `.${segment}`;
  return text;
}

function walkShape(value: unknown, shape: Shape, segments: string[], errors: FieldError[]): void {
  if (value === null || value === undefined) return;
  if (segments.length > MAX_DEPTH) {
    errors.push({ field: joinPath(segments), type: 'Invalid value', detail: 'nesting is too deep' });
    return;
  }
  switch (shape.type) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') errors.push(typeError(joinPath(segments), value, 'string'));
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(typeError(joinPath(segments), value, 'boolean'));
      return;
    case 'integer':
      if (!Number.isInteger(value)) errors.push(typeError(joinPath(segments), value, 'integer'));
      return;
    case 'int-or-string':
      if (!Number.isInteger(value) && typeof value !== 'string') {
        errors.push(typeError(joinPath(segments), value, 'integer or string'));
      }
      return;
    case 'quantity':
      if (typeof value !== 'string' && typeof value !== 'number') {
        errors.push(typeError(joinPath(segments), value, 'quantity'));
      } else if (!parseQuantity(value)) {
        errors.push(quantityError(joinPath(segments), value));
      }
      return;
    case 'map':
      if (!isPlainObject(value)) {
        errors.push(typeError(joinPath(segments), value, 'object'));
        return;
      }
      for (const key of Object.keys(value)) {
        segments.push(`[${key}]`);
        if ((value[key] === null || value[key] === undefined) && shape.values.type !== 'any')
          errors.push(typeError(joinPath(segments), null, itemTypeName(shape.values)));
        else walkShape(value[key], shape.values, segments, errors);
        segments.pop();
      }
      return;
    case 'list':
      if (!Array.isArray(value)) {
        errors.push(typeError(joinPath(segments), value, 'array'));
        return;
      }
      for (let index = 0; index < value.length; index += 1) {
        segments.push(`[${index}]`);
        // The API server would decode null as an empty item and then refuse its missing fields;
        // saying "null" is clearer, and no controller ever sees a hole in a list.
        if ((value[index] === null || value[index] === undefined) && shape.items.type !== 'any')
          errors.push(typeError(joinPath(segments), null, itemTypeName(shape.items)));
        else walkShape(value[index], shape.items, segments, errors);
        segments.pop();
      }
      return;
    case 'object':
      if (!isPlainObject(value)) {
        errors.push(typeError(joinPath(segments), value, 'object'));
        return;
      }
      for (const key of Object.keys(value)) {
        const fieldShape = shape.fields[key];
        segments.push(key);
        if (!fieldShape) {
          if (!shape.open) {
            const field = joinPath(segments);
            errors.push({ field, type: 'Invalid value', detail: `unknown field "${field}"` });
          }
        } else {
          walkShape(value[key], fieldShape, segments, errors);
        }
        segments.pop();
      }
      return;
  }
}

function itemTypeName(shape: Shape): string {
  switch (shape.type) {
    case 'list':
      return 'array';
    case 'map':
    case 'object':
      return 'object';
    case 'int-or-string':
      return 'integer or string';
    default:
      return shape.type;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeError(field: string, value: unknown, expected: string): FieldError {
  return {
    field: field || '<root>',
    type: 'Invalid value',
    badValue: describeValue(value),
    detail: `expected ${expected}, got ${jsonType(value)}`,
  };
}

function quantityError(field: string, value: unknown): FieldError {
  return {
    field,
    type: 'Invalid value',
    badValue: describeValue(value),
    detail: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  };
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
