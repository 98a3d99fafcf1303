/** Deterministic ids: uids, volume handles and event names come from counters kept in state. */

/** FNV-1a over a string, 32 bits, as an unsigned number. */
export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A stable hex digest of `length` characters (not cryptographic; names only). */
export function hexDigest(text: string, length: number): string {
  let out = '';
  let seed = 0x811c9dc5;
  while (out.length < length) {
    seed = fnv1a32(text, seed ^ out.length);
    out += seed.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** A 32-bit integer mix (the finalizer of murmur3): cheap, and spreads nearby counters far apart. */
function mix32(value: number): number {
  let hash = value >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex8(value: number): string {
  return (
    (HEX_BYTES[value >>> 24] ?? '') +
    (HEX_BYTES[(value >>> 16) & 0xff] ?? '') +
    (HEX_BYTES[(value >>> 8) & 0xff] ?? '') +
    (HEX_BYTES[value & 0xff] ?? '')
  );
}

/** A UUID-shaped uid derived from a counter, so names like pvc-<uid> look real and stay stable. */
export function uidFromCounter(counter: number): string {
  const a = hex8(mix32(counter * 4 + 1));
  const b = hex8(mix32(counter * 4 + 2));
  const c = hex8(mix32(counter * 4 + 3));
  const d = hex8(mix32(counter * 4 + 4));
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

/** The simulated wall clock starts here; a reconcile round lasts one simulated second. */
export const SIMULATION_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

export function timestampAt(clockSeconds: number): string {
  return new Date(SIMULATION_EPOCH_MS + clockSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function secondsOf(timestamp: string | undefined): number {
  if (!timestamp) return 0;
  return Math.round((Date.parse(timestamp) - SIMULATION_EPOCH_MS) / 1000);
}
