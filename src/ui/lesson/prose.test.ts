import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Prose } from './Prose';

const render = (text: string) => renderToStaticMarkup(createElement(Prose, { text }));

describe('lesson prose', () => {
  it('renders the Markdown subset: paragraphs, code, emphasis, strong', () => {
    expect(render('A `claimRef` is **one** volume *only*.\n\nNext.')).toBe(
      '<div class="prose"><p>A <code>claimRef</code> is <strong>one</strong> volume <em>only</em>.</p><p>Next.</p></div>',
    );
  });

  it.each([
    '<script>window.__pwned = true</script>',
    '<img src=x onerror="window.__pwned=true">',
    '`<script>alert(1)</script>`',
    '**<iframe src="https://example.com">**',
    '<a href="javascript:alert(1)">x</a>',
  ])('keeps %j as text', (payload) => {
    const html = render(`Before ${payload} after`);
    expect(html).not.toMatch(/<(script|img|iframe|a)\b/i);
    // No real tag carries a link, a source or a handler; the payload is shown escaped.
    expect(html).not.toMatch(/<[a-z]+[^>]*\s(href|src|on\w+)=/i);
    expect(html).toContain('&lt;');
  });
});
