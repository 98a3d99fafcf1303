/**
 * Kubernetes resource quantities ("10Gi", "500M", "1.5e3"), compared by value.
 * Values are exact: a BigInt count of nano-units, so 1Gi == 1024Mi and 1G < 1Gi.
 */

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface ParsedQuantity {
  /** Value in nano-units (1e-9). */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

/** The regular expression the API server reports in its error message. */
export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const QUANTITY_SHAPE = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))([eEinumkKMGTP]*[-+]?[0-9]*)$/;

const NANOS_PER_UNIT = 1_000_000_000n;
const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL_EXPONENT: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

/** Beyond this many digits a quantity is refused, so hostile input cannot make huge BigInts. */
const MAX_DIGITS = 40;

const parseCache = new Map<string, ParsedQuantity | null>();

/** Parses a quantity; null when it is not a valid Kubernetes quantity. */
export function parseQuantity(text: string | number): ParsedQuantity | null {
  const key = typeof text === 'number' ? String(text) : text;
  const cached = parseCache.get(key);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(key);
  if (parseCache.size > 10_000) parseCache.clear();
  parseCache.set(key, parsed);
  return parsed;
}

function parseUncached(text: string): ParsedQuantity | null {
  const match = QUANTITY_SHAPE.exec(text.trim() === text ? text : '');
  if (!match) return null;
  const numberPart = match[1] ?? '';
  const suffix = match[2] ?? '';
  if (numberPart.replace(/[^0-9]/g, '').length > MAX_DIGITS) return null;
  const negative = numberPart.startsWith('-');
  const unsigned = numberPart.replace(/^[+-]/, '');
  const [whole = '', fraction = ''] = unsigned.split('.');
  const digits = BigInt((whole || '0') + fraction);
  const fractionDigits = fraction.length;

  let format: QuantityFormat;
  let numerator: bigint;
  let denominator: bigint = 10n ** BigInt(fractionDigits);
  if (suffix in BINARY) {
    format = 'BinarySI';
    numerator = digits * (BINARY[suffix] ?? 1n) * NANOS_PER_UNIT;
  } else if (suffix in DECIMAL_EXPONENT) {
    format = 'DecimalSI';
    numerator = digits * NANOS_PER_UNIT;
    const exponent = DECIMAL_EXPONENT[suffix] ?? 0;
    if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
    else denominator *= 10n ** BigInt(-exponent);
  } else {
    const exp = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
    if (!exp) return null;
    const exponent = Number(exp[1]);
    if (Math.abs(exponent) > 30) return null;
    format = 'DecimalExponent';
    numerator = digits * NANOS_PER_UNIT;
    if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
    else denominator *= 10n ** BigInt(-exponent);
  }
  // Kubernetes rounds sub-nano precision up (away from zero).
  let nanos = numerator / denominator;
  if (nanos * denominator !== numerator) nanos += 1n;
  return { nanos: negative ? -nanos : nanos, format };
}

/** -1, 0 or 1, like resource.Quantity.Cmp. Both must be valid quantities. */
export function compareQuantities(a: string, b: string): number {
  const x = mustParse(a);
  const y = mustParse(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function quantityNanos(text: string): bigint {
  return mustParse(text);
}

function mustParse(text: string): bigint {
  const parsed = parseQuantity(text);
  if (!parsed) throw new Error(`invalid quantity ${JSON.stringify(text)}`);
  return parsed.nanos;
}

/** Bytes as a JavaScript number (for layout and display; exactness is not needed there). */
export function quantityToBytes(text: string): number {
  const parsed = parseQuantity(text);
  return parsed ? Number(parsed.nanos / NANOS_PER_UNIT) : 0;
}

/**
 * The canonical text the API server stores for a quantity: the largest suffix of the same
 * family that keeps the value whole ("1024Mi" -> "1Gi", "1500M" -> "1500M", "0.5Gi" -> "512Mi").
 */
export function canonicalQuantity(text: string | number): string | null {
  const parsed = parseQuantity(text);
  if (!parsed) return null;
  return formatQuantity(parsed.nanos, parsed.format);
}

export function formatQuantity(nanos: bigint, format: QuantityFormat): string {
  if (nanos === 0n) return '0';
  const sign = nanos < 0n ? '-' : '';
  const magnitude = nanos < 0n ? -nanos : nanos;
  const wholeUnits = magnitude % NANOS_PER_UNIT === 0n ? magnitude / NANOS_PER_UNIT : null;
  if (format === 'BinarySI' && wholeUnits !== null && wholeUnits >= 1024n) {
    let value = wholeUnits;
    let index = 0;
    const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    while (index < suffixes.length - 1 && value % 1024n === 0n) {
      value /= 1024n;
      index += 1;
    }
    return `${sign}${value}${suffixes[index]}`;
  }
  // Decimal: the largest power of 1000 that divides the value exactly.
  const suffixes: [string, bigint][] = [
    ['E', 10n ** 27n],
    ['P', 10n ** 24n],
    ['T', 10n ** 21n],
    ['G', 10n ** 18n],
    ['M', 10n ** 15n],
    ['k', 10n ** 12n],
    ['', 10n ** 9n],
    ['m', 10n ** 6n],
    ['u', 10n ** 3n],
    ['n', 1n],
  ];
  for (const [suffix, scale] of suffixes) {
    if (magnitude % scale === 0n) {
      const value = magnitude / scale;
      if (format === 'DecimalExponent') {
        const exponent = Math.log10(Number(scale)) - 9;
        return exponent === 0 ? `${sign}${value}` : `${sign}${value}e${exponent}`;
      }
      return `${sign}${value}${suffix}`;
    }
  }
  return `${sign}${magnitude}n`;
}

/** A short human size for narration: "10Gi", "1.5Gi", "500M". */
export function describeQuantity(text: string): string {
  return canonicalQuantity(text) ?? text;
}
