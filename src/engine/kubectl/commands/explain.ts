/**
 * `kubectl explain RESOURCE[.FIELD...]`, laid out as kubectl's plaintext template
 * (pkg/explain/v2/templates/plaintext.tmpl): the kind and version, the field with its type and
 * accepted values, its description wrapped at 76 columns, then the fields it contains.
 */
import type { KindName } from '../../model/types';
import { KINDS } from '../../model/types';
import { resolveResource } from '../../print/resources';
import { fieldInfo } from '../field-docs';
import type { SchemaField } from '../field-schema';
import { childFields, fieldName, kindSchema, lookupField, typeName } from '../field-schema';
import { boolFlag } from '../flags';
import { failed, succeeded } from '../output';
import { unknownResourceType } from '../resource-args';
import type { KubectlOutput } from '../types';
import { indentLines, wrapWords } from '../word-wrap';
import type { Command, CommandContext } from './command';

const MISSING_RESOURCE =
  'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.';

/** How many accepted values a field list shows before `, ....`. */
const SHORT_ENUM_LIMIT = 4;

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Get documentation for a resource',
  usage: 'explain TYPE[.FIELD...] [--recursive]',
  flags: [
    { name: 'recursive', type: 'bool', usage: 'Print the fields of fields (currently only 1 level deep)' },
  ],
  run: runExplain,
};

function runExplain(context: CommandContext): KubectlOutput {
  if (context.args.length === 0) return failed(MISSING_RESOURCE);
  if (context.args.length > 1) return failed('error: We accept only this format: explain RESOURCE');
  const [resource = '', ...names] = (context.args[0] ?? '').split('.');
  const kind = resolveResource(resource);
  if (!kind) return failed(unknownResourceType(resource));
  const root = kindSchema(kind);
  if (!root) return failed(`error: explain is not simulated for ${KINDS[kind].resource}`);
  const lookup = lookupField(root, names);
  if (!lookup.ok) return failed(`error: field "${lookup.missing}" does not exist`);
  return succeeded(explainText(kind, lookup.field, boolFlag(context.flags, 'recursive')));
}

function explainText(kind: KindName, field: SchemaField, recursive: boolean): string {
  const apiVersion = KINDS[kind].apiVersion;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [undefined, apiVersion];
  let text = group ? `GROUP:      ${group}\n` : '';
  text += `KIND:       ${field.kind}\nVERSION:    ${version ?? ''}\n\n`;
  if (field.path !== '') {
    text += `FIELD: ${fieldName(field)} <${typeName(field)}>\n${longEnum(field)}\n\n`;
  }
  const description = fieldInfo(field.kind, field.path)?.description;
  text += `DESCRIPTION:\n${indentLines(wrapWords(description ? `${description}\n` : '<empty>', 76), 4)}\n`;
  const children = childFields(field);
  if (children.length > 0) text += `FIELDS:\n${fieldList(children, 1, recursive)}`;
  return `${text}\n`;
}

/** The field list: each field's name, type and description; with --recursive, names only, nested. */
function fieldList(fields: readonly SchemaField[], level: number, recursive: boolean): string {
  const indent = level * 2;
  return fields
    .map((field) => {
      const doc = fieldInfo(field.kind, field.path);
      const required = doc?.required ? ' -required-' : '';
      const heading = `${' '.repeat(indent)}${fieldName(field)}\t<${typeName(field)}>${required}${shortEnum(field, indent)}\n`;
      if (recursive) return heading + fieldList(childFields(field), level + 1, true);
      const description = indentLines(
        wrapWords(doc?.description ?? '<no description>', 78 - indent),
        indent + 2,
      );
      return `${heading}${description}\n\n`;
    })
    .join('');
}

function enumValues(field: SchemaField): readonly string[] {
  return fieldInfo(field.kind, field.path)?.enum ?? [];
}

function showValue(value: string): string {
  return value === '' ? '""' : value;
}

/** `ENUM:` and one value per line, under the FIELD line. */
function longEnum(field: SchemaField): string {
  const values = enumValues(field);
  if (values.length === 0) return '';
  return `ENUM:${values.map((value) => `\n    ${showValue(value)}`).join('')}`;
}

/** `enum: a, b, c, ....` on its own line under a field of the list. */
function shortEnum(field: SchemaField, indent: number): string {
  const values = enumValues(field);
  if (values.length === 0) return '';
  const shown = values.slice(0, SHORT_ENUM_LIMIT).map(showValue).join(', ');
  const more = values.length > SHORT_ENUM_LIMIT ? ', ....' : '';
  return `\n${' '.repeat(indent)}enum: ${shown}${more}`;
}
