/** Field validators shared by every kind, with the API server's own messages. */
import type { FieldError } from '../errors';
import { ACCESS_MODES } from '../../model/access-modes';
import { parseQuantity } from '../../model/quantity';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const SUBDOMAIN_HELP =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_HELP =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

export function quote(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? value : String(value));
}

export function required(field: string, detail?: string): FieldError {
  return detail ? { field, type: 'Required value', detail } : { field, type: 'Required value' };
}

export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { field, type: 'Invalid value', badValue: quote(value), detail };
}

export function forbidden(field: string, detail: string): FieldError {
  return { field, type: 'Forbidden', detail };
}

export function unsupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return {
    field,
    type: 'Unsupported value',
    badValue: quote(value),
    detail: `supported values: ${[...supported]
      .sort()
      .map((item) => quote(item))
      .join(', ')}`,
  };
}

export function immutable(field: string, value: unknown): FieldError {
  return {
    field,
    type: 'Invalid value',
    badValue: typeof value === 'string' ? quote(value) : JSON.stringify(value ?? null),
    detail: 'field is immutable',
  };
}

export function validateDnsSubdomain(field: string, value: string): FieldError[] {
  if (value.length > 253) return [invalid(field, value, 'must be no more than 253 characters')];
  return DNS1123_SUBDOMAIN.test(value) ? [] : [invalid(field, value, SUBDOMAIN_HELP)];
}

export function validateDnsLabel(field: string, value: string): FieldError[] {
  if (value.length > 63) return [invalid(field, value, 'must be no more than 63 characters')];
  return DNS1123_LABEL.test(value) ? [] : [invalid(field, value, LABEL_HELP)];
}

/** Label and annotation keys: an optional DNS-subdomain prefix and a name part. */
export function validateQualifiedName(field: string, value: string): FieldError[] {
  const parts = value.split('/');
  const name = parts.length === 2 ? (parts[1] ?? '') : (parts[0] ?? '');
  const prefix = parts.length === 2 ? (parts[0] ?? '') : undefined;
  if (parts.length > 2 || name.length === 0 || name.length > 63 || !QUALIFIED_NAME_PART.test(name)) {
    return [
      invalid(
        field,
        value,
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ),
    ];
  }
  if (prefix !== undefined) {
    if (prefix.length === 0) return [invalid(field, value, 'prefix part must be non-empty')];
    return validateDnsSubdomain(field, prefix).map((error) => ({ ...error, badValue: quote(value) }));
  }
  return [];
}

export function validateLabels(field: string, labels: Readonly<Record<string, string>> | undefined) {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    errors.push(...validateQualifiedName(field, key));
    if (value.length > 63 || !LABEL_VALUE.test(value)) {
      errors.push(
        invalid(
          field,
          value,
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        ),
      );
    }
  }
  return errors;
}

export function validateAccessModes(
  field: string,
  modes: readonly string[] | undefined,
  requiredDetail?: string,
) {
  const errors: FieldError[] = [];
  if (!modes || modes.length === 0) {
    errors.push(required(field, requiredDetail));
    return errors;
  }
  for (const mode of modes) {
    if (!(ACCESS_MODES as readonly string[]).includes(mode))
      errors.push(unsupported(field, mode, ACCESS_MODES));
  }
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
    errors.push(forbidden(field, 'may not use ReadWriteOncePod with other access modes'));
  }
  return errors;
}

export function validatePositiveQuantity(field: string, value: string | undefined): FieldError[] {
  if (value === undefined) return [required(field)];
  const parsed = parseQuantity(value);
  if (!parsed) return [invalid(field, value, 'quantities must match the regular expression')];
  if (parsed.nanos <= 0n) return [invalid(field, value, 'must be greater than zero')];
  return [];
}

export function validateVolumeMode(field: string, mode: string | undefined): FieldError[] {
  if (mode === undefined) return [];
  return mode === 'Block' || mode === 'Filesystem' ? [] : [unsupported(field, mode, ['Block', 'Filesystem'])];
}

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const NODE_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

export function validateLabelSelector(
  field: string,
  selector:
    | {
        matchLabels?: Record<string, string>;
        matchExpressions?: { key: string; operator: string; values?: string[] }[];
      }
    | undefined,
): FieldError[] {
  if (!selector) return [];
  const errors = validateLabels(`${field}.matchLabels`, selector.matchLabels);
  for (const [index, expression] of (selector.matchExpressions ?? []).entries()) {
    errors.push(
      ...validateRequirement(`${field}.matchExpressions[${index}]`, expression, SELECTOR_OPERATORS),
    );
  }
  return errors;
}

export function validateNodeSelector(
  field: string,
  selector:
    | { nodeSelectorTerms?: { matchExpressions?: { key: string; operator: string; values?: string[] }[] }[] }
    | undefined,
): FieldError[] {
  if (!selector) return [];
  const terms = selector.nodeSelectorTerms ?? [];
  if (terms.length === 0)
    return [required(`${field}.nodeSelectorTerms`, 'must have at least one node selector term')];
  return terms.flatMap((term, termIndex) =>
    (term.matchExpressions ?? []).flatMap((expression, index) =>
      validateRequirement(
        `${field}.nodeSelectorTerms[${termIndex}].matchExpressions[${index}]`,
        expression,
        NODE_SELECTOR_OPERATORS,
      ),
    ),
  );
}

function validateRequirement(
  field: string,
  expression: { key: string; operator: string; values?: string[] },
  operators: readonly string[],
): FieldError[] {
  const errors: FieldError[] = [];
  if (!expression.key) errors.push(required(`${field}.key`));
  else errors.push(...validateQualifiedName(`${field}.key`, expression.key));
  if (!operators.includes(expression.operator)) {
    errors.push(unsupported(`${field}.operator`, expression.operator ?? '', operators));
  } else if (
    (expression.operator === 'In' || expression.operator === 'NotIn') &&
    !expression.values?.length
  ) {
    errors.push(required(`${field}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (
    (expression.operator === 'Exists' || expression.operator === 'DoesNotExist') &&
    expression.values?.length
  ) {
    errors.push(
      forbidden(`${field}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
    );
  }
  return errors;
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/');
}
