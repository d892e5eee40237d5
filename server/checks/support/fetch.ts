/** HTTP through the injected client, with failures as values so checks can describe them. */
import { gunzipSync, brotliDecompressSync, inflateSync, constants } from 'node:zlib';
import { HttpRequestError, headerValue, type HttpClient, type HttpRequestOptions, type HttpResponse } from '@/server/net/http-client';
import type { JsonValue } from '../types';

export type Fetched = { ok: true; response: HttpResponse } | { ok: false; error: HttpRequestError };

export async function fetchSafely(http: HttpClient, url: string, options: HttpRequestOptions = {}): Promise<Fetched> {
  try {
    return { ok: true, response: await http.request(url, options) };
  } catch (error) {
    if (error instanceof HttpRequestError) return { ok: false, error };
    return { ok: false, error: new HttpRequestError('protocol', error instanceof Error ? error.message : String(error), url, []) };
  }
}

export function errorEvidence(error: HttpRequestError): JsonValue {
  return { url: error.url, error: error.code, message: error.message, redirects: error.redirects.map((hop) => ({ url: hop.url, status: hop.status, location: hop.location })) };
}

/** Decoded bytes are capped too, so a small compressed body cannot expand without bound. */
const MAX_DECODED_BYTES = 8 * 1024 * 1024;

/**
 * The body as text, decompressed when the server compressed it. A body cut at the size cap
 * decodes as far as it goes (sync flush) instead of failing.
 */
export function bodyText(response: HttpResponse): string {
  const encoding = (headerValue(response.headers, 'content-encoding') ?? '').trim().toLowerCase();
  const body = Buffer.from(response.body);
  const options = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_DECODED_BYTES };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body, options).toString('utf8');
    if (encoding === 'br') return brotliDecompressSync(body, { finishFlush: constants.BROTLI_OPERATION_FLUSH, maxOutputLength: MAX_DECODED_BYTES }).toString('utf8');
    if (encoding === 'deflate') return inflateSync(body, options).toString('utf8');
  } catch {
    return '';
  }
  return body.toString('utf8');
}

/** Header names and values worth showing as evidence (no cookies). */
export function visibleHeaders(response: HttpResponse, names: readonly string[]): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const name of names) {
    const value = headerValue(response.headers, name);
    if (value !== undefined) shown[name] = value;
  }
  return shown;
}

/**
 * Follows redirects one hop at a time (each hop still through the guarded client) and returns
 * every response, for checks that need headers the client drops on redirect hops (Set-Cookie).
 */
export async function fetchEveryHop(http: HttpClient, url: string, options: HttpRequestOptions = {}, maxHops = 5): Promise<{ responses: HttpResponse[]; error?: HttpRequestError }> {
  const responses: HttpResponse[] = [];
  let next = url;
  let request: HttpRequestOptions = { ...options, followRedirects: false };
  for (let hop = 0; hop <= maxHops; hop++) {
    const fetched = await fetchSafely(http, next, request);
    if (!fetched.ok) return { responses, error: fetched.error };
    responses.push(fetched.response);
    const location = headerValue(fetched.response.headers, 'location');
    if (fetched.response.status < 300 || fetched.response.status >= 400 || !location) return { responses };
    next = new URL(location, fetched.response.url).href;
    // As browsers do: after a 301/302/303 a POST becomes a GET without body.
    if (fetched.response.status !== 307 && fetched.response.status !== 308) request = { ...request, method: 'GET', body: undefined };
  }
  return { responses };
}
