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
  /**
   * Holds every request to `path` unanswered until released (then answers as its mode says), so
   * a test can act while a request is known to be in flight instead of sleeping. `arrived`
   * resolves when `count` requests are being held.
   */
  hold(path: string, count?: number): { arrived: Promise<void>; release(): void };
};

export async function startTarget(): Promise<Target> {
  const modes = new Map<string, TargetMode>();
  let fallback: TargetMode = 'ok';
  const hits = new Map<string, number[]>();
  const holds = new Map<string, { held: (() => void)[]; count: number; arrived: () => void; released: boolean }>();
  const server = await startHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const list = hits.get(path) ?? [];
    list.push(performance.now());
    hits.set(path, list);
    req.resume();
    const mode = modes.get(path) ?? fallback;
    if (mode === 'hang') return; // never answers; the client's timeout ends it
    const answer = () => {
      if (res.destroyed) return;
      res.writeHead(mode === 'fail' ? 503 : 200, { 'content-type': 'text/plain' });
      res.end(mode === 'fail' ? 'maintenance' : 'all good');
    };
    const respond = typeof mode === 'object' ? () => setTimeout(answer, mode.delayMs) : answer;
    const hold = holds.get(path);
    if (hold && !hold.released) {
      hold.held.push(respond);
      if (hold.held.length >= hold.count) hold.arrived();
    } else respond();
  });
  return {
    ...server,
    hits,
    hold(path, count = 1) {
      let arrived!: () => void;
      const promise = new Promise<void>((resolve) => (arrived = resolve));
      const hold = { held: [] as (() => void)[], count, arrived, released: false };
      holds.set(path, hold);
      return {
        arrived: promise,
        release() {
          hold.released = true;
          for (const respond of hold.held.splice(0)) respond();
        },
      };
    },
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
