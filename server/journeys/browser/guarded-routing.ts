/**
 * Every request the page makes goes through server/net's guarded client (the monitors' address
 * policy, re-checked at connect time, so DNS rebinding cannot slip through) or is refused:
 * Chromium itself never opens a connection. WebSockets are closed and service workers are
 * blocked by the context (run-browser-journey.ts); non-http(s) schemes are refused here.
 */
import type { BrowserContext, Route } from 'playwright-core';
import { HttpRequestError, type HttpClient } from '@/server/net';
import type { HttpMethod } from '@/server/net/http-client';

export type RefusedRequest = { url: string; reason: string };

const METHODS = new Set<HttpMethod>(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Set by the client or meaningless once the answer is re-framed for the browser. */
const DROP_REQUEST = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'accept-encoding']);
const DROP_RESPONSE = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);
/** One page resource: a page that needs more is not a sign-in page. */
const MAX_RESOURCE_BYTES = 5 * 1024 * 1024;

export type GuardedRouting = { refused: RefusedRequest[] };

export async function routeThroughGuard(context: BrowserContext, http: HttpClient, options: { deadline: () => number }): Promise<GuardedRouting> {
  const state: GuardedRouting = { refused: [] };
  const refuse = async (route: Route, url: string, reason: string) => {
    state.refused.push({ url, reason });
    await route.abort('blockedbyclient').catch(() => undefined);
  };
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    const method = request.method().toUpperCase() as HttpMethod;
    if (!/^https?:/i.test(url)) return refuse(route, url, 'Only http and https addresses are loaded.');
    if (!METHODS.has(method)) return refuse(route, url, `The ${method} method is not sent.`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(await request.allHeaders())) if (!DROP_REQUEST.has(name.toLowerCase()) && !name.startsWith(':')) headers[name] = value;
    // The guarded client does not decompress: ask for the plain body.
    headers['accept-encoding'] = 'identity';
    const left = Math.max(1, Math.round(options.deadline() - performance.now()));
    try {
      const response = await http.request(url, { method, headers, body: request.postDataBuffer() ?? undefined, followRedirects: false, timeoutMs: Math.min(left, 30_000), maxBodyBytes: MAX_RESOURCE_BYTES });
      const out: Record<string, string> = {};
      for (const [name, values] of Object.entries(response.headers)) {
        if (DROP_RESPONSE.has(name)) continue;
        // Playwright takes one string per header; several Set-Cookie lines are joined by newlines.
        out[name] = name === 'set-cookie' ? values.join('\n') : values.join(', ');
      }
      await route.fulfill({ status: response.status, headers: out, body: Buffer.from(response.body) }).catch(() => undefined);
    } catch (error) {
      if (error instanceof HttpRequestError && error.code === 'blocked-address') return refuse(route, url, error.message);
      if (error instanceof HttpRequestError && error.code === 'unsupported-scheme') return refuse(route, url, error.message);
      await route.abort(error instanceof HttpRequestError && error.code === 'timeout' ? 'timedout' : 'failed').catch(() => undefined);
    }
  });
  // A WebSocket would open its own connection: closed before it reaches the network.
  await context.routeWebSocket(/.*/, (ws) => {
    state.refused.push({ url: ws.url(), reason: 'WebSockets are not opened by journeys.' });
    void ws.close({ code: 1008, reason: 'not allowed' }).catch(() => undefined);
  });
  return state;
}
