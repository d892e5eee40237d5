/**
 * The app's only HTTP(S) client. Each hop gets a fresh connection through
 * `openConnection`, so DNS answers and redirects pointing inward are refused at
 * connect time; redirects are followed by hand so every hop is re-checked.
 */
import { Client, errors as undiciErrors } from 'undici';
import type { AddressPolicy } from './address-policy';
import { ConnectError, openConnection, type ConnectTiming, type TestNetworkOverrides } from './connect';
import { BlockedDestinationError, DestinationDnsError, stripBrackets } from './destination';
import type { DnsResolver } from './resolver';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** Lower-cased names; every value kept, so repeated headers such as set-cookie survive. */
export type HttpHeaders = Record<string, string[]>;

export interface HttpTiming extends ConnectTiming {
  /** From the start of the hop to the response headers (like curl's time_starttransfer). */
  ttfbMs: number;
  totalMs: number;
}

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
  remoteAddress: string;
  timing: HttpTiming;
}

export interface HttpResponse {
  /** The URL that produced this response, after redirects. */
  url: string;
  status: number;
  headers: HttpHeaders;
  body: Uint8Array;
  /** True when the body was cut at the size cap. */
  truncated: boolean;
  remoteAddress: string;
  /** Timing of the final hop. */
  timing: HttpTiming;
  /** Wall time for the whole request, redirects included. */
  totalMs: number;
  redirects: RedirectHop[];
  text(): string;
}

export type HttpErrorCode =
  | 'invalid-url'
  | 'unsupported-scheme'
  | 'blocked-address'
  | 'dns'
  | 'connect'
  | 'tls'
  | 'timeout'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'protocol';

export class HttpRequestError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly url: string,
    readonly redirects: RedirectHop[],
    readonly detail?: string,
  ) {
    super(message);
  }
}

export interface HttpClientOptions {
  resolver: DnsResolver;
  policy?: AddressPolicy;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Whole request, redirects included (default 10 s). */
  timeoutMs?: number;
  /** Bytes of body kept (default 2 MiB); the rest is not read. */
  maxBodyBytes?: number;
  userAgent?: string;
  overrides?: TestNetworkOverrides;
}

export interface HttpRequestOptions {
  method?: HttpMethod;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Default true. When false a 3xx is returned as the response. */
  followRedirects?: boolean;
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** Complete the TLS handshake even for an untrusted or mismatched certificate (checks that inspect broken sites). */
  allowInvalidTls?: boolean;
  /**
   * Called with each body chunk of the final response as it arrives (not for redirect hops), and
   * the milliseconds since the request started: streamed replies (chat) are timed by it.
   */
  onBodyChunk?: (chunk: Uint8Array, elapsedMs: number) => void;
}

export interface HttpClient {
  request(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Never carried to another origin. */
const CREDENTIAL_HEADERS = ['cookie', 'authorization', 'proxy-authorization'];
const DEFAULTS = { maxRedirects: 5, timeoutMs: 10_000, maxBodyBytes: 2 * 1024 * 1024, userAgent: 'LaunchReadyCheck/1.0' };

interface Hop {
  url: URL;
  method: HttpMethod;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

interface HopResult {
  status: number;
  headers: HttpHeaders;
  body: Uint8Array;
  truncated: boolean;
  remoteAddress: string;
  timing: HttpTiming;
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HttpRequestError('invalid-url', `"${raw}" is not a URL`, raw, []);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpRequestError('unsupported-scheme', `only http and https are fetched, not ${url.protocol}`, raw, []);
  }
  if (url.username || url.password) throw new HttpRequestError('invalid-url', 'URLs with credentials are not fetched', raw, []);
  return url;
}

function normaliseHeaders(raw: Record<string, string | string[] | undefined>): HttpHeaders {
  const headers: HttpHeaders = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  return headers;
}

/** First value of a header, or all values joined as HTTP would (set-cookie excepted). */
export function headerValue(headers: HttpHeaders, name: string): string | undefined {
  const values = headers[name.toLowerCase()];
  return values && values.length > 0 ? values.join(', ') : undefined;
}

function outgoingHeaders(caller: Record<string, string> | undefined, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: '*/*' };
  for (const [name, value] of Object.entries(caller ?? {})) {
    const key = name.toLowerCase();
    if (key !== 'host' && key !== 'connection') headers[key] = value; // the URL decides the host
  }
  return headers;
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, cap: number, onChunk?: (chunk: Buffer) => void): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size + chunk.length > cap) {
      const kept = chunk.subarray(0, cap - size);
      chunks.push(kept);
      onChunk?.(kept);
      body.destroy();
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(chunk);
    onChunk?.(chunk);
    size += chunk.length;
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}

