/**
 * What the checks need from a page: its scripts, stylesheets, inline scripts and links.
 * htmlparser2 reads the markup (forgiving, streaming); counts are capped.
 */
import { Parser } from 'htmlparser2';

export interface InlineScript {
  /** The id ("__NEXT_DATA__") or the position among unnamed inline scripts ("#2"). */
  label: string;
  /** Offsets of the script text in the page. */
  start: number;
  end: number;
}

export interface PageAssets {
  scripts: string[];
  stylesheets: string[];
  inlineScripts: InlineScript[];
  links: string[];
}

const MAX_PER_KIND = 50;

/** An http(s) reference made absolute against `base`, without its fragment; undefined otherwise. */
export function resolve(reference: string | undefined, base: string): string | undefined {
  if (!reference) return undefined;
  try {
    const url = new URL(reference.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/#.*$/, '') : undefined;
  } catch {
    return undefined;
  }
}

function push(list: string[], value: string | undefined): void {
  if (value !== undefined && list.length < MAX_PER_KIND && !list.includes(value)) list.push(value);
}

export function extractAssets(html: string, pageUrl: string): PageAssets {
  const assets: PageAssets = { scripts: [], stylesheets: [], inlineScripts: [], links: [] };
  let base = pageUrl;
  let openScript: { label: string; start: number } | undefined;
  let inlineCount = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'base') base = resolve(attributes.href, pageUrl) ?? base;
        if (name === 'script') {
          if (attributes.src !== undefined) push(assets.scripts, resolve(attributes.src, base));
          else openScript = { label: attributes.id || `#${++inlineCount}`, start: parser.endIndex + 1 };
        }
        if (name === 'link') {
          const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
          if (rel.includes('stylesheet') || (rel.includes('preload') && attributes.as === 'style')) push(assets.stylesheets, resolve(attributes.href, base));
          if (rel.includes('modulepreload') || (rel.includes('preload') && attributes.as === 'script')) push(assets.scripts, resolve(attributes.href, base));
        }
        if (name === 'a') push(assets.links, resolve(attributes.href, base));
      },
      onclosetag(name) {
        if (name === 'script' && openScript) {
          if (assets.inlineScripts.length < MAX_PER_KIND) assets.inlineScripts.push({ ...openScript, end: parser.startIndex });
          openScript = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return assets;
}
