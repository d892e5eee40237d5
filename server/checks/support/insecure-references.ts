/**
 * What an HTTPS page asks the browser to load over plain HTTP (mixed content), read from its
 * markup with htmlparser2: active content (scripts, stylesheets, frames, plugins) that browsers
 * block, passive content (images, media, icons) that they upgrade or block and that marks the
 * page "Not secure", and forms that post to http://. Links are not loads and are ignored.
 */
import { Parser } from 'htmlparser2';
import { resolve } from './html';

export type ReferenceKind = 'active' | 'passive' | 'form';

export interface InsecureReference {
  kind: ReferenceKind;
  /** e.g. "script", "link stylesheet", "img srcset", "form action". */
  tag: string;
  url: string;
}

export interface PageReferences {
  references: InsecureReference[];
  /** <meta http-equiv="Content-Security-Policy"> values (upgrade-insecure-requests may be there). */
  metaCsp: string[];
}

const MAX_REFERENCES = 50;

function insecureUrl(raw: string | undefined, base: string): string | undefined {
  const url = resolve(raw, base);
  return url?.startsWith('http:') ? url : undefined;
}

/** "a.jpg 1x, http://x/b.jpg 2x" → the URLs. */
function srcsetUrls(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

const PASSIVE_TAGS = new Set(['img', 'audio', 'video', 'source', 'track']);

export function findInsecureReferences(html: string, pageUrl: string): PageReferences {
  const found: PageReferences = { references: [], metaCsp: [] };
  let base = pageUrl;
  const add = (kind: ReferenceKind, tag: string, raw: string | undefined) => {
    const url = insecureUrl(raw, base);
    if (url && found.references.length < MAX_REFERENCES && !found.references.some((r) => r.url === url && r.tag === tag)) found.references.push({ kind, tag, url });
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        switch (name) {
          case 'base':
            try {
              base = new URL(attributes.href ?? '', pageUrl).href;
            } catch {
              // keep the page's own address
            }
            break;
          case 'script':
            add('active', 'script', attributes.src);
            break;
          case 'iframe':
          case 'frame':
            add('active', name, attributes.src);
            break;
          case 'object':
            add('active', 'object', attributes.data);
            break;
          case 'embed':
            add('active', 'embed', attributes.src);
            break;
          case 'form':
            add('form', 'form action', attributes.action);
            break;
          case 'link': {
            const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
            const as = (attributes.as ?? '').toLowerCase();
            if (rel.includes('stylesheet') || rel.includes('modulepreload') || (rel.includes('preload') && (as === 'script' || as === 'style'))) add('active', `link ${rel.join(' ')}`, attributes.href);
            else if (rel.includes('icon') || rel.includes('apple-touch-icon') || (rel.includes('preload') && (as === 'image' || as === 'font'))) add('passive', `link ${rel.join(' ')}`, attributes.href);
            break;
          }
          case 'meta':
            if ((attributes['http-equiv'] ?? '').toLowerCase() === 'content-security-policy' && attributes.content) found.metaCsp.push(attributes.content);
            break;
          default:
            if (PASSIVE_TAGS.has(name)) {
              add('passive', name, attributes.src);
              if (name === 'video') add('passive', 'video poster', attributes.poster);
              for (const url of srcsetUrls(attributes.srcset)) add('passive', `${name} srcset`, url);
            }
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** CSP's upgrade-insecure-requests makes browsers fetch those http:// URLs over https:// instead. */
export function upgradesInsecureRequests(policies: readonly string[]): boolean {
  return policies.some((policy) => policy.split(/[;,]/).some((directive) => directive.trim().toLowerCase() === 'upgrade-insecure-requests'));
}
