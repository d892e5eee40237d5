import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCertificateAuthority, type TestCertificateAuthority } from '@/test/testnet/certificates';
import { startDnsServer, type DnsTestServer } from '@/test/testnet/dns-server';
import { startHttpServer, startHttpsServer, startTcpListener, type TestServer } from '@/test/testnet/servers';
import { createHttpClient, headerValue, HttpRequestError, type HttpClientOptions } from './http-client';
import { createResolver, type DnsResolver } from './resolver';

async function failure(promise: Promise<unknown>): Promise<HttpRequestError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof HttpRequestError)) throw new Error(`expected an HttpRequestError, got ${String(outcome)}`);
  return outcome;
}

describe('HTTP client', () => {
  let dns: DnsTestServer;
  let resolver: DnsResolver;
  /** Tripwires: any accepted connection on them is an SSRF failure. */
  let tripwire: TestServer;
  let tripwire6: TestServer;
  let app: TestServer;
  let redirector: TestServer;
  const seenCookies: (string | undefined)[] = [];

  const client = (extra: Partial<HttpClientOptions> = {}) => createHttpClient({ resolver, timeoutMs: 3_000, ...extra });

  const appHandler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seenCookies.push(req.headers.cookie);
    const redirect = (status: number, location: string) => res.writeHead(status, { location }).end();
    if (url.pathname === '/') {
      res.setHeader('set-cookie', ['a=1; HttpOnly', 'b=2; Secure']);
      res.setHeader('x-frame-options', 'DENY');
      return res.end('hello');
    }
    if (url.pathname === '/a') return redirect(301, '/b');
    if (url.pathname === '/b') return redirect(302, `http://shop.test:${app.port}/c`);
    if (url.pathname === '/c') return res.end('landed');
    if (url.pathname === '/loop1') return redirect(302, '/loop2');
    if (url.pathname === '/loop2') return redirect(302, '/loop1');
    if (url.pathname.startsWith('/chain/')) return redirect(302, `/chain/${Number(url.pathname.split('/')[2]) + 1}`);
    if (url.pathname === '/big') return res.end(Buffer.alloc(100_000, 97));
    if (url.pathname === '/slow') return void setTimeout(() => res.end('late'), 2_000).unref();
    if (url.pathname === '/post') return req.method === 'POST' ? redirect(303, '/method') : res.end('no');
    if (url.pathname === '/method') return res.end(req.method);
    if (url.pathname === '/to-other-host') {
      res.setHeader('set-cookie', 'session=secret');
      return redirect(302, `http://www.shop.test:${redirector.port}/echo-cookie`);
    }
    res.writeHead(404).end();
  };

  beforeAll(async () => {
    tripwire = await startTcpListener('127.0.0.1');
    tripwire6 = await startTcpListener('::1');
    app = await startHttpServer(appHandler, '127.0.0.1');
    // The "public-looking" first hop lives on 127.0.0.2, which tests allow on its own.
    redirector = await startHttpServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/echo-cookie') return res.end(req.headers.cookie ?? 'no cookie');
      const targets: Record<string, string> = {
        '/to-loopback': `http://127.0.0.1:${tripwire.port}/`,
        '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
        '/to-inward-name': `http://evil.test:${tripwire.port}/`,
        '/to-mapped': `http://[::ffff:127.0.0.1]:${tripwire.port}/`,
        '/to-file': 'file:///etc/passwd',
      };
      const location = targets[path];
      if (location) return res.writeHead(302, { location }).end();
      res.writeHead(404).end();
    }, '127.0.0.2');
    dns = await startDnsServer({
      'shop.test': { A: ['127.0.0.1'] },
      'www.shop.test': { A: ['127.0.0.2'] },
      'evil.test': { A: ['127.0.0.1'] },
      'evil6.test': { AAAA: ['::1'] },
      'mapped.test': { AAAA: ['::ffff:127.0.0.1'] },
      'metadata.test': { A: ['169.254.169.254'] },
      'mixed.test': { A: ['127.0.0.2', '127.0.0.1'] },
    });
    resolver = createResolver({ servers: [dns.server], timeoutMs: 500, tries: 1 });
  });

  afterAll(async () => {
    await Promise.all([tripwire, tripwire6, app, redirector, dns].map((server) => server?.close()));
  });

  describe('SSRF guard (no allowLoopback)', () => {
    const blockedLiterals = [
      '127.0.0.1', '0.0.0.0', '[::1]', '[::]', '[::ffff:127.0.0.1]', '[::127.0.0.1]', '2130706433', '0x7f.1', '127.1',
      '10.0.0.1', '172.16.0.1', '192.168.0.1', '169.254.169.254', '100.64.0.1', '100.100.100.200', '168.63.129.16',
      '[fd00:ec2::254]', '[fc00::1]', '[fe80::1]', '224.0.0.1', '255.255.255.255', '240.0.0.1', '192.0.2.1', '198.18.0.1',
      '[2002:7f00:1::]', '[2002:a9fe:a9fe::]', '[64:ff9b::7f00:1]', '[64:ff9b::a9fe:a9fe]', '[2001::1]', '[ff02::1]', '[2001:db8::1]',
    ];

    it.each(blockedLiterals)('refuses http://%s before connecting', async (host) => {
      const error = await failure(client().request(`http://${host}:${tripwire.port}/`));
      expect(error.code).toBe('blocked-address');
    });

    it.each(['evil.test', 'evil6.test', 'mapped.test', 'metadata.test', 'mixed.test'])(
      'refuses %s, whose DNS answer points inward',
      async (host) => {
        const port = host === 'evil6.test' ? tripwire6.port : tripwire.port;
        const error = await failure(client({ policy: { allowLoopback: ['127.0.0.2'] } }).request(`http://${host}:${port}/`));
        expect(error.code).toBe('blocked-address');
      },
    );

    it.each(['/to-loopback', '/to-metadata', '/to-inward-name', '/to-mapped'])(
      'refuses a redirect from an allowed host to an inward address (%s)',
      async (path) => {
        const error = await failure(
          client({ policy: { allowLoopback: ['127.0.0.2'] } }).request(`http://www.shop.test:${redirector.port}${path}`),
        );
        expect(error.code).toBe('blocked-address');
        expect(error.redirects).toHaveLength(1);
        expect(error.redirects[0]?.status).toBe(302);
      },
    );

    it('refuses redirects to other schemes', async () => {
      const error = await failure(client({ policy: { allowLoopback: ['127.0.0.2'] } }).request(`http://www.shop.test:${redirector.port}/to-file`));
      expect(error.code).toBe('unsupported-scheme');
    });

    it('let no connection reach a listener', () => {
      expect(tripwire.acceptedConnections()).toBe(0);
      expect(tripwire6.acceptedConnections()).toBe(0);
    });
  });

  describe('fetching (loopback allowed)', () => {
    const allowed = () => client({ policy: { allowLoopback: true } });

    it('returns status, multi-value headers, body and timing', async () => {
      const response = await allowed().request(`http://shop.test:${app.port}/`);
      expect(response.status).toBe(200);
      expect(response.text()).toBe('hello');
      expect(response.headers['set-cookie']).toEqual(['a=1; HttpOnly', 'b=2; Secure']);
      expect(headerValue(response.headers, 'X-Frame-Options')).toBe('DENY');
      expect(response.remoteAddress).toBe('127.0.0.1');
      expect(response.truncated).toBe(false);
      expect(response.timing.connectMs).toBeGreaterThanOrEqual(0);
      expect(response.timing.ttfbMs).toBeGreaterThan(0);
      expect(response.timing.totalMs).toBeGreaterThanOrEqual(response.timing.ttfbMs);
    });

    it('follows redirects and records the chain', async () => {
      const response = await allowed().request(`http://shop.test:${app.port}/a`);
      expect(response.text()).toBe('landed');
      expect(response.url).toBe(`http://shop.test:${app.port}/c`);
      expect(response.redirects.map((hop) => hop.status)).toEqual([301, 302]);
      expect(response.redirects[0]?.location).toBe('/b');
    });

    it('returns the 3xx itself when asked not to follow', async () => {
      const response = await allowed().request(`http://shop.test:${app.port}/a`, { followRedirects: false });
      expect(response.status).toBe(301);
      expect(headerValue(response.headers, 'location')).toBe('/b');
    });

    it('detects redirect loops', async () => {
      const error = await failure(allowed().request(`http://shop.test:${app.port}/loop1`));
      expect(error.code).toBe('redirect-loop');
      expect(error.redirects).toHaveLength(2);
    });

    it('stops after five redirects', async () => {
      const error = await failure(allowed().request(`http://shop.test:${app.port}/chain/0`));
      expect(error.code).toBe('too-many-redirects');
      expect(error.redirects).toHaveLength(6);
    });

    it('caps the body', async () => {
      const response = await allowed().request(`http://shop.test:${app.port}/big`, { maxBodyBytes: 1_000 });
      expect(response.body.byteLength).toBe(1_000);
      expect(response.truncated).toBe(true);
    });

    it('caps the total time', async () => {
      const started = performance.now();
      const error = await failure(allowed().request(`http://shop.test:${app.port}/slow`, { timeoutMs: 300 }));
      expect(error.code).toBe('timeout');
      expect(performance.now() - started).toBeLessThan(1_500);
    });

    it('turns a POST answered by 303 into a GET', async () => {
      const response = await allowed().request(`http://shop.test:${app.port}/post`, { method: 'POST', body: 'x=1' });
      expect(response.text()).toBe('GET');
    });

    it('never carries cookies to another host', async () => {
      const response = await allowed().request(`http://shop.test:${app.port}/to-other-host`, { headers: { cookie: 'mine=1' } });
      expect(response.text()).toBe('no cookie');
    });

    it('reports names that do not resolve', async () => {
      const error = await failure(allowed().request(`http://missing.test:${app.port}/`));
      expect(error.code).toBe('dns');
    });
  });

  describe('HTTPS', () => {
    let ca: TestCertificateAuthority;
    let secure: TestServer;
    let selfSigned: TestServer;

    beforeAll(async () => {
      ca = await createTestCertificateAuthority();
      secure = await startHttpsServer((_req, res) => res.end('secure'), await ca.issue({ names: ['shop.test'] }));
      selfSigned = await startHttpsServer((_req, res) => res.end('self'), await ca.selfSigned({ names: ['shop.test'] }));
    });
    afterAll(async () => {
      await Promise.all([secure?.close(), selfSigned?.close()]);
      await ca?.dispose();
    });

    it('talks to a fake hostname on loopback with a trusted test CA and a port map', async () => {
      const https = client({ policy: { allowLoopback: true }, overrides: { extraCa: [ca.certPem], portMap: { 443: secure.port } } });
      const response = await https.request('https://shop.test/');
      expect(response.text()).toBe('secure');
      expect(response.timing.tlsMs).toBeGreaterThan(0);
    });

    it('refuses an untrusted certificate unless told to look anyway', async () => {
      const options = { policy: { allowLoopback: true }, overrides: { extraCa: [ca.certPem], portMap: { 443: selfSigned.port } } };
      const error = await failure(client(options).request('https://shop.test/'));
      expect(error.code).toBe('tls');
      const response = await client(options).request('https://shop.test/', { allowInvalidTls: true });
      expect(response.text()).toBe('self');
    });
  });
});
