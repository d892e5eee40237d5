/**
 * A loopback product to sign in to, for journey tests and the demo: a JSON API (POST /api/login
 * → a session cookie and a bearer token, GET /api/me) and an HTML form with a CSRF token
 * (GET /login sets a cookie and hides the token in the form, POST /login checks both, then
 * redirects to /dashboard). Bad variants: `everyNthLoginFails` (2 % is every 50th attempt,
 * deterministic), `brokenProfile` (/api/me answers 500 after a good sign-in), `ignoreCsrf: false`
 * is the default (a missing or wrong token is refused with 403).
 */
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttpServer, type TestServer } from './servers';

export const JOURNEY_USER = 'qa@example.test';
export const JOURNEY_PASSWORD = 'Tr0ub4dor&3-journey-test';

export type JourneySiteOptions = { everyNthLoginFails?: number; brokenProfile?: boolean };

export type JourneySite = TestServer & {
  /** Sign-in attempts so far (JSON and form together). */
  attempts(): number;
  set(options: JourneySiteOptions): void;
  /** Every request's method and path, in order. */
  log: string[];
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(body));
  });
}

function cookiesOf(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) jar.set(name, rest.join('='));
  }
  return jar;
}

export async function startJourneySite(initial: JourneySiteOptions = {}): Promise<JourneySite> {
  let options = { ...initial };
  let attempts = 0;
  const sessions = new Set<string>();
  const csrfBySession = new Map<string, string>();
  const log: string[] = [];

  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string | string[]> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };
  /** True when this attempt is one of the deterministic failures. */
  const attemptFails = () => {
    attempts += 1;
    return options.everyNthLoginFails !== undefined && attempts % options.everyNthLoginFails === 0;
  };
  const newSession = () => {
    const id = crypto.randomBytes(16).toString('hex');
    sessions.add(id);
    return id;
  };
  const signedIn = (req: IncomingMessage) => {
    const cookie = cookiesOf(req).get('session');
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return (cookie !== undefined && sessions.has(cookie)) || (bearer !== undefined && sessions.has(bearer));
  };

  const server = await startHttpServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    log.push(`${req.method} ${path}`);
    const body = await readBody(req);
    if (req.method === 'POST' && path === '/api/login') {
      let input: { email?: string; password?: string } = {};
      try {
        input = JSON.parse(body) as typeof input;
      } catch {
        return json(res, 400, { error: 'Send JSON.' });
      }
      if (attemptFails()) return json(res, 503, { error: 'Sign-in is temporarily unavailable.' });
      if (input.email !== JOURNEY_USER || input.password !== JOURNEY_PASSWORD) return json(res, 401, { error: 'Wrong email or password.' });
      const id = newSession();
      return json(res, 200, { token: id, user: { email: JOURNEY_USER } }, { 'set-cookie': `session=${id}; Path=/; HttpOnly; SameSite=Lax` });
    }
    if (req.method === 'GET' && path === '/api/me') {
      if (!signedIn(req)) return json(res, 401, { error: 'Sign in first.' });
      if (options.brokenProfile) return json(res, 500, { error: 'Internal error' });
      return json(res, 200, { user: { email: JOURNEY_USER, plan: 'pro' } });
    }
    if (req.method === 'GET' && path === '/login') {
      const pre = crypto.randomBytes(12).toString('hex');
      const token = crypto.randomBytes(18).toString('base64url');
      csrfBySession.set(pre, token);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': `pre_session=${pre}; Path=/; HttpOnly` });
      return res.end(
        `<!doctype html><html><head><meta name="csrf-token" content="${token}"></head><body><form method="post" action="/login">` +
          `<input type="hidden" name="csrf_token" value="${token}"><input name="email"><input type="password" name="password"><button>Sign in</button></form></body></html>`,
      );
    }
    if (req.method === 'POST' && path === '/login') {
      const form = new URLSearchParams(body);
      const pre = cookiesOf(req).get('pre_session');
      const expected = pre ? csrfBySession.get(pre) : undefined;
      if (!expected || form.get('csrf_token') !== expected) {
        res.writeHead(403, { 'content-type': 'text/html' });
        return res.end('<p>Your session expired: reload the page and try again (CSRF token missing or wrong).</p>');
      }
      if (attemptFails()) {
        res.writeHead(503, { 'content-type': 'text/html' });
        return res.end('<p>Sign-in is temporarily unavailable.</p>');
      }
      if (form.get('email') !== JOURNEY_USER || form.get('password') !== JOURNEY_PASSWORD) {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<p>Wrong email or password.</p>');
      }
      const id = newSession();
      res.writeHead(302, { location: '/dashboard', 'set-cookie': `session=${id}; Path=/; HttpOnly; SameSite=Lax` });
      return res.end();
    }
    if (req.method === 'GET' && path === '/dashboard') {
      if (!signedIn(req)) {
        res.writeHead(302, { location: '/login' });
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(`<h1>Dashboard</h1><p>Signed in as ${JOURNEY_USER}</p>`);
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  return {
    ...server,
    log,
    attempts: () => attempts,
    set(next) {
      options = { ...options, ...next };
    },
  };
}
