/**
 * The editor's JSON Schema (draft-07), derived from KIND_SHAPES so the editor and the API server
 * agree on which fields exist. One document validates every kind the simulator accepts: the root
 * lists the `kind` and `apiVersion` values (so the editor completes them), and one `if/then` per
 * kind, keyed by a `const` kind, applies that kind's closed schema (so the editor then completes
 * and checks the right fields). The schema only warns; the API server's refusal stays the truth.
 *
 * Field paths (what `describeField` receives, and the keys of the tables below) are dotted, from
 * the object's root, with no leading dot:
 * - `''` is the object itself; `spec.accessModes` is a field; `metadata.name` another;
 * - `[]` after a list field stands for its items: `spec.accessModes[]`,
 *   `spec.volumes[].persistentVolumeClaim.claimName`, `spec.containers[].volumeMounts[].mountPath`;
 * - `.*` after a map field stands for any of its values: `metadata.labels.*`, `parameters.*`;
 *   a well-known key of a map gets its own name instead: `spec.capacity.storage`,
 *   `spec.resources.requests.storage`.
 * The root's `apiVersion` and `kind`, offered before the kind is known, are described with kind ''.
 */
import { ACCESS_MODES } from '../model/access-modes';
import { KINDS, isKindName } from '../model/types';
import type { Shape } from './shapes';
import { KIND_SHAPES } from './shapes';

export type JsonSchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** The part of JSON Schema draft-07 this module writes, plus the editor's `markdownDescription`. */
export interface JsonSchema {
  readonly title?: string;
  readonly description?: string;
  /** yaml-language-server shows this (rendered) instead of `description` in hovers and completions. */
  readonly markdownDescription?: string;
  readonly type?: JsonSchemaType | readonly JsonSchemaType[];
  readonly enum?: readonly string[];
  readonly const?: string;
  readonly pattern?: string;
  /** yaml-language-server: the warning shown when `pattern` does not match. */
  readonly patternErrorMessage?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly allOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly if?: JsonSchema;
  readonly then?: JsonSchema;
  readonly $ref?: string;
  /** yaml-language-server: valid, but left out of completion (server-owned or not simulated). */
  readonly doNotSuggest?: boolean;
}

export interface JsonSchemaDocument extends JsonSchema {
  readonly $schema: string;
  /** One schema per kind, referenced from the root as `#/definitions/<Kind>`. */
  readonly definitions: Readonly<Record<string, JsonSchema>>;
}

/** Text (Markdown allowed) for a field of a kind, or undefined when there is none. */
export type FieldDescriber = (kind: string, path: string) => string | undefined;

export const JSON_SCHEMA_DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/**
 * A Kubernetes quantity, exactly: a signed decimal number, then a binary suffix (Ki…Ei), a decimal
 * suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3, E-2). Stricter than the loose
 * expression the API server prints in its error message (QUANTITY_PATTERN), so the editor warns
 * about `5GB` or `1.2.3` before the engine refuses them.
 */
export const QUANTITY_STRING_PATTERN =
  '^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE])?$';

const HOST_PATH_TYPES = [
  '',
  'DirectoryOrCreate',
  'Directory',
  'FileOrCreate',
  'File',
  'Socket',
  'CharDevice',
  'BlockDevice',
];
const MOUNT_PROPAGATION = ['None', 'HostToContainer', 'Bidirectional'];
const RECURSIVE_READ_ONLY = ['Disabled', 'IfPossible', 'Enabled'];
const NODE_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

const QUANTITY_MESSAGE =
  'Not a Kubernetes quantity: write a number with an optional unit, such as 500Mi, 5Gi or 2G (Gi = 1024³ bytes, G = 1000³).';

/**
 * Value sets, by path. A path names the same field in every kind that has it (PersistentVolume and
 * PersistentVolumeClaim share `spec.volumeMode` and `spec.accessModes[]`), so no kind is needed.
 */
const VALUE_SETS: Readonly<Record<string, readonly string[]>> = {
  'spec.accessModes[]': ACCESS_MODES,
  'spec.persistentVolumeReclaimPolicy': ['Retain', 'Delete', 'Recycle'],
  'spec.volumeMode': ['Filesystem', 'Block'],
  reclaimPolicy: ['Delete', 'Retain'],
  volumeBindingMode: ['Immediate', 'WaitForFirstConsumer'],
  'spec.hostPath.type': HOST_PATH_TYPES,
  'spec.volumes[].hostPath.type': HOST_PATH_TYPES,
  'spec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'spec.containers[].volumeMounts[].mountPropagation': MOUNT_PROPAGATION,
  'spec.initContainers[].volumeMounts[].mountPropagation': MOUNT_PROPAGATION,
  'spec.containers[].volumeMounts[].recursiveReadOnly': RECURSIVE_READ_ONLY,
  'spec.initContainers[].volumeMounts[].recursiveReadOnly': RECURSIVE_READ_ONLY,
  'spec.selector.matchExpressions[].operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'spec.nodeAffinity.required.nodeSelectorTerms[].matchExpressions[].operator': NODE_SELECTOR_OPERATORS,
  'spec.nodeAffinity.required.nodeSelectorTerms[].matchFields[].operator': NODE_SELECTOR_OPERATORS,
};

