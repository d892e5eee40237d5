import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginApi } from '@/test/testnet/fixtures/api';
import { routes } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { declaredTimings } from '@/test/testnet/declared-timing';
import { run } from './rate-limit';
import type { CheckTarget } from './types';

describe('rate-limit check', () => {
  let site: QuickSite;
  const limited = loginApi({ kind: 'limited', after: 5 });
  const slowing = loginApi({ kind: 'slowing', after: 3, stepMs: 15 });
  const unlimited = loginApi({ kind: 'unlimited' });

  beforeAll(async () => {
    site = await startQuickSite({ hosts: { 'shop.test': routes({ '/api/login': limited, '/api/slow-login': slowing, '/api/open-login': unlimited }) } });
  });
  afterAll(() => site?.close());

  const target = (path: string, extra: Partial<CheckTarget> = {}): CheckTarget => ({ domain: 'shop.test', ownershipVerified: true, endpoints: [{ kind: 'login', method: 'POST', url: `https://shop.test${path}` }], ...extra });

  it('refuses to probe an unverified domain, and sends nothing', async () => {
    const outcome = await run(target('/api/open-login', { ownershipVerified: false }), site.deps);
    expect(outcome.status).toBe('error');
    expect(outcome.findings.map((f) => f.code)).toEqual(['rate-limit.ownership-unverified']);
    expect(unlimited.attempts()).toBe(0);
  });

  it('passes when sign-in answers 429 and stops the burst there', async () => {
    const outcome = await run(target('/api/login'), site.deps);
    expect(outcome.status).toBe('pass');
    expect(outcome.findings[0]).toMatchObject({ code: 'rate-limit.limited', evidence: { sent: 6 } });
    expect(limited.attempts()).toBe(6);
  });

  it('passes a tarpit that slows down clearly', async () => {
    // The tarpit's waits are declared and read through an injected stopwatch: a loaded machine
    // cannot slow the first attempts enough to hide the slowdown.
    const outcome = await run(target('/api/slow-login'), declaredTimings(site.deps));
    expect(outcome.findings.map((f) => f.code)).toEqual(['rate-limit.slowing']);
    expect(outcome.status).toBe('pass');
  });

  it('fails when every attempt is answered, within the default burst of 15 and the maximum of 30', async () => {
    const outcome = await run(target('/api/open-login'), site.deps);
    expect(outcome.status).toBe('fail');
    expect(outcome.findings[0]).toMatchObject({ code: 'rate-limit.missing', severity: 'high', evidence: { sent: 15 } });
    unlimited.reset();
    await run(target('/api/open-login', { probes: { rateLimitBurst: 500 } }), site.deps);
    expect(unlimited.attempts()).toBe(30);
  });

  it('needs a login endpoint', async () => {
    const outcome = await run({ domain: 'shop.test', ownershipVerified: true }, site.deps);
    expect(outcome.status).toBe('error');
    expect(outcome.findings[0]?.code).toBe('rate-limit.no-login-endpoint');
  });
});
