/**
 * Mutated manifests for the hostile-input suite: valid seeds of every kind the engine knows, then
 * one to three mutations — at the object level (a field deleted or replaced by a hostile value)
 * or at the text level (characters inserted, lines dropped or repeated).
 */
import fc from 'fast-check';
import { dump } from 'js-yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const SEED_MANIFESTS: readonly { [key: string]: Json }[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } },
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'fast', annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' } },
    provisioner: 'ebs.csi.aws.com',
    parameters: { type: 'gp3' },
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
  },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-seed', labels: { tier: 'gold' } },
    spec: {
      capacity: { storage: '5Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      hostPath: { path: '/mnt/seed' },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'claim-seed', namespace: 'default' },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'fast',
      resources: { requests: { storage: '1Gi' } },
      selector: { matchLabels: { tier: 'gold' } },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings' },
    data: { 'app.properties': 'color=blue\n' },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'pod-seed' },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'busybox:1.36',
          volumeMounts: [
            { name: 'data', mountPath: '/data' },
            { name: 'scratch', mountPath: '/scratch' },
            { name: 'config', mountPath: '/etc/app' },
          ],
        },
      ],
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'claim-seed' } },
        { name: 'scratch', emptyDir: { sizeLimit: '100Mi' } },
        {
          name: 'config',
          configMap: { name: 'settings', items: [{ key: 'app.properties', path: 'app.properties' }] },
        },
      ],
    },
  },
];

/** Values a careless or hostile author might put anywhere. */
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    '',
    '-1Gi',
    '1.5.3Mi',
    '10XB',
    '1e400',
    'NaN',
    '0',
    '9999999999999999999999999999Ei',
    'Data',
    '<script>alert(1)</script>',
    '\u0000\u0007',
    '🙂',
    'ReadWriteEverywhere',
    [],
    {},
    [[[[[[]]]]]],
  ),
  fc.double(),
  fc.integer(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((value) => Number(value)),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

/** Every path to a value in a JSON object, containers included. */
function pathsOf(value: Json, prefix: readonly (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [[...prefix]] : [];
  if (Array.isArray(value))
    return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return here;
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

function setAt(root: Json, path: readonly (string | number)[], value: Json | undefined): void {
  let node: Json = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string, Json>)[key] ?? null;
  }
  const last = path.at(-1);
  if (node === null || typeof node !== 'object' || last === undefined) return;
  const container = node as Record<string, Json>;
  if (value === undefined) delete container[last];
  else container[last] = value;
}

type ObjectMutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'add'; key: string; value: Json };

const objectMutation: fc.Arbitrary<ObjectMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('add' as const), key: fc.string({ maxLength: 12 }), value: hostileValue }),
);

type TextMutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'drop-line'; at: number }
  | { kind: 'repeat-line'; at: number };

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom('\t', ':', '- ', '&a ', '*a', '{', ']', '"', '\n  ', '---\n', '%YAML 9\n'),
      fc.string({ maxLength: 4 }),
    ),
  }),
  fc.record({ kind: fc.constant('drop-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat-line' as const), at: fc.nat() }),
);

function mutateText(text: string, mutation: TextMutation): string {
  if (mutation.kind === 'insert') {
    const at = mutation.at % (text.length + 1);
    return text.slice(0, at) + mutation.text + text.slice(at);
  }
  const lines = text.split('\n');
  const at = mutation.at % lines.length;
  if (mutation.kind === 'drop-line') lines.splice(at, 1);
  else lines.splice(at, 0, lines[at] ?? '');
  return lines.join('\n');
}

export interface MutatedManifest {
  readonly text: string;
}

export function mutatedManifest(): fc.Arbitrary<MutatedManifest> {
  return fc
    .record({
      seed: fc.nat({ max: SEED_MANIFESTS.length - 1 }),
      objectMutations: fc.array(objectMutation, { minLength: 0, maxLength: 3 }),
      textMutations: fc.array(textMutation, { minLength: 0, maxLength: 2 }),
      asJson: fc.boolean(),
    })
    .map(({ seed, objectMutations, textMutations, asJson }) => {
      const object = clone(SEED_MANIFESTS[seed] ?? {});
      for (const mutation of objectMutations) {
        if (mutation.kind === 'add') {
          setAt(object, [mutation.key], mutation.value);
          continue;
        }
        const paths = pathsOf(object);
        const path = paths[mutation.at % Math.max(1, paths.length)];
        if (path) setAt(object, path, mutation.kind === 'delete' ? undefined : mutation.value);
      }
      let text = asJson ? JSON.stringify(object, null, 2) : dump(object, { noRefs: true });
      for (const mutation of textMutations) text = mutateText(text, mutation);
      return { text };
    });
}
