#!/usr/bin/env node
// Serves the built app like `next start`, with two differences:
// - every request carries the connection's own address in x-lr-socket-address (any value the
//   client sent is replaced), because Next.js does not give route handlers the socket and its
//   x-forwarded-for keeps whatever the client wrote. server/http/client-address.ts reads it.
// - embedded mode (no DATABASE_URL) listens on this machine only (127.0.0.1 and ::1) unless HOST
//   says otherwise; PostgreSQL mode listens on every interface, for a load balancer.
import { createServer } from 'node:http';
import path from 'node:path';

const SOCKET_ADDRESS_HEADER = 'x-lr-socket-address';
// Whether the client's request itself carried forwarding headers: Next.js adds x-forwarded-for
// from the socket to every request, so the app cannot tell afterwards.
const FORWARDED_HEADER = 'x-lr-forwarded';
const FORWARDING = ['x-forwarded-for', 'forwarded', 'x-real-ip'];
// Tells the app (same process) that the header above is ours; see socketHeaderIsOurs().
globalThis[Symbol.for('launch-ready.socket-address-header')] = true;

const dev = process.argv.includes('--dev');
process.env.NODE_ENV = dev ? 'development' : 'production';
const { default: createNext } = await import('next');

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT || 3000);
const hosts = process.env.HOST ? [process.env.HOST] : process.env.DATABASE_URL ? [undefined] : ['127.0.0.1', '::1'];

const app = createNext({ dev, dir: root, hostname: 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();

function serve(request, response) {
  const address = request.socket.remoteAddress;
  if (address) request.headers[SOCKET_ADDRESS_HEADER] = address;
  else delete request.headers[SOCKET_ADDRESS_HEADER];
  request.headers[FORWARDED_HEADER] = FORWARDING.some((name) => request.headers[name] !== undefined) ? '1' : '0';
  handle(request, response);
}

function listen(host) {
  return new Promise((resolve, reject) => {
    const server = createServer(serve);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

const servers = [];
for (const host of hosts) {
  try {
    servers.push(await listen(host));
  } catch (error) {
    // A machine without IPv6 has no ::1; the IPv4 loopback is enough.
    if (host === '::1' && servers.length > 0 && error.code === 'EADDRNOTAVAIL') continue;
    console.error(`Cannot listen on ${host ?? 'all interfaces'}:${port}: ${error.message}`);
    process.exit(1);
  }
}
console.log(`Listening on ${hosts.map((h) => (h ? (h.includes(':') ? `[${h}]` : h) : '*')).join(' and ')} port ${port}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const server of servers) server.close();
    process.exit(0);
  });
}
