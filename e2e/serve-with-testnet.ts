// The browser suite's server: a loopback DNS server with fixture zones for the demo domains, then
// `next start` asking only that DNS server, so checks run from the browser never leave the machine.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startDnsServer } from '../server/testnet/dns-server';

/** The demo projects' mail domains: Cohort Club's SPF allows everyone and it has no DMARC record. */
export const E2E_ZONE = {
  'example.org': { A: ['127.0.0.1'], TXT: ['v=spf1 ip4:192.0.2.10 -all'] },
  'mail.example.org': { TXT: ['v=spf1 +all'] },
  'example.net': { TXT: ['v=spf1 include:_spf.example.net -all'] },
};

const dns = await startDnsServer(E2E_ZONE);
const port = process.env.E2E_PORT ?? '3100';
const next = path.join(import.meta.dirname, '..', 'node_modules', 'next', 'dist', 'bin', 'next');
const server = spawn(process.execPath, [next, 'start', '-p', port], { stdio: 'inherit', env: { ...process.env, LR_DNS_SERVERS: dns.server } });
const stop = (signal: NodeJS.Signals) => server.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', async (code) => {
  await dns.close();
  process.exit(code ?? 0);
});
