/**
 * Monaco, slimmed to what the manifest editor needs, with monaco-yaml and its workers. Only
 * YamlEditor imports this module, so all of Monaco lands in the editor's lazy chunk.
 * See ../shared/stack-notes.md section 3 for the two traps the wiring below avoids.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { JSONSchema, MonacoYamlOptions } from 'monaco-yaml';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';

export { monaco };

/** Owner of the markers that carry the engine's refusal (monaco-yaml's own owner is `yaml`). */
export const ENGINE_MARKER_OWNER = 'engine';

/** Every manifest model lives in this folder; the schema's fileMatch names it (matched as a glob). */
const MODEL_FOLDER = 'file:///manifests/';
const MODEL_FILE_MATCH = 'manifests/*.yaml';
const SCHEMA_URI = 'inmemory://schemas/kubernetes-storage.json';

/** Bundled workers only: nothing is fetched at run time. */
function createWorker(label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker();
}

globalThis.MonacoEnvironment = { getWorker: (_workerId, label) => createWorker(label) };

/** What monaco-worker-manager 2.0.1 (inside monaco-yaml) still passes: the pre-0.53 options. */
interface LegacyWorkerOptions {
  readonly worker?: Worker | Promise<Worker>;
  readonly label?: string;
  readonly createData?: unknown;
  readonly host?: monaco.editor.IInternalWebWorkerOptions['host'];
  readonly keepIdleModels?: boolean;
}

/**
 * Monaco ≥ 0.53 needs a `worker` (monaco-yaml issue #272). This does for the legacy options what
 * Monaco's internal workers.js does: the worker ignores its first message and reads createData
 * from the second.
 */
function createWebWorkerCompat<T extends object>(
  options: LegacyWorkerOptions,
): monaco.editor.MonacoWebWorker<T> {
  if (options.worker) return monaco.editor.createWebWorker<T>({ ...options, worker: options.worker });
  const worker = createWorker(options.label ?? 'yaml');
  worker.postMessage('ignore');
  worker.postMessage(options.createData);
  return monaco.editor.createWebWorker<T>({
    worker,
    host: options.host,
    keepIdleModels: options.keepIdleModels,
  });
}

const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker: createWebWorkerCompat } };

const YAML_OPTIONS: MonacoYamlOptions = {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  schemas: [],
};

// monaco-yaml allows one configuration per page: made once, then updated with the schema.
const monacoYaml = configureMonacoYaml(monacoForYaml, YAML_OPTIONS);
let currentSchema: object | null = null;

/** Validates and completes manifests against this schema (null: YAML syntax only). */
export function setManifestSchema(schema: object | null): void {
  if (schema === currentSchema) return;
  currentSchema = schema;
  const schemas = schema
    ? [{ fileMatch: [MODEL_FILE_MATCH], uri: SCHEMA_URI, schema: schema as JSONSchema }]
    : [];
  void monacoYaml.update({ schemas });
}

let modelCount = 0;

/** A new model for one editor; each gets its own URI, so two editors (or StrictMode) never clash. */
export function createManifestModel(text: string): monaco.editor.ITextModel {
  modelCount += 1;
  return monaco.editor.createModel(
    text,
    'yaml',
    monaco.Uri.parse(`${MODEL_FOLDER}manifest-${modelCount}.yaml`),
  );
}
