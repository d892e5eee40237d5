import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { detectableValues, fakeSecrets, type FakeSecrets } from '@/test/testnet/fake-secrets';
import { leakyRoutes } from '@/test/testnet/fixtures/leaky-bundle';
import { respond } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { run } from './secrets';

describe('secrets check', () => {
  let site: QuickSite;
  let planted: FakeSecrets;
  let thirdParty: FakeSecrets;

  beforeAll(async () => {
    planted = fakeSecrets();
    thirdParty = fakeSecrets();
    site = await startQuickSite({
      hosts: {
        'leaky.test': leakyRoutes(planted, {}, 'https://cdn.vendor.test/widget.js'),
        'cdn.vendor.test': respond(200, { 'content-type': 'text/javascript' }, `var k="${thirdParty.stripeSecret}";`),
        'clean.test': respond(200, { 'content-type': 'text/html' }, '<html><script src="/app.js"></script></html>'),
      },
    });
  });
  afterAll(() => site?.close());

  it('finds keys in inline data, bundles and referenced and guessed source maps, once each', async () => {
    const outcome = await run({ domain: 'leaky.test' }, site.deps);
    expect(outcome.status).toBe('fail');
    const secrets = outcome.findings.filter((f) => f.code !== 'secrets.source-maps-public');
    const providers = secrets.map((f) => (f.evidence as { provider: string }).provider).sort();
    expect(providers).toEqual(
      [
        'Supabase service_role key', 'Slack incoming webhook', 'Stripe live secret key', 'OpenAI API key', 'AWS access key ID', 'AWS secret access key',
        'database connection string with password', 'Google Cloud service-account key', 'SendGrid API key', 'Resend API key', 'Mailgun API key',
        'Anthropic API key', 'GitHub token', 'Slack token', 'Stripe webhook signing secret', 'private key',
      ].sort(),
    );
    const serviceRole = secrets.find((f) => f.code === 'secrets.service-role-token');
    expect(serviceRole).toMatchObject({ severity: 'critical', evidence: { locations: [{ url: 'https://leaky.test/', where: 'inline script __NEXT_DATA__', line: 5 }] } });
    expect(secrets.find((f) => f.code === 'secrets.database-url')?.evidence).toMatchObject({ locations: [{ where: 'source map: src/lib/db.ts', url: 'https://leaky.test/_next/static/chunks/main-1a2b3c4d.js.map' }] });
    expect(secrets.find((f) => f.code === 'secrets.payment-key' && f.severity === 'critical')?.message).toMatch(/^Stripe live secret key sk_l…\(107 chars\) is published in the script https:\/\/leaky.test\/_next/);
    expect(outcome.findings.find((f) => f.code === 'secrets.source-maps-public')?.evidence).toMatchObject({ sourceMaps: expect.arrayContaining([expect.stringMatching(/app-9f8e7d6c\.js\.map$/)]) });
    expect(outcome.evidence).toMatchObject({ scripts: expect.not.arrayContaining(['https://cdn.vendor.test/widget.js']) });
    expect(site.requests.some((r) => r.host === 'cdn.vendor.test')).toBe(false);
  });

  it('canary: no planted value appears in the result or on the console', async () => {
    const printed: string[] = [];
    const capture = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(capture));
    const writes = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')];
    let serialised: string;
    try {
      serialised = JSON.stringify(await run({ domain: 'leaky.test' }, site.deps));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const written = writes.flatMap((spy) => spy.mock.calls.map((call) => String(call[0])));
    for (const spy of writes) spy.mockRestore();
    const everything = [serialised, ...printed, ...written].join('\n');
    for (const value of detectableValues(planted)) {
      expect(everything).not.toContain(value);
      expect(everything).not.toContain(value.slice(4, 24));
    }
  });

  it('passes a clean site and bounds the crawl', async () => {
    const clean = await run({ domain: 'clean.test' }, site.deps);
    expect(clean.status).toBe('pass');
    expect(clean.findings).toEqual([]);
    const limited = await run({ domain: 'leaky.test' }, site.deps, { maxPages: 1, maxScripts: 1, maxSourceMaps: 0, maxBytes: 10_000_000, maxFileBytes: 1_000_000, maxGuessedMaps: 0 });
    expect(limited.evidence).toMatchObject({ scripts: ['https://leaky.test/_next/static/chunks/main-1a2b3c4d.js'], sourceMaps: [], limited: ['scripts', 'source-maps'] });
  });
});
