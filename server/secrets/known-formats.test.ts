import { describe, expect, it } from 'vitest';
import { findSecrets } from './finding';
import { PROVIDER_FORMATS } from './known-formats';

// Fake credentials, assembled from pieces so no scanner mistakes this file for a leak.
const j = (...pieces: string[]) => pieces.join('');
const hex32 = '0123456789abcdef0123456789abcdef';
const alnum = 'aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY';

/** rule name → [a value it must find, a near miss it must not]. */
const CASES: Record<string, [string, string]> = {
  'private-key': [j('-----BEGIN RSA ', 'PRIVATE KEY-----\nMIIEow\n-----END RSA ', 'PRIVATE KEY-----'), '-----BEGIN PUBLIC KEY-----'],
  'stripe-key': [j('sk', '_test_', alnum), j('pk', '_live_', alnum)],
  'webhook-secret': [j('wh', 'sec_', alnum), j('wh', 'sec_', 'short')],
  'aws-access-key-id': [j('AK', 'IA', 'IOSFODNN7EXAMPL1'), j('AK', 'IA', 'IOSFODNN7')],
  'github-token': [j('gh', 'p_', alnum), j('gh', 'x_', alnum)],
  'gitlab-token': [j('gl', 'pat-', alnum), j('gl', 'pat-', 'short')],
  'slack-token': [j('xo', 'xb-', '1234567890-abc'), j('xo', 'xz-', '1234567890-abc')],
  'slack-webhook': [j('hooks.slack.com/services/', 'T0123/B0123/', alnum), 'hooks.slack.com/services/'],
  'discord-webhook': [j('discord.com/api/', 'webhooks/123/', alnum), 'discord.com/api/webhooks/123/short'],
  'google-api-key': [j('AI', 'za', alnum, 'Zz9'), j('AI', 'za', 'short')],
  'openai-anthropic-key': [j('sk', '-proj-', alnum), j('sk', '-', 'short-name')],
  'sendgrid-key': [j('SG', '.', alnum, '.', alnum), j('SG', '.', 'short.short')],
  'resend-key': [j('re', '_', 'abcd1234_', 'efgh5678'), 're_render_hook'],
  mailgun: [j('key', '-', hex32), j('key', '-', hex32.toUpperCase())],
  'twilio-key': [j('S', 'K', hex32), j('S', 'K', hex32.slice(0, 31))],
  'npm-token': [j('np', 'm_', alnum, 'Ab12'), j('np', 'm_', alnum)],
  'shopify-token': [j('shp', 'at_', hex32), j('shp', 'xx_', hex32)],
  'huggingface-token': [j('h', 'f_', alnum), j('h', 'f_', 'short')],
  jwt: [j('ey', 'JhbGciOiJIUzI1NiJ9.', 'eyJzdWIiOiIxMjM0In0.', 'dozjgNryP4J3'), 'eyJhbGciOiJIUzI1NiJ9.notjson12.dozjgNryP4J3'],
  'bearer-token': [j('Bear', 'er ', alnum), 'Bearer of bad news'],
  'authorization-header': [j('Authori', 'zation: token=', alnum), 'Authorization: handled by the gateway'],
  // `openssl rand -hex 32`; a labelled SHA-256 digest (an image reference) is not a key.
  'hex-secret': [j(hex32, [...hex32].reverse().join('')), j('app@sha256:', hex32, hex32)],
};

/** Rules that report only the credential, leaving the label around it readable. */
const VALUE_ONLY = new Set(['bearer-token', 'authorization-header']);

describe('provider formats', () => {
  it('has one case per rule', () => {
    expect(PROVIDER_FORMATS.map((r) => r.id).sort()).toEqual(Object.keys(CASES).map((name) => `launch-ready/${name}`).sort());
  });

  it.each(Object.entries(CASES))('%s: finds the value and where it is, and lets the near miss through', (name, [value, nearMiss]) => {
    const rule = PROVIDER_FORMATS.find((r) => r.id === `launch-ready/${name}`)!;
    const text = `before ${value} after`;
    const [found, ...rest] = rule.find(text);
    expect(rest).toEqual([]);
    expect(found?.rule).toBe(`launch-ready/${name}`);
    expect(text.slice(found?.start, found?.end)).toBe(VALUE_ONLY.has(name) ? alnum : value);
    expect(findSecrets(`before ${nearMiss} after`, [rule])).toEqual([]);
  });

  it('reports in rule order, then by position', () => {
    const text = `${j('AK', 'IA', 'IOSFODNN7EXAMPL1')} ${j('sk', '_test_', alnum)} ${j('AK', 'IA', 'IOSFODNN7EXAMPL2')}`;
    expect(findSecrets(text, PROVIDER_FORMATS).map((f) => [f.rule, f.start])).toEqual([
      ['launch-ready/stripe-key', 21],
      ['launch-ready/aws-access-key-id', 0],
      ['launch-ready/aws-access-key-id', 62],
    ]);
    expect(findSecrets('', PROVIDER_FORMATS)).toEqual([]);
  });
});
