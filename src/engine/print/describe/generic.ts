/**
 * kubectl's describers for kinds without a dedicated one here: the ConfigMap describer, and the
 * generic describer that walks the object's fields (describe.genericDescriber).
 */
import type { ConfigMap, KubeObject } from '../../model/types';
import type { ClusterState } from '../../sim/state';
import type { DescriberSettings } from './settings';
import { DEFAULT_DESCRIBER_SETTINGS } from './settings';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './metadata';
import type { PrefixWriter } from './prefix-writer';
import { tabbedString } from './prefix-writer';

export function describeConfigMap(
  state: ClusterState,
  configMap: ConfigMap,
  settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS,
): string {
  return tabbedString((writer) => {
    writer.write(0, `Name:\t${configMap.metadata?.name ?? ''}\n`);
    writer.write(0, `Namespace:\t${configMap.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(writer, 'Labels', configMap.metadata?.labels);
    printAnnotationsMultiline(writer, 'Annotations', configMap.metadata?.annotations);
    // kubectl walks a Go map here (random order); key order keeps the output stable.
    writer.write(0, '\nData\n====\n');
    for (const [key, value] of sortedEntries(configMap.data)) {
      writer.write(0, `${key}:\n----\n`);
      writer.write(0, `${value}\n`);
      writer.write(0, '\n');
    }
    writer.write(0, '\nBinaryData\n====\n');
    for (const [key, value] of sortedEntries(configMap.binaryData)) {
      writer.write(0, `${key}: ${decodedLength(value)} bytes\n`);
    }
    writer.write(0, '\n');
    if (settings.showEvents) describeEvents(writer, state, configMap);
  });
}

const GENERIC_SKIPPED_FIELDS = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

export function describeGeneric(
  state: ClusterState,
  object: KubeObject,
  settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS,
): string {
  return tabbedString((writer) => {
    writer.write(0, `Name:\t${object.metadata?.name ?? ''}\n`);
    writer.write(0, `Namespace:\t${object.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(writer, 'Labels', object.metadata?.labels);
    printAnnotationsMultiline(writer, 'Annotations', object.metadata?.annotations);
    printContent(writer, 0, object as unknown as Record<string, unknown>, '');
    if (settings.showEvents) describeEvents(writer, state, object);
  });
}

/** printUnstructuredContent: fields in name order, maps and lists as indented sections. */
function printContent(
  writer: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  path: string,
): void {
  for (const [field, value] of sortedEntries(content)) {
    const fieldPath = `${path}.${field}`;
    if (GENERIC_SKIPPED_FIELDS.has(fieldPath)) continue;
    if (isRecord(value)) {
      writer.write(level, `${smartLabel(field)}:\n`);
      printContent(writer, level + 1, value, fieldPath);
    } else if (Array.isArray(value)) {
      writer.write(level, `${smartLabel(field)}:\n`);
      for (const child of value as unknown[]) {
        if (isRecord(child)) printContent(writer, level + 1, child, fieldPath);
        else writer.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      writer.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
    }
  }
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** smartLabelFor: "apiVersion" -> "API Version", "creationTimestamp" -> "Creation Timestamp". */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return splitCamelCase(field)
    .map((part) =>
      ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join(' ');
}

/** fatih/camelcase.Split: runs of lower, upper, digit or other; "HTTPServer" -> HTTP, Server. */
function splitCamelCase(text: string): string[] {
  const classOf = (character: string) =>
    /\p{Ll}/u.test(character)
      ? 'lower'
      : /\p{Lu}/u.test(character)
        ? 'upper'
        : /\p{N}/u.test(character)
          ? 'digit'
          : 'other';
  const runs: string[] = [];
  let previous = '';
  for (const character of text) {
    const current = classOf(character);
    if (current === previous && runs.length > 0) runs[runs.length - 1] += character;
    else runs.push(character);
    previous = current;
  }
  for (let index = 0; index < runs.length - 1; index += 1) {
    const run = runs[index] ?? '';
    const next = runs[index + 1] ?? '';
    if (classOf(run.charAt(0)) === 'upper' && classOf(next.charAt(0)) === 'lower') {
      runs[index + 1] = run.slice(-1) + next;
      runs[index] = run.slice(0, -1);
    }
  }
  return runs.filter((run) => run.length > 0);
}

/** Go's %v for JSON values. */
function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${(value as unknown[]).map(goValue).join(' ')}]`;
  if (isRecord(value))
    return `map[${sortedEntries(value)
      .map(([key, item]) => `${key}:${goValue(item)}`)
      .join(' ')}]`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedEntries<T>(map: Readonly<Record<string, T>> | undefined): [string, T][] {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** binaryData values are base64: kubectl reports the decoded size. */
function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}