/** Fields the API server requires, by kind and path of the enclosing object (validation R8–R13). */
const REQUIRED: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  PersistentVolume: {
    '': ['spec'],
    spec: ['capacity', 'accessModes'],
    'spec.hostPath': ['path'],
    'spec.local': ['path'],
    'spec.nfs': ['server', 'path'],
    'spec.csi': ['driver', 'volumeHandle'],
    'spec.claimRef': ['name'],
    'spec.nodeAffinity': ['required'],
  },
  PersistentVolumeClaim: {
    '': ['spec'],
    spec: ['accessModes', 'resources'],
    'spec.resources': ['requests'],
    'spec.resources.requests': ['storage'],
  },
  StorageClass: {
    '': ['provisioner'],
    'allowedTopologies[].matchLabelExpressions[]': ['key', 'values'],
  },
  Pod: {
    '': ['spec'],
    spec: ['containers'],
    'spec.containers[]': ['name', 'image'],
    'spec.initContainers[]': ['name', 'image'],
    'spec.containers[].volumeMounts[]': ['name', 'mountPath'],
    'spec.initContainers[].volumeMounts[]': ['name', 'mountPath'],
    'spec.volumes[]': ['name'],
    'spec.volumes[].persistentVolumeClaim': ['claimName'],
    'spec.volumes[].configMap': ['name'],
    'spec.volumes[].configMap.items[]': ['key', 'path'],
    'spec.volumes[].hostPath': ['path'],
    'spec.volumes[].nfs': ['server', 'path'],
  },
};

/** Map keys worth completing, by kind and map path; `closed` when no other key is valid (R8). */
const KNOWN_MAP_KEYS: Readonly<
  Record<string, Readonly<Record<string, { readonly keys: readonly string[]; readonly closed: boolean }>>>
> = {
  PersistentVolume: { 'spec.capacity': { keys: ['storage'], closed: true } },
  PersistentVolumeClaim: {
    'spec.resources.requests': { keys: ['storage'], closed: false },
    'spec.resources.limits': { keys: ['storage'], closed: false },
  },
};

/**
 * Valid, but kept out of completion: what the server writes (status, uid, timestamps…) and the
 * volume sources the simulator does not model (it refuses them in pods, stores them in PVs).
 */
const NOT_SUGGESTED_FIELDS = new Set([
  'status',
  'metadata.uid',
  'metadata.resourceVersion',
  'metadata.creationTimestamp',
  'metadata.deletionTimestamp',
  'metadata.deletionGracePeriodSeconds',
  'metadata.generation',
  'metadata.managedFields',
  'spec.volumes[].ephemeral',
  'spec.volumes[].secret',
  'spec.volumes[].projected',
  'spec.volumes[].downwardAPI',
  'spec.volumes[].csi',
]);

function isSuggested(kind: string, path: string, shape: Shape): boolean {
  if (NOT_SUGGESTED_FIELDS.has(path)) return false;
  // A PV's in-tree sources that the simulator stores but does not model are typed `any`.
  return !(kind === 'PersistentVolume' && path.startsWith('spec.') && shape.type === 'any');
}

