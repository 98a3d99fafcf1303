/**
 * Text packed small enough for a URL: deflate (the browser's own CompressionStream, so no library
 * and no network) and base64url. Unpacking is bounded: a link that inflates beyond the limit is
 * refused before it can fill memory.
 */

export async function deflateToBase64Url(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

export type Unpacked =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

export async function inflateFromBase64Url(packed: string, maxBytes: number): Promise<Unpacked> {
  const bytes = fromBase64Url(packed);
  if (!bytes) return { ok: false, reason: 'it is damaged (part of it was cut off or changed)' };
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return { ok: false, reason: `it unpacks to more than ${Math.round(maxBytes / 1024)} KB` };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'its data is damaged and does not unpack' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(concat(chunks, total)) };
  } catch {
    return { ok: false, reason: 'its data is not text' };
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The bytes, or undefined for text that is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
