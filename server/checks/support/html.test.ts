import { describe, expect, it } from 'vitest';
import { extractAssets } from './html';

describe('extractAssets', () => {
  it('finds scripts, stylesheets, inline scripts and links, resolved against the page', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/static/app.1a2b3c4d.css"><link rel="modulepreload" href="chunk-9f8e7d6c.js">
      <script src="/static/main.0a1b2c3d.js"></script><script src="https://cdn.other.test/lib.js"></script>
      <script id="__NEXT_DATA__" type="application/json">{"props":{}}</script><script>window.x=1</script>
      </head><body><a href="/pricing">Pricing</a><a href="mailto:a@b.test">mail</a></body></html>`;
    const assets = extractAssets(html, 'https://shop.test/app/');
    expect(assets.scripts).toEqual(['https://shop.test/app/chunk-9f8e7d6c.js', 'https://shop.test/static/main.0a1b2c3d.js', 'https://cdn.other.test/lib.js']);
    expect(assets.stylesheets).toEqual(['https://shop.test/static/app.1a2b3c4d.css']);
    expect(assets.links).toEqual(['https://shop.test/pricing']);
    expect(assets.inlineScripts.map((s) => s.label)).toEqual(['__NEXT_DATA__', '#1']);
    const next = assets.inlineScripts[0]!;
    expect(html.slice(next.start, next.end)).toBe('{"props":{}}');
  });
});
