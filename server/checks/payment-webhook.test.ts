import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentWebhook, type ReceivedEvent } from '@/test/testnet/fixtures/payment-webhooks';
import { respond, routes } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { verifyStripeSignature } from '@/server/webhooks/stripe-signature';
import { readEvidence } from './evidence';
import { run, TEST_EVENT_TYPE } from './payment-webhook';
import type { CheckTarget } from './types';

const SECRET = 'whsec_test_51HxLaunchReadyLoopbackSigningSecret0001';

describe('payment webhook check', () => {
  let site: QuickSite;
  const received: Record<'good' | 'open' | 'replay' | 'other', ReceivedEvent[]> = { good: [], open: [], replay: [], other: [] };
  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'shop.test': routes({
          '/hooks/good': paymentWebhook('good', SECRET, received.good),
          '/hooks/open': paymentWebhook('ignores-signature', SECRET, received.open),
          '/hooks/replay': paymentWebhook('errors-on-replay', SECRET, received.replay),
          '/hooks/other-secret': paymentWebhook('good', 'whsec_some_other_secret_entirely_000', received.other),
          '/hooks/moved': respond(301, { location: 'https://shop.test/hooks/good' }, ''),
          '/hooks/crash': respond(500, { 'content-type': 'text/plain' }, 'TypeError: cannot read properties of undefined'),
        }),
        'elsewhere.test': paymentWebhook('good', SECRET),
      },
    });
  });
  afterAll(() => site?.close());

  const target = (path: string, extra: Partial<CheckTarget> = {}, secret: string | null = SECRET): CheckTarget => {
    const url = path.startsWith('https://') ? path : `https://shop.test${path}`;
    return {
      domain: 'shop.test',
      ownershipVerified: true,
      endpoints: [{ kind: 'payment-webhook', method: 'POST', url }],
      paymentWebhooks: [{ url, secretName: 'STRIPE_WEBHOOK_SECRET', signingSecret: secret }],
      ...extra,
    };
  };
  const codes = (outcome: { findings: { code: string }[] }) => outcome.findings.map((f) => f.code);

  it('passes a handler that verifies signatures and skips events it has seen, and keeps the secret out of the result', async () => {
    const outcome = await run(target('/hooks/good'), site.deps);
    expect(codes(outcome)).toEqual(['payment-webhook.verified']);
    expect(outcome.status).toBe('pass');
    expect(readEvidence('payment-webhook', outcome.evidence)).toEqual({ state: 'read', evidence: { endpoints: ['https://shop.test/hooks/good'], tested: 1 } });
    const [signed, replay, forged] = received.good as [ReceivedEvent, ReceivedEvent, ReceivedEvent];
    expect(received.good).toHaveLength(3);
    // The same event twice, each correctly signed; then a different event with a wrong signature.
    expect(replay.eventId).toBe(signed.eventId);
    expect(forged.eventId).not.toBe(signed.eventId);
    expect(signed.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyStripeSignature(signed.body, signed.signature, SECRET, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyStripeSignature(forged.body, forged.signature, SECRET, Math.floor(Date.now() / 1000))).toBe(false);
    expect(received.good.map((r) => r.status)).toEqual([200, 200, 400]);
    expect(JSON.parse(signed.body)).toMatchObject({ type: TEST_EVENT_TYPE, livemode: false, object: 'event' });
    const printed = JSON.stringify(outcome);
    expect(printed).not.toContain(SECRET);
    expect(printed).not.toContain(signed.signature!.split('v1=')[1]);
  });

  it('fails a handler that ignores the signature: critical, with how to fix it', async () => {
    const outcome = await run(target('/hooks/open'), site.deps);
    expect(codes(outcome)).toEqual(['payment-webhook.signature-not-verified']);
    expect(outcome.findings[0]).toMatchObject({ severity: 'critical', fix: expect.stringContaining('constructEvent') });
    expect(outcome.status).toBe('fail');
  });

  it('fails a handler that errors when the same event comes back: high', async () => {
    const outcome = await run(target('/hooks/replay'), site.deps);
    expect(codes(outcome)).toEqual(['payment-webhook.not-idempotent']);
    expect(outcome.findings[0]).toMatchObject({ severity: 'high', message: expect.stringContaining('status 500') });
    expect(received.replay.map((r) => r.status)).toEqual([200, 500, 400]);
  });

  it('says a signed event was refused when the secret does not match, and stops there', async () => {
    const outcome = await run(target('/hooks/other-secret'), site.deps);
    expect(codes(outcome)).toEqual(['payment-webhook.signed-event-refused']);
    expect(outcome.findings[0]!.message).toContain('STRIPE_WEBHOOK_SECRET');
    expect(received.other).toHaveLength(1);
  });

  it('does not follow a redirect, and reports a crash on a signed event', async () => {
    const before = received.good.length;
    const moved = await run(target('/hooks/moved'), site.deps);
    expect(codes(moved)).toEqual(['payment-webhook.redirects']);
    expect(received.good.length).toBe(before); // the redirect's target was never sent the event
    const crash = await run(target('/hooks/crash'), site.deps);
    expect(codes(crash)).toEqual(['payment-webhook.signed-event-error']);
    expect(crash.status).toBe('fail');
  });

  it('sends nothing without verified ownership, outside the domain or without a secret', async () => {
    const count = () => site.requests.length;
    const before = count();
    const unverified = await run(target('/hooks/good', { ownershipVerified: false }), site.deps);
    expect(codes(unverified)).toEqual(['payment-webhook.ownership-unverified']);
    expect(unverified.status).toBe('error');
    const outside = await run(target('https://elsewhere.test/hooks'), site.deps);
    expect(codes(outside)).toEqual(['payment-webhook.outside-verified-domain']);
    const noSecret = await run(target('/hooks/good', {}, null), site.deps);
    expect(codes(noSecret)).toEqual(['payment-webhook.no-signing-secret']);
    expect(noSecret.findings[0]!.message).toContain('STRIPE_WEBHOOK_SECRET');
    expect(count()).toBe(before);
  });

  it('tests only the listed endpoints: the homepage and other paths are never sent events', async () => {
    const before = site.requests.length;
    await run(target('/hooks/good'), site.deps);
    const sent = site.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.host}${r.url}`)).toEqual(Array(3).fill('POST shop.test/hooks/good'));
  });
});
