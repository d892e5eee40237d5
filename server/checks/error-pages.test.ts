import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, routes, type SiteHandler } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { findDisclosure } from './support/error-disclosure';
import { run } from './error-pages';

const EXPRESS_URI_ERROR = [
  "URIError: Failed to decode param '%E0%A4%A'",
  '    at decodeURIComponent (<anonymous>)',
  '    at decode_param (/srv/app/node_modules/express/lib/router/layer.js:172:12)',
  '    at Layer.match (/srv/app/node_modules/express/lib/router/layer.js:148:15)',
].join('\n');
/** Express's development error handler: the stack in a <pre>, lines joined with <br> and &nbsp;. */
const expressDevPage = (status: number, stack: string) => respond(status, { 'content-type': 'text/html' }, `<!DOCTYPE html><html><body><pre>${stack.replace(/\n/g, '<br>').replace(/ {2}/g, ' &nbsp;')}</pre></body></html>`);
const plainError = (status: number) => respond(status, { 'content-type': 'text/html' }, '<!doctype html><h1>Something went wrong</h1><p>Reference: 7f3a</p>');

/** A careful app: plain 404s, plain 400s for broken input. */
const careful: SiteHandler = (request, response, context) => {
  if (context.url.includes('%E0%A4%A')) return plainError(400)(request, response, context);
  return routes({ '/': respond(200, { 'content-type': 'text/html' }, '<p>home</p>'), '/v1/items': respond(200, { 'content-type': 'application/json' }, '{"items":[]}'), '/v1/notes': respond(400, { 'content-type': 'application/json' }, '{"error":"invalid JSON"}') })(request, response, context);
};

/** A careless one: the dev error handler is on in production. */
const careless: SiteHandler = (request, response, context) => {
  // Express decodes path parameters strictly, query strings leniently.
  if (context.url.split('?')[0]!.includes('%E0%A4%A')) return expressDevPage(400, EXPRESS_URI_ERROR)(request, response, context);
  if (context.url.startsWith('/v1/notes') && request.method === 'POST') {
    const body = JSON.stringify({ error: 'SyntaxError: Unexpected end of JSON input', stack: 'SyntaxError: Unexpected end of JSON input\n    at JSON.parse (<anonymous>)\n    at parse (/srv/app/node_modules/body-parser/lib/types/json.js:92:19)\n    at /srv/app/node_modules/body-parser/lib/read.js:128:18' });
    return respond(400, { 'content-type': 'application/json' }, body)(request, response, context);
  }
  return plainError(404)(request, response, context);
};

const djangoDebug404 = respond(404, { 'content-type': 'text/html' }, '<html><body><h1>Page not found <span>(404)</span></h1><p>Using the URLconf defined in <code>shop.urls</code>, Django tried these URL patterns</p><p>You&#x27;re seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p></body></html>');
const werkzeug = respond(500, { 'content-type': 'text/html' }, '<!doctype html><title>ValueError // Werkzeug Debugger</title><div class="debugger"><h1>ValueError</h1></div>');

describe('error-pages check', () => {
  let site: QuickSite;

  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'careful.test': careful,
        'api.careful.test': careful,
        'careless.test': careful,
        'api.careless.test': careless,
        'django.test': djangoDebug404,
        'flask.test': werkzeug,
      },
    });
  });
  afterAll(() => site?.close());

  const endpoints = (domain: string) => [
    { kind: 'dashboard', method: 'GET' as const, url: `https://api.${domain}/v1/items?token=keep-out` },
    { kind: 'other', method: 'POST' as const, url: `https://api.${domain}/v1/notes` },
    // Never sent a malformed request, even with ownership.
    { kind: 'login', method: 'POST' as const, url: `https://api.${domain}/auth/login` },
    { kind: 'checkout', method: 'POST' as const, url: `https://api.${domain}/checkout` },
  ];

  it('passes plain error pages, with at most 14 requests and none to sign-in or checkout', async () => {
    const before = site.requests.length;
    const outcome = await run({ domain: 'careful.test', subdomains: ['api'], endpoints: endpoints('careful.test'), ownershipVerified: true }, site.deps);
    expect(outcome.findings).toEqual([]);
    expect(outcome.status).toBe('pass');
    const sent = site.requests.slice(before);
    expect(sent.length).toBe(6);
    expect(sent.some((r) => r.url.startsWith('/auth/login') || r.url.startsWith('/checkout'))).toBe(false);
    expect(sent.some((r) => r.url.includes('keep-out'))).toBe(false);
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual(['/v1/notes']);
  });

  it('finds a stack trace behind a broken address and a malformed JSON body, one finding per place', async () => {
    const outcome = await run({ domain: 'careless.test', subdomains: ['api'], endpoints: endpoints('careless.test'), ownershipVerified: true }, site.deps);
    expect(outcome.findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['error-pages.stack-trace:medium', 'error-pages.stack-trace:medium']);
    const [onHost, onEndpoint] = outcome.findings as [(typeof outcome.findings)[0], (typeof outcome.findings)[0]];
    expect(onHost.evidence).toMatchObject({ host: 'api.careless.test', shows: 'a JavaScript stack trace', excerpt: 'at decode_param (/srv/app/node_modules/express/lib/router/layer.js:172:12)' });
    expect(onHost.message).toContain('(broken address)');
    // The endpoint is named without its query, so the finding keeps one identity across runs.
    expect(onEndpoint.evidence).toMatchObject({ url: 'https://api.careless.test/v1/notes', probes: [{ how: 'malformed JSON body', status: 400 }] });
    expect(outcome.status).toBe('warn');
  });

  it('sends no malformed write without verified ownership, and says so', async () => {
    const outcome = await run({ domain: 'careless.test', subdomains: ['api'], endpoints: endpoints('careless.test') }, site.deps);
    expect(outcome.findings.map((f) => f.code)).toEqual(['error-pages.stack-trace', 'error-pages.writes-skipped']);
  });

  it('grades framework debug pages and interactive debuggers above stack traces', async () => {
    expect((await run({ domain: 'django.test' }, site.deps)).findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['error-pages.debug-page:high']);
    expect((await run({ domain: 'flask.test' }, site.deps)).findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['error-pages.debug-console:critical']);
  });

  it('recognises common traces and leaves ordinary text alone', () => {
    expect(findDisclosure('Traceback (most recent call last):\n  File "/app/views.py", line 12, in show')?.what).toBe('a Python traceback');
    expect(findDisclosure('java.lang.NullPointerException\n\tat com.acme.Shop.show(Shop.java:42)\n\tat com.acme.Web.handle(Web.java:7)')?.what).toBe('a Java stack trace');
    expect(findDisclosure('panic: runtime error\n\ngoroutine 1 [running]:\nmain.main()')?.what).toBe('a Go panic');
    expect(findDisclosure("app/controllers/shop_controller.rb:12:in `show'")?.what).toBe('a Ruby backtrace');
    expect(findDisclosure('<h1>404</h1><p>We looked everywhere. Try the homepage; it is at /.</p>')).toBeUndefined();
    // One lone "at" line is not a trace.
    expect(findDisclosure('Error: failed\n    at /srv/app/index.js:1:1')).toBeUndefined();
  });
});
