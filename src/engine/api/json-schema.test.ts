import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../model/quantity';
import { parseScenario } from '../scenario/format';
import type { JsonSchema } from './json-schema';
import { buildKindSchemas, QUANTITY_STRING_PATTERN } from './json-schema';
import { schemaProblems } from './json-schema.test-support';
import { parseManifests } from './manifests';
import { KIND_SHAPES } from './shapes';

const described: [string, string][] = [];
const schema = buildKindSchemas((kind, path) => {
  described.push([kind, path]);
  return `**${kind}** \`${path || '(object)'}\``;
});

function documentsOf(yaml: string): unknown[] {
  const parsed = parseManifests(yaml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.manifests.map((manifest) => manifest.content);
}

function problemsOf(yaml: string): string[] {
  return documentsOf(yaml).flatMap((content) => schemaProblems(schema, content));
}

const CONFORMANCE = fileURLToPath(new URL('../../../../shared/conformance', import.meta.url));

function scenarioFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return scenarioFiles(path);
    return entry.endsWith('.yaml') ? [path] : [];
  });
}

/** Every `apply` text of the conformance scenarios that the engine accepts (no expectError after it). */
function acceptedConformanceManifests(): { file: string; yaml: string }[] {
  return scenarioFiles(CONFORMANCE).flatMap((file) => {
    const steps = parseScenario(readFileSync(file, 'utf8')).steps;
    return steps.flatMap((step, index) => {
      const refused = steps[index + 1] !== undefined && 'expectError' in (steps[index + 1] ?? {});
      return 'apply' in step && !refused ? [{ file, yaml: step.apply }] : [];
    });
  });
}

