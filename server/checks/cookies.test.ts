import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, routes } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { run } from './cookies';
import type { CheckTarget } from './types';

// Cookie values are built at run time so nothing here looks like a real credential.
const SESSION_VALUE = ['s3ss', 'ion-', 'value-', 'abcdef0123456789'].join('');

describe('cookies check', () => {
  let site: QuickSite;
  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'good.test': routes({
          '/': respond(200, { 'set-cookie': ['theme=dark; Path=/; Secure; SameSite=Lax', '__Host-csrf=tok; Path=/; Secure; SameSite=Strict'] }, 'home'),
          '/api/login': respond(401, { 'set-cookie': `session=${SESSION_VALUE}; Path=/; Secure; HttpOnly; SameSite=Lax` }, '{}'),
        }),
        'bad.test': routes({
          '/': respond(302, { location: '/home', 'set-cookie': 'tracking=1; Path=/' }),
          '/home': respond(200, { 'set-cookie': 'embed=1; SameSite=None' }, 'home'),
          '/login': respond(401, { 'set-cookie': [`connect.sid=${SESSION_VALUE}; Path=/`, `auth_token=${SESSION_VALUE}; Secure; SameSite=None`] }, '{}'),
        }),
        'none.test': respond(200, {}, 'hello'),
      },
    });
  });
  afterAll(() => site?.close());

  const target = (domain: string, login?: string): CheckTarget => ({ domain, ...(login ? { endpoints: [{ kind: 'login', method: 'POST', url: `https://${domain}${login}` }] } : {}) });

  it('passes well-flagged cookies, including the session set by a failed sign-in', async () => {
    const outcome = await run(target('good.test', '/api/login'), site.deps);
    expect(outcome.findings).toEqual([]);
    expect(outcome.status).toBe('pass');
    expect(outcome.evidence).toMatchObject({ cookies: [{ name: 'theme' }, { name: '__Host-csrf' }, { name: 'session', httpOnly: true, value: 's3ss…(30 chars)' }] });
    const login = site.requests.find((r) => r.url === '/api/login');
    expect(login?.method).toBe('POST');
  });

  it('flags missing Secure/HttpOnly/SameSite, including cookies set on a redirect', async () => {
    const outcome = await run(target('bad.test', '/login'), site.deps);
    const list = outcome.findings.map((f) => `${f.code}:${f.severity}:${(f.evidence as { name?: string }).name ?? ''}`);
    expect(list).toContain('cookies.not-secure:low:tracking');
    expect(list).toContain('cookies.not-secure:high:connect.sid');
    expect(list).toContain('cookies.not-httponly:medium:connect.sid');
    expect(list).toContain('cookies.no-samesite:low:connect.sid');
    expect(list).toContain('cookies.samesite-none-insecure:medium:embed');
    expect(list).toContain('cookies.not-httponly:medium:auth_token');
    expect(list).toContain('cookies.samesite-none:low:auth_token');
    expect(outcome.status).toBe('fail');
    expect(JSON.stringify(outcome)).not.toContain(SESSION_VALUE);
  });

  it('says so when there is nothing to check', async () => {
    const outcome = await run(target('none.test'), site.deps);
    expect(outcome.findings.map((f) => f.code)).toEqual(['cookies.none-set', 'cookies.no-login-endpoint']);
    expect(outcome.status).toBe('pass');
  });
});
