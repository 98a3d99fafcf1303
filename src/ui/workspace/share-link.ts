/**
 * Share links: the story (replay log), the frame shown and the editor text, packed into the URL
 * fragment as `#share/<version>/<payload>`. The fragment never reaches a server. Every format
 * ever written keeps its decoder here, so old links keep opening; a newer format is refused with
 * a message rather than guessed at. What a link holds is data only: it is checked for shape and
 * size, replayed by the engine (which checks it again), and shown as text, never as HTML or code.
 */
import type { ReplayLog } from '../../worker/replay-log';
import { replayLogProblem } from '../../worker/replay-log';
import { deflateToBase64Url, inflateFromBase64Url } from './packing';
import { MAX_EDITOR_TEXT } from './workspace-format';

export const SHARE_PREFIX = '#share/';
export const SHARE_LINK_VERSION = 1;
/** Long URLs get cut by chat apps and mail clients; beyond this, a file is the better way. */
export const MAX_LINK_CHARS = 32_000;
/** What a link may unpack to (a bomb of repeated bytes is refused here). */
export const MAX_UNPACKED_BYTES = 4 * 1024 * 1024;

export interface SharedStory {
  readonly log: ReplayLog;
  /** The frame the sender was looking at. */
  readonly seq: number;
  readonly editorText: string;
}

export type LinkResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function isShareLink(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** The link for a story, or why there is none (too long for a link). */
export async function encodeShareLink(story: SharedStory, pageUrl: string): Promise<LinkResult<string>> {
  const payload = await deflateToBase64Url(
    JSON.stringify({ log: story.log, seq: story.seq, editorText: story.editorText }),
  );
  const url = `${pageUrl.split('#')[0] ?? ''}${SHARE_PREFIX}${SHARE_LINK_VERSION}/${payload}`;
  if (url.length > MAX_LINK_CHARS)
    return {
      ok: false,
      reason: `this story makes a link of ${Math.round(url.length / 1024)} KB, longer than links can safely be (${MAX_LINK_CHARS / 1000} KB). Export the workspace to a file and send that instead`,
    };
  return { ok: true, value: url };
}

type Decoder = (payload: string) => Promise<LinkResult<SharedStory>>;

/** One decoder per link format ever written. Never remove one: old links must keep opening. */
const DECODERS: Readonly<Record<string, Decoder>> = {
  '1': decodeVersion1,
};

/** The story in a link's fragment, or why it cannot be opened (changing nothing). */
export async function decodeShareLink(hash: string): Promise<LinkResult<SharedStory>> {
  if (!isShareLink(hash)) return { ok: false, reason: 'it is not a share link' };
  if (hash.length > MAX_LINK_CHARS)
    return {
      ok: false,
      reason: `it is ${hash.length} characters long; links of this app are at most ${MAX_LINK_CHARS}`,
    };
  const rest = hash.slice(SHARE_PREFIX.length);
  const slash = rest.indexOf('/');
  const version = slash < 0 ? rest : rest.slice(0, slash);
  const decoder = Object.hasOwn(DECODERS, version) ? DECODERS[version] : undefined;
  if (!decoder)
    return {
      ok: false,
      reason: /^\d+$/.test(version)
        ? `it was made by a newer version of this app (link format ${version}; this one opens up to ${SHARE_LINK_VERSION})`
        : 'its format is not one this app writes',
    };
  if (slash < 0) return { ok: false, reason: 'it holds no story' };
  return decoder(rest.slice(slash + 1));
}

async function decodeVersion1(payload: string): Promise<LinkResult<SharedStory>> {
  const unpacked = await inflateFromBase64Url(payload, MAX_UNPACKED_BYTES);
  if (!unpacked.ok) return unpacked;
  let value: unknown;
  try {
    value = JSON.parse(unpacked.text);
  } catch {
    return { ok: false, reason: 'its story is not readable data (not JSON)' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'its story is not an object' };
  const record = value as Record<string, unknown>;
  const log = replayLogProblem(record['log']);
  if (typeof log === 'string')
    return { ok: false, reason: `its story is not one this app can replay: ${log}` };
  const seq = record['seq'];
  if (!Number.isInteger(seq) || (seq as number) < 0)
    return { ok: false, reason: 'its frame number is not a number' };
  const editorText = record['editorText'];
  if (typeof editorText !== 'string') return { ok: false, reason: 'its editor text is not text' };
  if (editorText.length > MAX_EDITOR_TEXT) return { ok: false, reason: 'its editor text is too long' };
  return { ok: true, value: { log, seq: seq as number, editorText } };
}
