/**
 * A tiny JSON Schema checker for tests: exactly the keywords buildKindSchemas writes ($ref to the
 * root or a definition, type, enum, const, pattern, properties, additionalProperties, required,
 * items, allOf, anyOf, if/then). It returns one line per problem: `path: what is wrong`.
 */
import type { JsonSchema, JsonSchemaDocument, JsonSchemaType } from './json-schema';

export function schemaProblems(document: JsonSchemaDocument, value: unknown): string[] {
  const problems: string[] = [];
  check(document, document, value, '', problems);
  return problems;
}

function resolve(document: JsonSchemaDocument, schema: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  if (schema.$ref === '#') return document;
  const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
  const target = name === undefined ? undefined : document.definitions[name];
  if (!target) throw new Error(`unresolvable $ref ${schema.$ref}`);
  return target;
}

function typeOf(value: unknown): JsonSchemaType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value as JsonSchemaType;
}

function matchesType(value: unknown, type: JsonSchemaType | readonly JsonSchemaType[]): boolean {
  const actual = typeOf(value);
  const allowed: readonly JsonSchemaType[] = typeof type === 'string' ? [type] : type;
  return allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function check(
  document: JsonSchemaDocument,
  raw: JsonSchema,
  value: unknown,
  path: string,
  problems: string[],
): void {
  const schema = resolve(document, raw);
  const at = path || '<root>';
  if (schema.type !== undefined && !matchesType(value, schema.type)) {
    problems.push(`${at}: expected ${String(schema.type)}, got ${typeOf(value)}`);
    return;
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  }
  if (schema.const !== undefined && schema.const !== value) {
    problems.push(`${at}: must be ${schema.const}`);
  }
  if (schema.pattern !== undefined && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) {
    problems.push(`${at}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  }
  if (isRecord(value)) checkObject(document, schema, value, path, problems);
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, index) => check(document, items, item, `${path}[${index}]`, problems));
  }
  for (const part of schema.allOf ?? []) check(document, part, value, path, problems);
  if (schema.anyOf && !schema.anyOf.some((part) => problemsOf(document, part, value, path).length === 0)) {
    problems.push(`${at}: matches none of the alternatives`);
  }
  if (schema.if && problemsOf(document, schema.if, value, path).length === 0 && schema.then) {
    check(document, schema.then, value, path, problems);
  }
}

function checkObject(
  document: JsonSchemaDocument,
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: string,
  problems: string[],
): void {
  for (const name of schema.required ?? []) {
    if (!(name in value)) problems.push(`${path ? `${path}.` : ''}${name}: required`);
  }
  for (const [name, field] of Object.entries(value)) {
    const fieldPath = path ? `${path}.${name}` : name;
    const fieldSchema = schema.properties?.[name];
    if (fieldSchema) check(document, fieldSchema, field, fieldPath, problems);
    else if (schema.additionalProperties === false) problems.push(`${fieldPath}: unknown field`);
    else if (typeof schema.additionalProperties === 'object') {
      check(document, schema.additionalProperties, field, fieldPath, problems);
    }
  }
}

function problemsOf(
  document: JsonSchemaDocument,
  schema: JsonSchema,
  value: unknown,
  path: string,
): string[] {
  const problems: string[] = [];
  check(document, schema, value, path, problems);
  return problems;
}
