/**
 * Mixed content: HTTPS pages that load scripts, styles, frames or images over plain HTTP, or
 * post forms to http://. Reads the homepage, the listed subdomains' roots and the listed GET
 * pages (at most 6 pages, one request each, 2 MB each, 8 s each). A page whose
 * Content-Security-Policy says upgrade-insecure-requests gets those loads upgraded by browsers,
 * which is noted rather than failed.
 */
import { headerValue, type HttpResponse } from '@/server/net/http-client';
import { bodyText, fetchSafely } from './support/fetch';
import { findingsOf } from './support/finding';
import { findInsecureReferences, upgradesInsecureRequests, type InsecureReference } from './support/insecure-references';
import { productPages } from './support/pages';
import { mapBounded } from './support/pool';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'mixed-content';
export const title = 'Mixed content: HTTPS pages load nothing over plain HTTP';

const finding = findingsOf(id);
export const MAX_PAGES = 6;
const SHOWN = 10;

type Read = { url: string; response?: HttpResponse; error?: string };

function isHtml(response: HttpResponse): boolean {
  return (headerValue(response.headers, 'content-type') ?? '').toLowerCase().includes('text/html');
}

function listed(references: readonly InsecureReference[]): JsonValue {
  return references.slice(0, SHOWN).map((r) => ({ tag: r.tag, url: r.url }));
}

const NOUNS: Record<string, [string, string]> = {
  script: ['a script', 'scripts'],
  iframe: ['a frame', 'frames'],
  frame: ['a frame', 'frames'],
  object: ['a plugin', 'plugins'],
  embed: ['a plugin', 'plugins'],
  img: ['an image', 'images'],
  source: ['a media file', 'media files'],
  audio: ['an audio file', 'audio files'],
  video: ['a video', 'videos'],
  track: ['a subtitle file', 'subtitle files'],
};

function nounOf(tag: string): [string, string] {
  if (tag.startsWith('link')) return tag.includes('stylesheet') ? ['a stylesheet', 'stylesheets'] : tag.includes('icon') ? ['an icon', 'icons'] : ['a preloaded file', 'preloaded files'];
  return NOUNS[tag.split(' ')[0]!] ?? ['a file', 'files'];
}

/** "a script (http://…)" or "3 files — scripts and stylesheets — (first: http://…)". */
function describe(references: readonly InsecureReference[]): string {
  const first = references[0]!;
  if (references.length === 1) return `${nounOf(first.tag)[0]} (${first.url})`;
  const kinds = [...new Set(references.map((r) => nounOf(r.tag)[1]))];
  const joined = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
  return `${references.length} ${joined} (first: ${first.url})`;
}

function pageFindings(page: string, references: readonly InsecureReference[], upgraded: boolean): Finding[] {
  const active = references.filter((r) => r.kind === 'active');
  const passive = references.filter((r) => r.kind === 'passive');
  const forms = references.filter((r) => r.kind === 'form');
  const findings: Finding[] = [];
  if (upgraded && (active.length > 0 || passive.length > 0)) {
    findings.push(finding('info', 'upgraded', `${page} refers to ${active.length + passive.length} http:// resource${active.length + passive.length === 1 ? '' : 's'}, which browsers fetch over HTTPS because its Content-Security-Policy says upgrade-insecure-requests.`, 'Change those addresses to https:// so the page does not depend on the upgrade (and check each one works over HTTPS).', { url: page, resources: listed([...active, ...passive]) }));
  } else {
    if (active.length > 0) {
      findings.push(finding('high', 'active', `${page} loads ${describe(active)} over plain HTTP. Browsers block such loads on HTTPS pages, so parts of the page break; where they load, anyone on the network can change them.`, 'Serve each of them over https:// (change the address in your code or CMS), or host the file yourself; adding "upgrade-insecure-requests" to your Content-Security-Policy is a stopgap.', { url: page, resources: listed(active) }));
    }
    if (passive.length > 0) {
      findings.push(finding('low', 'passive', `${page} loads ${describe(passive)} over plain HTTP; browsers upgrade or block such loads and may mark the page as not fully secure.`, 'Change those addresses to https://.', { url: page, resources: listed(passive) }));
    }
  }
  if (forms.length > 0) {
    findings.push(finding('high', 'insecure-form', `A form on ${page} sends what people type to ${forms[0]!.url} over plain HTTP, so it can be read on the way; browsers warn before submitting it.`, 'Make the form\'s action an https:// address (or a relative path on this HTTPS site).', { url: page, forms: listed(forms) }));
  }
  return findings;
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const pages = productPages(target, MAX_PAGES);
  const read = await mapBounded(pages, 3, async (url): Promise<Read> => {
    const fetched = await fetchSafely(deps.http, url, { allowInvalidTls: true, timeoutMs: 8_000, maxBodyBytes: 2 * 1024 * 1024 });
    return fetched.ok ? { url, response: fetched.response } : { url, error: fetched.error.code };
  });
  const findings: Finding[] = [];
  const looked: JsonValue[] = [];
  for (const page of read) {
    const response = page.response;
    // Only HTTPS pages can have mixed content; a page left on http:// is the redirects check's finding.
    if (!response?.url.startsWith('https:') || !isHtml(response)) {
      looked.push({ url: page.url, skipped: page.error ?? (response && !response.url.startsWith('https:') ? 'not HTTPS' : 'not an HTML page') });
      continue;
    }
    const scanned = findInsecureReferences(bodyText(response), response.url);
    const upgraded = upgradesInsecureRequests([...(response.headers['content-security-policy'] ?? []), ...scanned.metaCsp]);
    looked.push({ url: response.url, insecure: scanned.references.length, upgraded });
    findings.push(...pageFindings(response.url, scanned.references, upgraded));
  }
  const homepage = read[0];
  const incomplete = !homepage?.response;
  if (incomplete) {
    findings.push(finding('info', 'unreachable', `${homepage?.url ?? 'The homepage'} could not be downloaded (${homepage?.error ?? 'no answer'}), so it was not checked for mixed content.`, 'See the DNS, TLS and redirects checks, then run this again.', { url: homepage?.url ?? null }));
  }
  return result(findings, { pages: looked }, { incomplete });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { mixedContentEvidence as evidenceSchema, type MixedContentEvidence as Evidence } from './evidence/web';
