/**
 * Loopback fixtures for monitoring tests and the benchmark: a target whose answer can be switched
 * (ok / fail / hang / slow), a webhook receiver that records signed deliveries, an SMTP server.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startHttpServer, type TestServer } from './servers';

export type TargetMode = 'ok' | 'fail' | 'hang' | { delayMs: number };

export type Target = TestServer & {
  setMode(mode: TargetMode, path?: string): void;
  /** Arrival times (performance.now() ms) per path. */
  hits: Map<string, number[]>;
};

export async function startTarget(): Promise<Target> {
  const modes = new Map<string, TargetMode>();
  let fallback: TargetMode = 'ok';
  const hits = new Map<string, number[]>();
  const server = await startHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const list = hits.get(path) ?? [];
    list.push(performance.now());
    hits.set(path, list);
    req.resume();
    const mode = modes.get(path) ?? fallback;
    if (mode === 'hang') return; // never answers; the client's timeout ends it
    const answer = () => {
      res.writeHead(mode === 'fail' ? 503 : 200, { 'content-type': 'text/plain' });
      res.end(mode === 'fail' ? 'maintenance' : 'all good');
    };
    if (typeof mode === 'object') setTimeout(answer, mode.delayMs);
    else answer();
  });
  return {
    ...server,
    hits,
    setMode(mode, path) {
      if (path) modes.set(path, mode);
      else {
        fallback = mode;
        modes.clear();
      }
    },
  };
}

export type ReceivedHook = { headers: Record<string, string>; body: string };

export async function startWebhookReceiver(status = 200): Promise<TestServer & { received: ReceivedHook[]; setStatus(code: number): void }> {
  const received: ReceivedHook[] = [];
  let answer = status;
  const server = await startHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      received.push({ headers, body });
      res.writeHead(answer).end();
    });
  });
  return { ...server, received, setStatus: (code) => (answer = code) };
}

export type ReceivedMail = { to: string[]; raw: string };

export async function startSmtp(): Promise<{ url: string; received: ReceivedMail[]; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}
