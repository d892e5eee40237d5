/**
 * A loopback "internet" for the web checks: one DNS server with the fixture zone, one HTTP
 * and one HTTPS server that serve every host name (virtual hosts by Host header, certificates
 * by SNI), and CheckDeps whose ports 80/443 are mapped onto those servers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CheckDeps } from '@/server/checks/types';
import type { CertificateAndKey } from './certificates';
import { testCheckDeps } from './check-deps';
import { startDnsServer, type DnsTestServer, type FixtureZone } from './dns-server';
import { startHttpServer, startHttpsServer, type TestServer } from './servers';

export interface SiteRequest {
  scheme: 'http' | 'https';
  host: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export type SiteHandler = (request: IncomingMessage, response: ServerResponse, context: SiteRequest) => void | Promise<void>;

export interface TestSiteOptions {
  zone: FixtureZone;
  /** Handlers by host name; '*' answers hosts not listed. Unknown hosts get 421. */
  hosts: Record<string, SiteHandler>;
  /** The test CA (trusted by the deps) and the certificate served when SNI names no other. */
  ca: { certPem: string };
  defaultCertificate: CertificateAndKey;
  certificatesByHost?: Record<string, CertificateAndKey>;
  /** Asked on every handshake before certificatesByHost (certificates that change at run time). */
  chooseCertificate?: (host: string) => CertificateAndKey | undefined;
  legacyTls?: boolean;
  now?: Date;
  timeoutMs?: number;
}

export interface TestSite {
  dns: DnsTestServer;
  http: TestServer;
  https: TestServer;
  deps: CheckDeps;
  /** Every request served, in order (tests count probes with it). */
  requests: SiteRequest[];
  portMap: Record<number, number>;
  close(): Promise<void>;
}

function hostOf(request: IncomingMessage): string {
  return (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

function dispatcher(scheme: 'http' | 'https', hosts: Record<string, SiteHandler>, log: SiteRequest[]) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const context: SiteRequest = { scheme, host: hostOf(request), method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers };
    if (log.length < 10_000) log.push(context);
    const handler = hosts[context.host] ?? hosts['*'];
    if (!handler) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('misdirected');
      return;
    }
    Promise.resolve(handler(request, response, context)).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
}

export async function startTestSite(options: TestSiteOptions): Promise<TestSite> {
  const requests: SiteRequest[] = [];
  const [dns, http, https] = await Promise.all([
    startDnsServer(options.zone),
    startHttpServer(dispatcher('http', options.hosts, requests)),
    startHttpsServer(dispatcher('https', options.hosts, requests), options.defaultCertificate, '127.0.0.1', {
      ...(options.certificatesByHost ? { byServerName: options.certificatesByHost } : {}),
      ...(options.chooseCertificate ? { chooseCertificate: options.chooseCertificate } : {}),
      ...(options.legacyTls ? { legacyProtocols: true } : {}),
    }),
  ]);
  const portMap = { 80: http.port, 443: https.port };
  const deps = testCheckDeps(dns, {
    overrides: { extraCa: [options.ca.certPem], portMap },
    ...(options.now ? { now: options.now } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return {
    dns,
    http,
    https,
    deps,
    requests,
    portMap,
    async close() {
      await Promise.all([dns.close(), http.close(), https.close()]);
    },
  };
}

/** A handler that answers with a fixed status, headers and body. */
export function respond(status: number, headers: Record<string, string | string[]> = {}, body = ''): SiteHandler {
  return (_request, response) => {
    response.writeHead(status, headers).end(body);
  };
}

/** Routes by path (exact match, query ignored); '*' catches the rest (default 404). */
export function routes(table: Record<string, SiteHandler>): SiteHandler {
  return (request, response, context) => {
    const path = context.url.replace(/\?.*$/, '');
    const handler = table[path] ?? table['*'];
    if (handler) return handler(request, response, context);
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };
}

/** http://<host>/… → https://<host>/… with 301, for the HTTP side of a host. */
export function upgradeToHttps(httpsHandler: SiteHandler, status = 301): SiteHandler {
  return (request, response, context) => {
    if (context.scheme === 'https') return httpsHandler(request, response, context);
    response.writeHead(status, { location: `https://${context.host}${context.url}` }).end();
  };
}
