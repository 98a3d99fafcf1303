import { describe, expect, it } from 'vitest';
import { REPLAY_LOG_VERSION } from '../../worker/replay-log';
import { deflateToBase64Url, fromBase64Url, inflateFromBase64Url, toBase64Url } from './packing';
import type { SharedStory } from './share-link';
import { MAX_LINK_CHARS, SHARE_PREFIX, decodeShareLink, encodeShareLink, isShareLink } from './share-link';

const PAGE = 'http://127.0.0.1:4173/';

const story: SharedStory = {
  log: {
    version: REPLAY_LOG_VERSION,
    options: { drivers: ['ebs.csi.aws.com'] },
    moves: [
      { kind: 'intent', intent: { type: 'apply', text: 'apiVersion: v1\nkind: PersistentVolumeClaim\n' } },
      { kind: 'rounds', count: 4 },
      { kind: 'kubectl', line: 'kubectl delete pvc data' },
    ],
  },
  seq: 3,
  editorText: 'apiVersion: v1\nkind: Pod # ünïcödé ✓\n',
};

async function linkFor(value: SharedStory): Promise<string> {
  const encoded = await encodeShareLink(value, `${PAGE}#old-fragment`);
  if (!encoded.ok) throw new Error(encoded.reason);
  return encoded.value;
}

const hashOf = (url: string) => url.slice(url.indexOf('#'));

/** A hand-made version 1 link around any JSON text (what a tamperer could write). */
async function handMade(json: string): Promise<string> {
  return `${SHARE_PREFIX}1/${await deflateToBase64Url(json)}`;
}

async function refusal(hash: string): Promise<string> {
  const decoded = await decodeShareLink(hash);
  return decoded.ok ? 'opened' : decoded.reason;
}

describe('share links', () => {
  it('round-trips the story, the frame and the editor text through a versioned fragment', async () => {
    const url = await linkFor(story);
    expect(url.startsWith(`${PAGE}#share/1/`)).toBe(true);
    expect(url).toMatch(/^[^#]+#share\/1\/[A-Za-z0-9_-]+$/);
    expect(isShareLink(hashOf(url))).toBe(true);
    expect(await decodeShareLink(hashOf(url))).toEqual({ ok: true, value: story });
  });

  it('packs a typical story small', async () => {
    const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\n'.repeat(20);
    const url = await linkFor({ ...story, editorText: text });
    expect(url.length).toBeLessThan(1200);
  });

  it('refuses a story too long for a link, suggesting a file', async () => {
    const noise = Array.from({ length: 40_000 }, (_, index) => ((index * 7919) % 65_521).toString(36)).join(
      '',
    );
    const encoded = await encodeShareLink({ ...story, editorText: noise }, PAGE);
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.reason).toMatch(
      /longer than links can safely be .*Export the workspace to a file/,
    );
  });

  it('picks the decoder by version and refuses versions it does not know', async () => {
    const url = await linkFor(story);
    const payload = hashOf(url).slice(`${SHARE_PREFIX}1/`.length);
    expect(await refusal(`${SHARE_PREFIX}2/${payload}`)).toBe(
      'it was made by a newer version of this app (link format 2; this one opens up to 1)',
    );
    expect(await refusal(`${SHARE_PREFIX}x/${payload}`)).toBe('its format is not one this app writes');
    expect(await refusal(`${SHARE_PREFIX}__proto__/${payload}`)).toBe(
      'its format is not one this app writes',
    );
    expect(await refusal(`${SHARE_PREFIX}1`)).toBe('it holds no story');
  });

  it('refuses damaged links with a reason, whatever the damage', async () => {
    const url = await linkFor(story);
    const hash = hashOf(url);
    expect(await refusal(`${hash.slice(0, -3)}$%!`)).toBe(
      'it is damaged (part of it was cut off or changed)',
    );
    expect(await refusal(`${SHARE_PREFIX}1/AAAAAAAAAAAA`)).toBe('its data is damaged and does not unpack');
    expect(await refusal(await handMade('{"log": '))).toBe('its story is not readable data (not JSON)');
    expect(await refusal(await handMade('[1, 2]'))).toBe('its story is not an object');
    expect(await refusal(await handMade(JSON.stringify({ ...story, seq: 'last' })))).toBe(
      'its frame number is not a number',
    );
    expect(
      await refusal(await handMade(JSON.stringify({ ...story, log: { ...story.log, version: 99 } }))),
    ).toMatch(/^its story is not one this app can replay: the timeline has version 99/);
    expect(
      await refusal(
        await handMade(
          JSON.stringify({ ...story, log: { ...story.log, moves: [{ kind: 'eval', code: 'alert(1)' }] } }),
        ),
      ),
    ).toBe(
      'its story is not one this app can replay: moves[0].kind is not one of intent, kubectl, rounds, restore',
    );
  });

  it('refuses a link that unpacks to more than it may (a zip bomb) or is too long', async () => {
    const bomb = await handMade(JSON.stringify({ ...story, editorText: ' '.repeat(5 * 1024 * 1024) }));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(await refusal(bomb)).toBe('it unpacks to more than 4096 KB');
    expect(await refusal(`${SHARE_PREFIX}1/${'A'.repeat(MAX_LINK_CHARS)}`)).toMatch(
      /characters long; links of this app are at most/,
    );
  });

  it('keeps script-looking content as inert text, and cannot touch object prototypes', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">javascript:alert(3)';
    const json = JSON.stringify({
      log: { ...story.log, moves: [{ kind: 'intent', intent: { type: 'apply', text: hostile } }] },
      seq: 0,
      editorText: hostile,
    });
    // Written by hand: an object literal's __proto__ would set the prototype, not a key.
    const decoded = await decodeShareLink(
      await handMade(
        `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${json.slice(1)}`,
      ),
    );
    expect(decoded.ok && decoded.value.editorText).toBe(hostile);
    expect(decoded.ok && decoded.value.log.moves[0]).toEqual({
      kind: 'intent',
      intent: { type: 'apply', text: hostile },
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('packing', () => {
  it('base64url round-trips every byte value, without padding or URL-unsafe characters', () => {
    const bytes = Uint8Array.from({ length: 256 * 3 + 1 }, (_, index) => index % 256);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(text)).toEqual(bytes);
    expect(fromBase64Url('abc=')).toBeUndefined();
    expect(fromBase64Url('a')).toBeUndefined();
  });

  it('inflates what it deflated', async () => {
    const text = 'kind: PersistentVolume\n'.repeat(1000);
    const packed = await deflateToBase64Url(text);
    expect(packed.length).toBeLessThan(200);
    expect(await inflateFromBase64Url(packed, 1024 * 1024)).toEqual({ ok: true, text });
  });
});