function toRequestError(error: unknown, url: string, redirects: RedirectHop[]): HttpRequestError {
  if (error instanceof HttpRequestError) return error;
  if (error instanceof BlockedDestinationError) return new HttpRequestError('blocked-address', error.message, url, redirects);
  if (error instanceof DestinationDnsError) return new HttpRequestError('dns', error.message, url, redirects, error.status);
  if (error instanceof ConnectError) return new HttpRequestError(error.code, error.message, url, redirects, error.detail);
  if (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.RequestAbortedError ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
  ) {
    return new HttpRequestError('timeout', `request to ${url} timed out`, url, redirects);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HttpRequestError('protocol', `request to ${url} failed: ${message}`, url, redirects);
}

function redirectTarget(location: string, base: URL, redirects: RedirectHop[]): URL {
  let absolute: string;
  try {
    absolute = new URL(location, base).href;
  } catch {
    throw new HttpRequestError('invalid-url', `redirect to an invalid URL "${location}"`, location, redirects);
  }
  try {
    return parseUrl(absolute);
  } catch (error) {
    if (error instanceof HttpRequestError) throw new HttpRequestError(error.code, error.message, absolute, redirects);
    throw error;
  }
}

function nextHop(hop: Hop, status: number, location: URL): Hop {
  // 303, and 301/302 after a POST, turn into a GET without body (as browsers do).
  const becomesGet = status === 303 ? hop.method !== 'HEAD' : (status === 301 || status === 302) && hop.method === 'POST';
  const headers = { ...hop.headers };
  if (location.origin !== hop.url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
  if (becomesGet) {
    delete headers['content-type'];
    delete headers['content-length'];
  }
  return { url: location, method: becomesGet ? 'GET' : hop.method, headers, body: becomesGet ? undefined : hop.body };
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const settings = { ...DEFAULTS, ...options };
  const policy = options.policy ?? {};

  /** `onFinalChunk` is called only when this hop's answer is the final one (not a redirect being followed). */
  async function performHop(hop: Hop, deadline: number, cap: number, allowInvalidTls: boolean, onFinalChunk?: (chunk: Buffer) => void, follow = true): Promise<HopResult> {
    const started = performance.now();
    const https = hop.url.protocol === 'https:';
    const port = Number(hop.url.port) || (https ? 443 : 80);
    let connection: Awaited<ReturnType<typeof openConnection>> | undefined;
    const client = new Client(hop.url.origin, {
      connect: (_connectOptions, callback) => {
        openConnection(
          {
            hostname: stripBrackets(hop.url.hostname),
            port,
            deadline,
            ...(https ? { tls: { rejectUnauthorized: !allowInvalidTls, alpnProtocols: ['http/1.1'] } } : {}),
          },
          { resolver: options.resolver, policy, ...(options.overrides ? { overrides: options.overrides } : {}) },
        ).then(
          (opened) => {
            connection = opened;
            callback(null, opened.socket);
          },
          (error: Error) => callback(error, null),
        );
      },
      headersTimeout: Math.max(1, Math.ceil(deadline - performance.now())),
      bodyTimeout: Math.max(1, Math.ceil(deadline - performance.now())),
    });
    try {
      const response = await client.request({
        origin: hop.url.origin,
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        headers: hop.headers,
        ...(hop.body !== undefined ? { body: hop.body } : {}),
        signal: AbortSignal.timeout(Math.max(1, Math.ceil(deadline - performance.now()))),
      });
      const ttfbMs = performance.now() - started;
      const redirecting = follow && REDIRECT_STATUSES.has(response.statusCode) && response.headers.location !== undefined;
      const { bytes, truncated } = await readCapped(response.body, cap, redirecting ? undefined : onFinalChunk);
      const timing = connection?.timing ?? { dnsMs: 0, connectMs: 0, tlsMs: 0 };
      return {
        status: response.statusCode,
        headers: normaliseHeaders(response.headers),
        body: bytes,
        truncated,
        remoteAddress: connection?.destination.address ?? '',
        timing: { ...timing, ttfbMs, totalMs: performance.now() - started },
      };
    } finally {
      await client.destroy().catch(() => undefined);
    }
  }

  return {
    async request(rawUrl, requestOptions = {}) {
      const started = performance.now();
      const deadline = started + (requestOptions.timeoutMs ?? settings.timeoutMs);
      const cap = requestOptions.maxBodyBytes ?? settings.maxBodyBytes;
      const follow = requestOptions.followRedirects ?? true;
      const redirects: RedirectHop[] = [];
      const visited = new Set<string>();
      let hop: Hop = {
        url: parseUrl(rawUrl),
        method: requestOptions.method ?? 'GET',
        headers: outgoingHeaders(requestOptions.headers, settings.userAgent),
        body: requestOptions.body,
      };

      // Bounded: at most maxRedirects + 1 hops.
      for (let hopIndex = 0; hopIndex <= settings.maxRedirects; hopIndex++) {
        visited.add(hop.url.href.replace(/#.*$/, ''));
        let result: HopResult;
        try {
          const onChunk = requestOptions.onBodyChunk;
          result = await performHop(hop, deadline, cap, requestOptions.allowInvalidTls === true, onChunk ? (chunk) => onChunk(chunk, performance.now() - started) : undefined, follow);
        } catch (error) {
          throw toRequestError(error, hop.url.href, redirects);
        }
        const location = headerValue(result.headers, 'location');
        if (!follow || !REDIRECT_STATUSES.has(result.status) || location === undefined) {
          const body = result.body;
          return { url: hop.url.href, ...result, totalMs: performance.now() - started, redirects, text: () => new TextDecoder().decode(body) };
        }
        redirects.push({ url: hop.url.href, status: result.status, location, remoteAddress: result.remoteAddress, timing: result.timing });
        const target = redirectTarget(location, hop.url, redirects);
        if (visited.has(target.href.replace(/#.*$/, ''))) {
          throw new HttpRequestError('redirect-loop', `redirect loop back to ${target.href}`, target.href, redirects);
        }
        hop = nextHop(hop, result.status, target);
      }
      throw new HttpRequestError('too-many-redirects', `more than ${settings.maxRedirects} redirects`, hop.url.href, redirects);
    },
  };
}