describe('buildKindSchemas', () => {
  it('is plain JSON (it crosses the worker boundary)', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('dispatches on kind with one if/then per kind and offers every kind and apiVersion', () => {
    const kinds = [...Object.keys(KIND_SHAPES), 'List'];
    expect(schema.properties?.['kind']?.enum).toEqual(kinds);
    expect(schema.properties?.['apiVersion']?.enum).toEqual(['v1', 'storage.k8s.io/v1']);
    expect(schema.allOf?.map((branch) => branch.if?.properties?.['kind']?.const)).toEqual(kinds);
    for (const branch of schema.allOf ?? []) expect(branch.if?.required).toEqual(['kind']);
    expect(schema.definitions['StorageClass']?.properties?.['apiVersion']?.enum).toEqual([
      'storage.k8s.io/v1',
    ]);
    expect(schema.definitions['PersistentVolumeClaim']?.properties?.['kind']?.enum).toEqual([
      'PersistentVolumeClaim',
    ]);
  });

  it('closes objects, lists known values and types quantities', () => {
    const claim = schema.definitions['PersistentVolumeClaim'] as JsonSchema;
    const spec = claim.properties?.['spec'] as JsonSchema;
    expect(claim.additionalProperties).toBe(false);
    expect(spec.additionalProperties).toBe(false);
    expect(spec.properties?.['accessModes']?.items?.enum).toEqual([
      'ReadWriteOnce',
      'ReadOnlyMany',
      'ReadWriteMany',
      'ReadWriteOncePod',
    ]);
    const storage = spec.properties?.['resources']?.properties?.['requests']?.properties?.['storage'];
    expect(storage).toMatchObject({ type: ['string', 'integer'], pattern: QUANTITY_STRING_PATTERN });
    const volume = schema.definitions['PersistentVolume']?.properties?.['spec']?.properties;
    expect(volume?.['persistentVolumeReclaimPolicy']?.enum).toEqual(['Retain', 'Delete', 'Recycle']);
    const storageClass = schema.definitions['StorageClass']?.properties;
    expect(storageClass?.['reclaimPolicy']?.enum).toEqual(['Delete', 'Retain']);
    expect(storageClass?.['volumeBindingMode']?.enum).toEqual(['Immediate', 'WaitForFirstConsumer']);
    // Containers accept every Kubernetes field (env, ports...): their shape is open.
    const pod = schema.definitions['Pod']?.properties?.['spec'];
    expect(pod?.properties?.['containers']?.items?.additionalProperties).toBeUndefined();
  });

  it('asks for a description of every field by kind and dotted path', () => {
    expect(described).toContainEqual(['PersistentVolumeClaim', 'spec.accessModes']);
    expect(described).toContainEqual(['PersistentVolumeClaim', 'spec.resources.requests.storage']);
    expect(described).toContainEqual(['PersistentVolume', 'spec.capacity.storage']);
    expect(described).toContainEqual(['Pod', 'spec.volumes[].persistentVolumeClaim.claimName']);
    expect(described).toContainEqual(['Pod', 'spec.containers[].volumeMounts[].mountPath']);
    expect(described).toContainEqual(['StorageClass', 'parameters.*']);
    expect(described).toContainEqual(['StorageClass', '']);
    const claimName =
      schema.definitions['Pod']?.properties?.['spec']?.properties?.['volumes']?.items?.properties?.[
        'persistentVolumeClaim'
      ]?.properties?.['claimName'];
    expect(claimName?.markdownDescription).toBe('**Pod** `spec.volumes[].persistentVolumeClaim.claimName`');
    expect(claimName?.description).toBe('Pod spec.volumes[].persistentVolumeClaim.claimName');
  });

  it('keeps server-written and unsimulated fields out of completion', () => {
    const claim = schema.definitions['PersistentVolumeClaim']?.properties;
    expect(claim?.['status']?.doNotSuggest).toBe(true);
    expect(claim?.['metadata']?.properties?.['uid']?.doNotSuggest).toBe(true);
    expect(claim?.['metadata']?.properties?.['name']?.doNotSuggest).toBeUndefined();
    const volume = schema.definitions['PersistentVolume']?.properties?.['spec']?.properties;
    expect(volume?.['iscsi']?.doNotSuggest).toBe(true);
    expect(volume?.['hostPath']?.doNotSuggest).toBeUndefined();
  });

  it.skipIf(!existsSync(CONFORMANCE))('accepts every manifest the conformance scenarios apply', () => {
    const manifests = acceptedConformanceManifests();
    expect(manifests.length).toBeGreaterThan(50);
    const problems = manifests.flatMap(({ file, yaml }) =>
      problemsOf(yaml).map((problem) => `${file.slice(CONFORMANCE.length + 1)}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('accepts the documents of the docs the course teaches, and a List', () => {
    const yaml = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard-ssd
provisioner: kubernetes.io/gce-pd
parameters:
  type: pd-ssd
  fstype: ext4
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
---
apiVersion: v1
kind: Pod
metadata:
  name: test-pd
spec:
  containers:
  - image: registry.k8s.io/test-webserver
    name: test-container
    env: [{ name: MODE, value: demo }]
    volumeMounts:
    - mountPath: /cache
      name: cache-volume
  volumes:
  - name: cache-volume
    emptyDir:
      sizeLimit: 500Mi
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: { name: log-config }
  data: { log_level: INFO }
`;
    expect(problemsOf(yaml)).toEqual([]);
  });

  it.each([
    [
      'a misspelled field',
      'kind: PersistentVolumeClaim\nmetadata: {name: c}\nspec: {accesModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
      'spec.accesModes: unknown field',
    ],
    [
      'an unknown reclaim policy',
      'kind: PersistentVolume\nmetadata: {name: v}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], persistentVolumeReclaimPolicy: Keep, hostPath: {path: /d}}',
      'spec.persistentVolumeReclaimPolicy: "Keep" is not one of Retain, Delete, Recycle',
    ],
    [
      'Recycle on a StorageClass',
      'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: s}\nprovisioner: x\nreclaimPolicy: Recycle',
      'reclaimPolicy: "Recycle" is not one of Delete, Retain',
    ],
    [
      'a size that is not a quantity',
      'kind: PersistentVolumeClaim\nmetadata: {name: c}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 5GB}}}',
      `spec.resources.requests.storage: "5GB" does not match ${QUANTITY_STRING_PATTERN}`,
    ],
    [
      'a capacity other than storage',
      'kind: PersistentVolume\nmetadata: {name: v}\nspec: {capacity: {storage: 1Gi, cpu: 1}, accessModes: [ReadWriteOnce], hostPath: {path: /d}}',
      'spec.capacity.cpu: unknown field',
    ],
    [
      'a StorageClass in the core group',
      'apiVersion: v1\nkind: StorageClass\nmetadata: {name: s}\nprovisioner: x',
      'apiVersion: "v1" is not one of storage.k8s.io/v1',
    ],
    [
      'a kind the simulator does not have',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}',
      'kind: "Deployment" is not one of PersistentVolume, PersistentVolumeClaim, StorageClass, Pod, ConfigMap, Namespace, Node, CSIDriver, List',
    ],
    ['a document without a kind', 'apiVersion: v1\nmetadata: {name: x}', 'kind: required'],
    [
      'access modes written as one string',
      'kind: PersistentVolumeClaim\nmetadata: {name: c}\nspec: {accessModes: ReadWriteOnce, resources: {requests: {storage: 1Gi}}}',
      'spec.accessModes: expected array, got string',
    ],
    [
      'a pod volume without a name',
      'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i}], volumes: [{emptyDir: {}}]}',
      'spec.volumes[0].name: required',
    ],
    [
      'a claim without a size',
      'kind: PersistentVolumeClaim\nmetadata: {name: c}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {}}}',
      'spec.resources.requests.storage: required',
    ],
  ])('rejects %s', (_what, body, problem) => {
    const yaml = body.startsWith('apiVersion') ? body : `apiVersion: v1\n${body}`;
    expect(problemsOf(yaml)).toContain(problem);
  });

  it('has a quantity pattern that agrees with the engine', () => {
    const samples = ['1', '5Gi', '500Mi', '1.5G', '.5', '1e3', '1E', '2k', '100m', '-1Gi', '+3Ki', '1.', '0'];
    const wrong = ['5GB', '1.2.3', '1K', 'Gi', '1 Gi', '', '1e', '1ki', '5Gi ', '1iB'];
    for (const text of [...samples, ...wrong]) {
      expect(new RegExp(QUANTITY_STRING_PATTERN).test(text), text).toBe(parseQuantity(text) !== null);
    }
  });
});
