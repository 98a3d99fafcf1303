/** The label, annotation, finalizer and time fields every describer shares (describe.go helpers). */
import type { PrefixWriter } from './prefix-writer';

/** kubectl describe hides the annotation `kubectl apply` keeps: it only repeats the object. */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LENGTH = 140;

type StringMap = Readonly<Record<string, string>> | undefined;

/** Go's sort.Strings: byte order, not locale order. */
function sortedKeys(map: StringMap, skip: ReadonlySet<string> = new Set()): string[] {
  return Object.keys(map ?? {})
    .filter((key) => !skip.has(key))
    .sort();
}

/** printLabelsMultilineWithIndent: `Title:\tk=v`, then one `\tk=v` line per further label. */
export function printLabelsMultiline(
  writer: PrefixWriter,
  title: string,
  labels: StringMap,
  initialIndent = '',
  innerIndent = '\t',
): void {
  writer.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    writer.writeLine('<none>');
    return;
  }
  keys.forEach((key, index) => {
    if (index !== 0) {
      writer.write(0, initialIndent);
      writer.write(0, innerIndent);
    }
    writer.write(0, `${key}=${labels?.[key] ?? ''}\n`);
  });
}

/** printAnnotationsMultiline: `key: value`; long or multi-line values go below their key, cut at 140. */
export function printAnnotationsMultiline(writer: PrefixWriter, title: string, annotations: StringMap): void {
  writer.write(0, `${title}:\t`);
  const keys = sortedKeys(annotations, SKIPPED_ANNOTATIONS);
  if (keys.length === 0) {
    writer.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, index) => {
    if (index !== 0) writer.write(0, indent);
    const value = (annotations?.[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      writer.write(0, `${key}:\n`);
      for (const line of value.split('\n')) {
        writer.write(0, `${indent}  ${shorten(line, MAX_ANNOTATION_LENGTH - 2)}\n`);
      }
    } else {
      writer.write(0, `${key}: ${value}\n`);
    }
  });
}

export function shorten(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}...` : text;
}

/** labels.FormatLabels: `k=v,k2=v2` in key order, or <none>. */
export function formatLabels(map: StringMap): string {
  const keys = sortedKeys(map);
  return keys.length === 0 ? '<none>' : keys.map((key) => `${key}=${map?.[key] ?? ''}`).join(',');
}

/** A Go string slice printed with %v: `[a b]`. */
export function formatStringSlice(values: readonly string[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`;
}

/** printBool: "True" / "False". */
export function formatBool(value: boolean): string {
  return value ? 'True' : 'False';
}

export function formatBoolPointer(value: boolean | undefined): string {
  return value === undefined ? '<unset>' : formatBool(value);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC1123Z in UTC ("Thu, 01 Jan 2026 00:00:05 +0000"); an unset time is Go's zero time. */
export function formatRfc1123z(timestamp: string | undefined): string {
  if (!timestamp) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const date = new Date(Date.parse(timestamp));
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${WEEKDAYS[date.getUTCDay()] ?? ''}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()] ?? ''} ` +
    `${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}
