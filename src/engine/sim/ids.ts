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

/** A UUID-shaped uid derived from a counter, so names like pvc-<uid> look real and stay stable. */
export function uidFromCounter(counter: number): string {
  const hex = hexDigest(`uid:${counter}`, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
