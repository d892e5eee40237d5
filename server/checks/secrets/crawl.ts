/**
 * Collects what a browser downloads from the site — pages, their same-site scripts, the
 * scripts' source maps (with the original sources inside) and inline script data — within
 * fixed limits of count, bytes and time, and hands each text to a visitor.
 */
import { headerValue, type HttpResponse } from '@/server/net/http-client';
import type { CheckDeps } from '../types';
import { bodyText, fetchSafely } from '../support/fetch';
import { extractAssets } from '../support/html';
import { isSameSite } from '../support/hosts';
import type { Deadline } from '../support/pool';

export interface CrawlLimits {
  maxPages: number;
  maxScripts: number;
  maxSourceMaps: number;
  /** Total decoded bytes scanned. */
  maxBytes: number;
  /** Per download. */
  maxFileBytes: number;
  /** Guess <script>.map for at most this many scripts that reference no map. */
  maxGuessedMaps: number;
}

export const DEFAULT_LIMITS: CrawlLimits = { maxPages: 5, maxScripts: 25, maxSourceMaps: 25, maxBytes: 20 * 1024 * 1024, maxFileBytes: 5 * 1024 * 1024, maxGuessedMaps: 10 };

export interface TextLocation {
  url: string;
  /** "page", "inline script __NEXT_DATA__", "script", "source map", "source map: src/pay.ts". */
  where: string;
  /** Lines before this text in the downloaded file (inline scripts), so reported lines match the file. */
  lineOffset?: number;
}

export type Visitor = (text: string, location: TextLocation) => Promise<void>;

/** The page with its inline scripts blanked (newlines kept), so each script is scanned once, under its own name. */
function withoutInlineScripts(html: string, ranges: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of ranges) {
    out += html.slice(at, start) + html.slice(start, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + html.slice(at);
}

export interface CrawlReport {
  pages: string[];
  scripts: string[];
  sourceMaps: string[];
  bytesScanned: number;
  /** Which limits cut the crawl short. */
  limited: string[];
}

interface SourceMapJson {
  sources?: unknown;
  sourcesContent?: unknown;
  mappings?: unknown;
}

export function sourceMapReference(script: string, response: HttpResponse): string | undefined {
  const header = headerValue(response.headers, 'sourcemap') ?? headerValue(response.headers, 'x-sourcemap');
  if (header) return header.trim();
  const tail = script.slice(-2_000);
  const matches = [...tail.matchAll(/\/\/[#@]\s*sourceMappingURL=(\S+)/g)];
  return matches[matches.length - 1]?.[1];
}

export function decodeDataUrl(reference: string): string | undefined {
  const match = /^data:[^,]*?(;base64)?,(.*)$/s.exec(reference);
  if (!match) return undefined;
  try {
    return match[1] ? Buffer.from(match[2] ?? '', 'base64').toString('utf8') : decodeURIComponent(match[2] ?? '');
  } catch {
    return undefined;
  }
}

export function parseSourceMap(text: string): { sources: string[]; contents: (string | null)[] } | undefined {
  try {
    const parsed = JSON.parse(text) as SourceMapJson;
    if (typeof parsed !== 'object' || parsed === null || parsed.mappings === undefined) return undefined;
    const sources = Array.isArray(parsed.sources) ? parsed.sources.map(String) : [];
    const contents = Array.isArray(parsed.sourcesContent) ? parsed.sourcesContent.map((c) => (typeof c === 'string' ? c : null)) : [];
    return { sources, contents };
  } catch {
    return undefined;
  }
}

export async function crawl(startPages: readonly string[], apex: string, deps: CheckDeps, deadline: Deadline, visit: Visitor, limits: CrawlLimits = DEFAULT_LIMITS): Promise<CrawlReport> {
  const report: CrawlReport = { pages: [], scripts: [], sourceMaps: [], bytesScanned: 0, limited: [] };
  const limit = (what: string) => {
    if (!report.limited.includes(what)) report.limited.push(what);
  };
  const seen = new Set<string>();

  const download = async (url: string): Promise<{ text: string; response: HttpResponse } | undefined> => {
    if (deadline.expired()) return void limit('time');
    if (report.bytesScanned >= limits.maxBytes) return void limit('bytes');
    const fetched = await fetchSafely(deps.http, url, { allowInvalidTls: true, maxBodyBytes: limits.maxFileBytes, timeoutMs: Math.max(1, Math.min(5_000, deadline.remainingMs())), headers: { 'accept-encoding': 'gzip, br' } });
    if (!fetched.ok || fetched.response.status !== 200) return undefined;
    if (fetched.response.truncated) limit('file-size');
    const text = bodyText(fetched.response);
    report.bytesScanned += text.length;
    return { text, response: fetched.response };
  };

  const scanSourceMap = async (mapUrl: string, mapText: string) => {
    const map = parseSourceMap(mapText);
    if (!map) return;
    report.sourceMaps.push(mapUrl);
    for (let index = 0; index < map.contents.length; index++) {
      const content = map.contents[index];
      if (content) await visit(content, { url: mapUrl, where: `source map: ${map.sources[index] ?? `source ${index + 1}`}` });
    }
  };

  const scanScript = async (url: string, guessMap: boolean) => {
    const downloaded = await download(url);
    if (!downloaded) return;
    report.scripts.push(url);
    await visit(downloaded.text, { url, where: 'script' });
    const reference = sourceMapReference(downloaded.text, downloaded.response);
    if (report.sourceMaps.length >= limits.maxSourceMaps) return void limit('source-maps');
    if (reference?.startsWith('data:')) {
      const inline = decodeDataUrl(reference);
      if (inline) await scanSourceMap(`${url} (inline source map)`, inline);
      return;
    }
    const mapUrl = reference ? new URL(reference, url).href : guessMap ? `${url.replace(/[?#].*$/, '')}.map` : undefined;
    if (!mapUrl || seen.has(mapUrl) || !isSameSite(new URL(mapUrl).hostname, apex)) return;
    seen.add(mapUrl);
    const map = await download(mapUrl);
    if (map) await scanSourceMap(mapUrl, map.text);
  };

  const scripts: string[] = [];
  for (const page of startPages.slice(0, limits.maxPages)) {
    if (seen.has(page)) continue;
    seen.add(page);
    const downloaded = await download(page);
    if (!downloaded) continue;
    report.pages.push(downloaded.response.url);
    const assets = extractAssets(downloaded.text, downloaded.response.url);
    await visit(withoutInlineScripts(downloaded.text, assets.inlineScripts), { url: downloaded.response.url, where: 'page' });
    for (const inline of assets.inlineScripts) {
      const lineOffset = downloaded.text.slice(0, inline.start).split('\n').length - 1;
      await visit(downloaded.text.slice(inline.start, inline.end), { url: downloaded.response.url, where: `inline script ${inline.label}`, lineOffset });
    }
    for (const script of assets.scripts) if (isSameSite(new URL(script).hostname, apex) && !scripts.includes(script)) scripts.push(script);
  }
  if (startPages.length > limits.maxPages) limit('pages');
  if (scripts.length > limits.maxScripts) limit('scripts');
  let guessed = 0;
  for (const script of scripts.slice(0, limits.maxScripts)) {
    if (seen.has(script)) continue;
    seen.add(script);
    await scanScript(script, guessed++ < limits.maxGuessedMaps);
  }
  return report;
}
