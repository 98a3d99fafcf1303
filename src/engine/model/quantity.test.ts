import { describe, expect, it } from 'vitest';
import { canonicalQuantity, compareQuantities, parseQuantity, quantityToBytes } from './quantity';

describe('quantities', () => {
  it('compares binary and decimal suffixes by value (1G < 1Gi, 1Gi = 1024Mi)', () => {
    expect(compareQuantities('1G', '1Gi')).toBe(-1);
    expect(compareQuantities('1Gi', '1024Mi')).toBe(0);
    expect(compareQuantities('1.5Gi', '1536Mi')).toBe(0);
    expect(compareQuantities('1e9', '1G')).toBe(0);
    expect(compareQuantities('500m', '1')).toBe(-1);
  });

  it('accepts plain numbers as written in YAML', () => {
    expect(parseQuantity(5)?.nanos).toBe(5_000_000_000n);
    expect(quantityToBytes('2Ki')).toBe(2048);
  });

  it.each(['-1Gi', '1.5.3Mi', '10XB', '', 'Gi', '1 Gi', ' 1Gi', '1Gi ', '1e', '--1', '1e99999'])(
    'refuses %j or keeps its sign',
    (text) => {
      const parsed = parseQuantity(text);
      if (text === '-1Gi') expect(parsed?.nanos).toBeLessThan(0n);
      else expect(parsed).toBeNull();
    },
  );

  it('refuses absurdly long digit strings instead of building huge numbers', () => {
    expect(parseQuantity('9'.repeat(1000))).toBeNull();
  });

  it('canonicalizes as the API server stores quantities', () => {
    expect(canonicalQuantity('1024Mi')).toBe('1Gi');
    expect(canonicalQuantity('1536Mi')).toBe('1536Mi');
    expect(canonicalQuantity('0.5Gi')).toBe('512Mi');
    expect(canonicalQuantity('1000M')).toBe('1G');
    expect(canonicalQuantity('1500M')).toBe('1500M');
    expect(canonicalQuantity('512')).toBe('512');
    expect(canonicalQuantity('0.5')).toBe('500m');
    expect(canonicalQuantity('1e3')).toBe('1e3');
    expect(canonicalQuantity(10)).toBe('10');
    expect(canonicalQuantity('nonsense')).toBeNull();
  });
});
