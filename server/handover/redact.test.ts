import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SECRET_MARKER, redactDeep, redactText } from './redact';

describe('redactText', () => {
  it.each([
    'sk_live_51HxCanaryAbCdEf0123456789',
    'whsec_AbCdEf0123456789AbCdEf',
    'AKIAIOSFODNN7EXAMPLE',
    'ghp_aBcDeF0123456789aBcDeF0123456789abcd',
    'xoxb-1234567890-abcdefghij',
    'https://hooks.slack.com/services/T000/B000/abcdef',
    'sk-proj-abcdefABCDEF0123456789xyz',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    'Zq8mN3vR7tK2pL9wX4yB6cD1fG5hJ0sA',
  ])('hides %s', (secret) => {
    const { text, count } = redactText(`before ${secret} after`);
    expect(text).not.toContain(secret);
    expect(text).toContain(SECRET_MARKER);
    expect(text.startsWith('before ')).toBe(true);
    expect(count).toBeGreaterThan(0);
  });

  it('keeps names and hosts, hides values of assignments and URL passwords', () => {
    expect(redactText('API_TOKEN=abc123def456').text).toBe(`API_TOKEN=${SECRET_MARKER}`);
    expect(redactText('password: hunter22').text).toBe(`password: ${SECRET_MARKER}`);
    expect(redactText('postgres://admin:S3cretPass@db.internal:5432/app').text).toBe(`postgres://admin:${SECRET_MARKER}@db.internal:5432/app`);
  });

  it('leaves ordinary founder text alone', () => {
    for (const plain of [
      'Rotate the Stripe secret key, then move it to a server-side variable.',
      'https://www.example.org/api/webhooks/stripe',
      '3f2b8c1e-6a4d-4e2f-9b7a-0c1d2e3f4a5b',
      'Password reset emails land in spam.',
      'STRIPE_WEBHOOK_SECRET',
    ]) {
      expect(redactText(plain)).toEqual({ text: plain, count: 0 });
    }
  });

  it('hides every provider format the record forms refuse, keeping what surrounds the token', () => {
    const mailgun = ['key', '0123456789abcdef0123456789abcdef'].join('-');
    expect(redactText(`mailgun ${mailgun}`).text).toBe(`mailgun ${SECRET_MARKER}`);
    expect(redactText('Authorization: Bearer abcdef0123456789abcdef').text).toBe(`Authorization: Bearer ${SECRET_MARKER}`);
  });

  it('hides a bare 64-hex key (openssl rand -hex 32) and an Authorization header value', () => {
    const hex = randomBytes(32).toString('hex');
    expect(redactText(`SESSION_KEY is ${hex} now`).text).toBe(`SESSION_KEY is ${SECRET_MARKER} now`);
    expect(redactText(`Authorization: token ${hex.slice(0, 20)}`).text).toBe(`Authorization: token ${SECRET_MARKER}`);
  });

  it('walks nested documents', () => {
    const { value, count } = redactDeep({ a: ['sk_test_abcdefgh1234'], b: { c: 'fine', n: 3 } });
    expect(value).toEqual({ a: [SECRET_MARKER], b: { c: 'fine', n: 3 } });
    expect(count).toBe(1);
  });
});
