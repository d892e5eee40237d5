import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '@/test/testnet/fake-secrets';
import { scanText } from './scanner';

describe('secret scanner', () => {
  it('finds every kind of planted key in bundler-style code, masked, and ignores public keys', async () => {
    const s = fakeSecrets();
    const bundle = [
      `var a={stripe:"${s.stripeSecret}",hook:"${s.stripeWebhook}"};`,
      `const cfg={accessKeyId:"${s.awsAccessKeyId}",secretAccessKey:"${s.awsSecretAccessKey}"};`,
      `const sa=${JSON.stringify(s.gcpServiceAccountJson)};`,
      `fetch(u,{headers:{Authorization:"Bearer ${s.openai}"}});const k2="${s.anthropic}";`,
      `const db="${s.databaseUrl}";const sb="${s.supabaseServiceRole}";const anon="${s.supabaseAnon}";`,
      `const gh="${s.github}",sl="${s.slackToken}",wh="${s.slackWebhook}";`,
      `const sg="${s.sendgrid}",rs="${s.resend}",mg="${s.mailgun}";`,
    ].join('\n');
    const hits = await scanText(bundle);
    const providers = hits.map((h) => h.provider).sort();
    expect(providers).toEqual(
      [
        'Stripe live secret key', 'Stripe webhook signing secret', 'AWS access key ID', 'AWS secret access key', 'Google Cloud service-account key',
        'OpenAI API key', 'Anthropic API key', 'database connection string with password', 'Supabase service_role key', 'GitHub token',
        'Slack token', 'Slack incoming webhook', 'SendGrid API key', 'Resend API key', 'Mailgun API key',
      ].sort(),
    );
    const serialised = JSON.stringify(hits.map(({ dedupeKey: _key, ...visible }) => visible));
    for (const value of Object.values(s)) expect(serialised).not.toContain(value.slice(4, 20));
    const stripe = hits.find((h) => h.kind === 'payment-key' && h.severity === 'critical');
    expect(stripe).toMatchObject({ masked: 'sk_l…(107 chars)', line: 1 });
    expect(hits.find((h) => h.provider === 'AWS secret access key')).toMatchObject({ line: 2, severity: 'critical', masked: `${s.awsSecretAccessKey.slice(0, 4)}…(40 chars)` });
  });

  it('reports a raw PEM private key once', async () => {
    const s = fakeSecrets();
    const hits = await scanText(`config = """\n${s.privateKey}"""`, 'notes.txt');
    expect(hits.map((h) => `${h.kind}:${h.severity}`)).toEqual(['private-key:critical']);
    expect(hits[0]?.masked).toMatch(/^-{4}…\(\d+ chars\)$/);
  });

  it('stays quiet on ordinary code', async () => {
    expect(await scanText('const key = process.env.STRIPE_KEY; const url = "https://example.com/a?b=c"; // sk_test_placeholder')).toEqual([]);
  });
});
