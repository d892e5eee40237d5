// The app's own edge, over real HTTP against the production build: where sign-in sends the
// browser, who may read the outbox, and the security headers Launch Ready grades founders on.
import { expect, test, type Page } from '@playwright/test';
import { run as gradeSecurityHeaders } from '../server/checks/security-headers';
import { appCheckDeps } from '../server/check-runs/network';
import { PASSWORD, signUp, uniqueEmail } from './helpers';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The e2e server trusts 127.0.0.1 as a proxy (playwright.config.ts), so this header stands for a
// visitor on another machine whose request a local reverse proxy forwarded.
const REMOTE = { 'x-forwarded-for': '203.0.113.9' };

/** Answers every request that would leave the app's own origin, and records it. */
async function catchEscapes(page: Page): Promise<string[]> {
  const escaped: string[] = [];
  await page.context().route(
    (url) => url.host !== `localhost:${PORT}`,
    (route) => {
      escaped.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'escaped' });
    },
  );
  return escaped;
}

async function signInWithNext(page: Page, email: string, next: string) {
  await page.goto(`/sign-in?next=${next}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

test('signing in never sends the browser to another site, whatever ?next= says', async ({ page }) => {
  const email = uniqueEmail('redirect');
  await signUp(page, 'Rita Redirect', email);
  const escaped = await catchEscapes(page);
  const hostile = ['%2F%09%2Fevil.example%2Ftab', '%2F%0A%2Fevil.example%2Ftab', '%2F%0D%2Fevil.example', '%2F%5Cevil.example', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example%2F', '%2F%2F%09evil.example'];
  for (const next of hostile) {
    await page.context().clearCookies();
    await signInWithNext(page, email, next);
    expect(new URL(page.url()).host, `next=${next}`).toBe(`localhost:${PORT}`);
  }
  expect(escaped).toEqual([]);
  // A same-site destination is still honoured.
  await page.context().clearCookies();
  await signInWithNext(page, email, '%2Faccount%3Ftab%3D1');
  await expect(page).toHaveURL(/\/account\?tab=1$/);
});

test('the outbox shows everything only to the machine it runs on; others see their own mail once signed in', async ({ page, request }) => {
  const owner = uniqueEmail('outbox-owner');
  const other = uniqueEmail('outbox-other');
  await signUp(page, 'Otto Owner', owner);
  await page.context().clearCookies();
  await signUp(page, 'Olga Other', other);

  // Loopback visitor (this machine): sees every message.
  const local = await request.get('/outbox');
  expect(local.status()).toBe(200);
  const localBody = await local.text();
  expect(localBody).toContain(owner);
  expect(localBody).toContain(other);

  // A visitor from elsewhere, signed out: no mail at all (also when claiming to be local).
  for (const headers of [REMOTE, { ...REMOTE, 'x-lr-socket-address': '127.0.0.1', 'x-lr-client-ip': '127.0.0.1' }]) {
    const remote = await request.get('/outbox', { headers, maxRedirects: 0 });
    const body = await remote.text();
    expect(body).not.toContain(owner);
    expect(body).not.toContain(other);
  }

  // Signed in from elsewhere: only the mail sent to that account.
  const mine = await page.request.get('/outbox', { headers: REMOTE });
  expect(mine.status()).toBe(200);
  const mineBody = await mine.text();
  expect(mineBody).toContain(other);
  expect(mineBody).not.toContain(owner);
});

test('pages carry a nonce-based script policy and still work', async ({ page, request }) => {
  const response = await request.get('/sign-in');
  const csp = response.headers()['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=_-]{16,}'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
  const html = await response.text();
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]);
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const tag of inlineScripts) expect(tag).toContain(`nonce="${nonce}"`);
  // Each response gets its own nonce.
  const again = (await request.get('/sign-in')).headers()['content-security-policy'] ?? '';
  expect(again).not.toContain(nonce);
  expect(response.headers()['permissions-policy']).toContain('payment=()');

  // The browser runs the app's scripts under that policy: no violations, and the form works.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const email = uniqueEmail('nonce');
  await signUp(page, 'Nina Nonce', email);
  await expect(page).not.toHaveURL(/sign-up/);
  expect(violations).toEqual([]);
});

test("our own app gets grade A from its own security-headers check", async () => {
  // HSTS is not graded here: browsers ignore it over plain HTTP, and the app sends it whenever
  // BETTER_AUTH_URL is https:// (next.config.ts); the hsts check reports plain HTTP as such.
  const deps = appCheckDeps({ checks: { dnsServers: undefined, allowLoopbackTargets: true } });
  for (const path of ['/', '/sign-in', '/app']) {
    const result = await gradeSecurityHeaders({ domain: 'localhost', productionUrl: `http://127.0.0.1:${PORT}${path}` }, deps);
    const grade = result.findings.find((f) => f.code === 'security-headers.grade');
    expect(grade?.message, `${path}: ${result.findings.map((f) => f.code).join(', ')}`).toMatch(/grade A \(100\/100\)/);
  }
});
