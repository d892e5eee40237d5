/**
 * HTTP, HTTPS and bare TCP servers on loopback ephemeral ports. Each counts the
 * connections it accepted, which is how SSRF tests prove nothing reached it.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

export type LoopbackHost = '127.0.0.1' | '127.0.0.2' | '::1';

export interface TestServer {
  host: LoopbackHost;
  port: number;
  /** e.g. http://127.0.0.1:41234 or https://[::1]:41234 */
  origin: string;
  acceptedConnections(): number;
  close(): Promise<void>;
}

interface Closable {
  close(callback: () => void): void;
}

function track(server: net.Server): { count(): number; sockets: Set<net.Socket> } {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  // TLS servers hand out sockets on 'secureConnection', but TCP acceptance is what we count.
  server.on('connection', (socket: net.Socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return { count: () => accepted, sockets };
}

async function listen(server: net.Server, host: LoopbackHost): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return address.port;
}

async function start(server: net.Server & Closable, scheme: 'http' | 'https' | 'tcp', host: LoopbackHost): Promise<TestServer> {
  const tracked = track(server);
  const port = await listen(server, host);
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    host,
    port,
    origin: `${scheme}://${hostInUrl}:${port}`,
    acceptedConnections: tracked.count,
    close: () =>
      new Promise<void>((resolve) => {
        // Kept-alive and half-answered connections would hold close() open (an afterAll that
        // times out under load): HTTP servers drop theirs, and every accepted socket is destroyed.
        (server as Partial<http.Server>).closeAllConnections?.();
        for (const socket of tracked.sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function startHttpServer(handler: http.RequestListener, host: LoopbackHost = '127.0.0.1'): Promise<TestServer> {
  return start(http.createServer(handler), 'http', host);
}

export interface HttpsServerOptions {
  /** Certificates chosen by SNI name; others get the default credentials. */
  byServerName?: Readonly<Record<string, { certPem: string; keyPem: string }>>;
  /** Asked on every handshake before byServerName, so a fixture can change certificates at run time. */
  chooseCertificate?: (serverName: string) => { certPem: string; keyPem: string } | undefined;
  /** Also accept TLS 1.0/1.1 (legacy-protocol fixtures). */
  legacyProtocols?: boolean;
}

export function startHttpsServer(
  handler: http.RequestListener,
  credentials: { certPem: string; keyPem: string },
  host: LoopbackHost = '127.0.0.1',
  options: HttpsServerOptions = {},
): Promise<TestServer> {
  const contexts = new Map(
    Object.entries(options.byServerName ?? {}).map(([name, pair]) => [name.toLowerCase(), tls.createSecureContext({ cert: pair.certPem, key: pair.keyPem })]),
  );
  const chosen = new Map<string, tls.SecureContext>();
  const contextFor = (name: string): tls.SecureContext | undefined => {
    const pair = options.chooseCertificate?.(name.toLowerCase());
    if (!pair) return contexts.get(name.toLowerCase());
    let context = chosen.get(pair.certPem);
    if (!context) chosen.set(pair.certPem, (context = tls.createSecureContext({ cert: pair.certPem, key: pair.keyPem })));
    return context;
  };
  const server = https.createServer(
    {
      cert: credentials.certPem,
      key: credentials.keyPem,
      ...(contexts.size > 0 || options.chooseCertificate ? { SNICallback: (name: string, done: (error: Error | null, context?: tls.SecureContext) => void) => done(null, contextFor(name)) } : {}),
      // OpenSSL 3 refuses TLS 1.0/1.1 at its default security level, on both ends.
      ...(options.legacyProtocols ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
    },
    handler,
  );
  return start(server, 'https', host);
}

/** Accepts TCP connections and closes them: a tripwire for connections that must never happen. */
export function startTcpListener(host: LoopbackHost = '127.0.0.1'): Promise<TestServer> {
  return start(net.createServer((socket) => socket.destroy()), 'tcp', host);
}
