/**
 * `-o yaml` and `-o json` as kubectl writes them: the object goes through JSON, so keys come out
 * sorted; JSON is indented by four spaces with `<`, `>` and `&` escaped (Go's encoder); YAML is
 * go-yaml's: block style, list items not indented under their key, and a string quoted with double
 * quotes when it would otherwise read back as another type ("yes", "10", a timestamp), with single
 * quotes when YAML syntax needs it.
 */
import { Document, visit } from 'yaml';

export function toJson(value: unknown): string {
  const text = JSON.stringify(sortKeys(value), null, 4) ?? 'null';
  return `${text.replace(/[<>&\u2028\u2029]/g, goEscape)}\n`;
}

/** Go's json.Marshal: compact, sorted keys, HTML characters escaped. */
export function compactGoJson(value: unknown): string {
  return (JSON.stringify(sortKeys(value)) ?? 'null').replace(/[<>&\u2028\u2029]/g, goEscape);
}

export function toYaml(value: unknown): string {
  const document = new Document(sortKeys(value));
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && readsAsAnotherType(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return document.toString({ indentSeq: false, singleQuote: true, lineWidth: 80 });
}

function goEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A copy with every object's keys in sorted order, as a Go map marshals. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, child]) => child !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, child]) => [key, sortKeys(child)]));
}

const YAML_11_NULL = /^(?:~|null|Null|NULL|)$/;
const YAML_11_BOOL =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const YAML_11_SPECIAL_FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const GO_INT = /^[-+]?(?:0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[0-9]+)$/;
const GO_FLOAT = /^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
const BASE_60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP =
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:Z|[-+][0-9]{2}:[0-9]{2})?)?$/;

/** go-yaml's resolve(): would this text, unquoted, be read as null, a bool, a number or a time? */
function readsAsAnotherType(text: string): boolean {
  if (YAML_11_NULL.test(text) || YAML_11_BOOL.test(text) || YAML_11_SPECIAL_FLOAT.test(text)) return true;
  if (BASE_60.test(text) || TIMESTAMP.test(text)) return true;
  if (!/^[-+.0-9]/.test(text)) return false;
  const digits = text.replaceAll('_', '');
  return GO_INT.test(digits) || GO_FLOAT.test(digits);
}
