// The browser suite's server: a loopback DNS server with fixture zones for the demo domains, then
// the production server (scripts/serve.mjs) asking only that DNS server, so checks run from the
// browser never leave the machine.
// A control port (E2E_PORT + 1, loopback) lets a spec change a zone, as a founder fixes a record.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { startDnsServer } from '../test/testnet/dns-server';

/** The demo projects' mail domains: Cohort Club's SPF allows everyone and it has no DMARC record. */
export const E2E_ZONE = {
  'example.org': { A: ['127.0.0.1'], TXT: ['v=spf1 ip4:192.0.2.10 -all'] },
  'mail.example.org': { TXT: ['v=spf1 +all'] },
  'example.net': { TXT: ['v=spf1 include:_spf.example.net -all'] },
  // The findings walk (e2e/findings-walk.spec.ts): an SPF record that lets anyone send, fixed during the spec.
  'example.edu': { A: ['127.0.0.1'], TXT: ['v=spf1 +all'] },
  'www.example.edu': { CNAME: 'example.edu' },
  '_dmarc.example.edu': { TXT: ['v=DMARC1; p=reject; rua=mailto:dmarc@example.edu'] },
};

/** The zone as the spec changes it: PUT /zone/<name> with a JSON record set replaces that name. */
function controlServer(apply: (name: string, records: unknown) => void) {
  return http.createServer((request, response) => {
    const name = request.url?.match(/^\/zone\/([a-z0-9.-]+)$/)?.[1];
    if (request.method !== 'PUT' || !name) return void response.writeHead(404).end();
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      try {
        apply(name, JSON.parse(body));
        response.writeHead(204).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });
}

const zone: Record<string, unknown> = { ...E2E_ZONE };
const dns = await startDnsServer(E2E_ZONE);
const port = process.env.E2E_PORT ?? '3100';
const control = controlServer((name, records) => {
  zone[name] = records;
  dns.setZone(zone as typeof E2E_ZONE);
}).listen(Number(port) + 1, '127.0.0.1');
const serve = path.join(import.meta.dirname, '..', 'scripts', 'serve.mjs');
const server = spawn(process.execPath, [serve], { stdio: 'inherit', env: { ...process.env, PORT: port, LR_DNS_SERVERS: dns.server } });
const stop = (signal: NodeJS.Signals) => server.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', async (code) => {
  control.close();
  await dns.close();
  process.exit(code ?? 0);
});
