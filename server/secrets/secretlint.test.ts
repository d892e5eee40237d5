import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '@/test/testnet/fake-secrets';
import { lintSecrets } from './secretlint';
import { gcpServiceAccount, jwtPayload, resendKey, stripeSecretKey, stripeWebhookSecret, supabaseServiceRole } from './secretlint-rules';
import type { SecretRule } from './finding';

const found = (rule: SecretRule, text: string) => rule.find(text).map((f) => text.slice(f.start, f.end));

describe('rules the secretlint preset lacks', () => {
  const s = fakeSecrets();

  it.each<[string, SecretRule, string, string]>([
    ['Stripe live key', stripeSecretKey, s.stripeSecret, s.stripeSecret.replace('_live_', '_test_')],
    ['Stripe webhook secret', stripeWebhookSecret, s.stripeWebhook, s.stripeWebhook.slice(0, 20)],
    ['Resend key', resendKey, s.resend, `${s.resend}x`],
    ['Supabase service_role key', supabaseServiceRole, s.supabaseServiceRole, s.supabaseAnon],
    ['GCP service-account key', gcpServiceAccount, s.gcpServiceAccountJson, s.privateKey],
  ])('%s: one true positive, one near miss', (_name, rule, value, nearMiss) => {
    const hits = found(rule, `x="${value}";`);
    expect(hits).toHaveLength(1);
    expect(value).toContain(hits[0]);
    expect(found(rule, `x="${nearMiss}";`)).toEqual([]);
  });

  it('reads a JWT payload without verifying it', () => {
    expect(jwtPayload(s.supabaseAnon)?.role).toBe('anon');
    expect(jwtPayload('not.a-jwt')).toBeUndefined();
  });
});

describe('lintSecrets', () => {
  it('runs the preset and our rules, with offsets on the value (the AWS secret key moved onto the key)', async () => {
    const s = fakeSecrets();
    const text = `const a={secretAccessKey:"${s.awsSecretAccessKey}"};const m="${s.mailgun}";`;
    const linted = await lintSecrets(text);
    expect(linted.map((f) => [f.rule, f.messageId, text.slice(f.start, f.end)]).sort()).toEqual(
      [
        ['@secretlint/secretlint-rule-aws', 'AWSSecretAccessKey', s.awsSecretAccessKey],
        ['launch-ready/mailgun', 'MAILGUN_KEY', s.mailgun],
      ].sort(),
    );
    expect(await lintSecrets('const key = process.env.STRIPE_KEY;')).toEqual([]);
  });
});