const MARKDOWN_DECORATION = /`|\*\*|\[([^\]]*)\]\([^)]*\)/g;

/** Plain text for `description`: links keep their text; code and bold marks go (underscores stay). */
function plainText(markdown: string): string {
  return markdown.replace(MARKDOWN_DECORATION, (_match, linkText: string | undefined) => linkText ?? '');
}

class SchemaBuilder {
  constructor(
    private readonly kind: string,
    private readonly describeField: FieldDescriber,
  ) {}

  /** The schema with the field's text, when `describeField` has one. */
  described(path: string, schema: JsonSchema): JsonSchema {
    const text = this.describeField(this.kind, path);
    if (!text) return schema;
    return { ...schema, description: plainText(text), markdownDescription: text };
  }

  build(shape: Shape, path: string): JsonSchema {
    return this.described(path, this.bare(shape, path));
  }

  private bare(shape: Shape, path: string): JsonSchema {
    const values = VALUE_SETS[path];
    switch (shape.type) {
      case 'string':
        return values ? { type: 'string', enum: values } : { type: 'string' };
      case 'boolean':
        return { type: 'boolean' };
      case 'integer':
        return { type: 'integer' };
      case 'int-or-string':
        return { type: ['integer', 'string'] };
      case 'quantity':
        // The pattern constrains strings only; a plain YAML integer is a valid quantity too.
        return {
          type: ['string', 'integer'],
          pattern: QUANTITY_STRING_PATTERN,
          patternErrorMessage: QUANTITY_MESSAGE,
        };
      case 'any':
        return {};
      case 'list':
        return { type: 'array', items: this.build(shape.items, `${path}[]`) };
      case 'map':
        return this.map(shape.values, path);
      case 'object':
        return this.object(shape.fields, shape.open === true, path);
    }
  }

  private map(values: Shape, path: string): JsonSchema {
    const known = KNOWN_MAP_KEYS[this.kind]?.[path];
    const valueSchema = this.build(values, `${path}.*`);
    if (!known) return { type: 'object', additionalProperties: valueSchema };
    const properties = Object.fromEntries(
      known.keys.map((key) => [key, this.build(values, `${path}.${key}`)]),
    );
    const required = REQUIRED[this.kind]?.[path];
    return {
      type: 'object',
      properties,
      ...(required ? { required } : {}),
      additionalProperties: known.closed ? false : valueSchema,
    };
  }

  private object(fields: Readonly<Record<string, Shape>>, open: boolean, path: string): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    for (const [name, fieldShape] of Object.entries(fields)) {
      const fieldPath = path ? `${path}.${name}` : name;
      const schema = this.build(fieldShape, fieldPath);
      properties[name] = isSuggested(this.kind, fieldPath, fieldShape)
        ? schema
        : { ...schema, doNotSuggest: true };
    }
    const required = REQUIRED[this.kind]?.[path];
    return {
      type: 'object',
      properties,
      ...(required ? { required } : {}),
      ...(open ? {} : { additionalProperties: false }),
      // A manifest needs a name (apply) or, with `kubectl create`, a generateName.
      ...(path === 'metadata' ? { anyOf: [{ required: ['name'] }, { required: ['generateName'] }] } : {}),
    };
  }
}

/** The closed schema of one kind, with its apiVersion and kind fixed. */
function kindSchema(kind: string, shape: Shape, describeField: FieldDescriber): JsonSchema {
  const built = new SchemaBuilder(kind, describeField).build(shape, '');
  const apiVersion = isKindName(kind) ? KINDS[kind].apiVersion : 'v1';
  return {
    ...built,
    title: kind,
    properties: {
      ...built.properties,
      apiVersion: { ...built.properties?.['apiVersion'], enum: [apiVersion] },
      kind: { ...built.properties?.['kind'], enum: [kind] },
    },
    required: ['apiVersion', 'kind', 'metadata', ...(built.required ?? [])],
  };
}

/** `kind: List` (as `kubectl get -o yaml` writes): its items are manifests of any kind. */
function listSchema(describeField: FieldDescriber): JsonSchema {
  const builder = new SchemaBuilder('List', describeField);
  return builder.described('', {
    title: 'List',
    type: 'object',
    required: ['apiVersion', 'kind', 'items'],
    additionalProperties: false,
    properties: {
      apiVersion: builder.described('apiVersion', { type: 'string', enum: ['v1'] }),
      kind: builder.described('kind', { type: 'string', enum: ['List'] }),
      metadata: builder.described('metadata', { doNotSuggest: true }),
      items: builder.described('items', { type: 'array', items: { $ref: '#' } }),
    },
  });
}

const ROOT_TEXT = {
  apiVersion:
    'The API group and version of the object: `v1` for core kinds, `storage.k8s.io/v1` for StorageClass and CSIDriver.',
  kind: 'Which kind of object this document describes. It decides which other fields are allowed.',
};

/** Turns KIND_SHAPES into one schema that validates a document of any supported kind. */
export function buildKindSchemas(describeField: FieldDescriber): JsonSchemaDocument {
  const kinds = Object.keys(KIND_SHAPES);
  const definitions: Record<string, JsonSchema> = { List: listSchema(describeField) };
  for (const kind of kinds) {
    const shape = KIND_SHAPES[kind];
    if (shape) definitions[kind] = kindSchema(kind, shape, describeField);
  }
  const allKinds = [...kinds, 'List'];
  const apiVersions = [
    ...new Set(allKinds.map((kind) => (isKindName(kind) ? KINDS[kind].apiVersion : 'v1'))),
  ];
  const rootText = (field: keyof typeof ROOT_TEXT) => describeField('', field) ?? ROOT_TEXT[field];
  return {
    $schema: JSON_SCHEMA_DRAFT_07,
    title: 'Kubernetes storage manifest',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: {
        type: 'string',
        enum: apiVersions,
        description: plainText(rootText('apiVersion')),
        markdownDescription: rootText('apiVersion'),
      },
      kind: {
        type: 'string',
        enum: allKinds,
        description: plainText(rootText('kind')),
        markdownDescription: rootText('kind'),
      },
    },
    // `required` in the condition: without it, a document with no kind yet would match every branch.
    allOf: allKinds.map((kind) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${kind}` },
    })),
    definitions,
  };
}
