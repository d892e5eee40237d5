/**
 * A loopback product for browser journeys: a sign-in page whose button posts JSON from script
 * (so only a real browser can pass it), then a home page that greets the person. Bad variants:
 * `deadButton` (the button does nothing), `missingText` (home no longer says "Welcome back"),
 * `privateResource` (the login page loads an image and a fetch from another address — the
 * private one a browser journey must refuse) and `webSocket` (the page opens a WebSocket).
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { startHttpServer, type TestServer } from './servers';

export const BROWSER_USER = 'qa@example.test';
export const BROWSER_PASSWORD = 'Corr3ct-Horse-browser-journey';
export const WELCOME_TEXT = 'Welcome back';

export type BrowserSiteOptions = { deadButton?: boolean; missingText?: boolean; privateResource?: string | null; webSocket?: string | null };
export type BrowserSite = TestServer & { set(options: BrowserSiteOptions): void; log: string[]; signIns(): number };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(body));
  });
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;margin:2rem">${body}</body></html>`;

export async function startBrowserJourneySite(initial: BrowserSiteOptions = {}): Promise<BrowserSite> {
  let options = { ...initial };
  let signIns = 0;
  const sessions = new Set<string>();
  const log: string[] = [];
  const server = await startHttpServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    log.push(`${req.method} ${path}`);
    const body = await readBody(req);
    const session = /(?:^|;\s*)session=([a-f0-9]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (req.method === 'GET' && path === '/login') {
      const handler = options.deadButton
        ? '() => {}'
        : `async () => {
            const r = await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: document.getElementById('email').value, password: document.getElementById('password').value }) });
            if (r.ok) location.href = '/home'; else document.getElementById('error').textContent = 'Wrong email or password.';
          }`;
      const extra =
        (options.privateResource ? `<img alt="" src="${options.privateResource}/tracker.png"><script>fetch('${options.privateResource}/internal.json').catch(() => {});</script>` : '') +
        (options.webSocket ? `<script>try { new WebSocket('${options.webSocket}'); } catch (e) {}</script>` : '');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(
        page(
          'Sign in',
          `<h1>Sign in</h1><label for="email">Email</label> <input id="email" type="email"><br><label for="password">Password</label> <input id="password" type="password"><br>` +
            `<button id="go" type="button">Sign in</button><p id="error" role="alert"></p>${extra}<script>document.getElementById('go').addEventListener('click', ${handler});</script>`,
        ),
      );
    }
    if (req.method === 'POST' && path === '/api/login') {
      let input: { email?: string; password?: string } = {};
      try {
        input = JSON.parse(body) as typeof input;
      } catch {
        /* refused below */
      }
      if (input.email !== BROWSER_USER || input.password !== BROWSER_PASSWORD) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end('{"error":"wrong"}');
      }
      signIns += 1;
      const id = crypto.randomBytes(16).toString('hex');
      sessions.add(id);
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': `session=${id}; Path=/; HttpOnly; SameSite=Lax` });
      return res.end('{"ok":true}');
    }
    if (req.method === 'GET' && path === '/home') {
      if (!session || !sessions.has(session)) {
        res.writeHead(302, { location: '/login' });
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page('Home', options.missingText ? '<h1>Home</h1><p>Something went wrong loading your projects.</p>' : `<h1>Home</h1><p>${WELCOME_TEXT}, ${BROWSER_USER}</p>`));
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  return {
    ...server,
    log,
    signIns: () => signIns,
    set(next) {
      options = { ...options, ...next };
    },
  };
}
