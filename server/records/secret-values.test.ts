import { describe, expect, it } from 'vitest';
import { detectableValues, fakeSecrets } from '@/test/testnet/fake-secrets';
import { findSecretValue, looksRandom } from './secret-values';

// Fake credentials, assembled so no scanner mistakes this file for a leak.
const stripe = ['sk', 'live', '51HxQz8Kp2Lm9Nv4Rt7Wy3Bc'].join('_');
const aws = 'AKIA' + 'IOSFODNN7EXAMPLE';
const github = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const slackHook = 'https://hooks.slack.com/services/' + 'T0123ABCD/B0123ABCD/aBcDeFgHiJkLmNoPqRsTuVwX';
const jwt = 'eyJhbGciOiJIUzI1NiJ9.' + 'eyJzdWIiOiIxMjM0NTY3ODkwIn0.' + 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const randomToken = 'q8Zr2Lk9Xv4Tn7Bw3Mc6Hy1Pd5Gs0Fj';

describe('findSecretValue', () => {
  it.each([
    [`STRIPE_SECRET_KEY=${stripe}`, 'a Stripe secret key'],
    [stripe, 'a Stripe secret key'],
    [aws, 'an AWS access key'],
    [`token ${github}`, 'a GitHub token'],
    [slackHook, 'a Slack webhook address'],
    [jwt, 'a JSON web token'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE…', 'a private key'],
    ['Authorization: Bearer abcdef0123456789abcdef', 'a bearer token'],
  ])('knows provider formats: %s', (text, kind) => {
    expect(findSecretValue(text)).toEqual({ kind });
  });

  it('refuses assignments of secret-sounding names', () => {
    expect(findSecretValue('DATABASE_PASSWORD=hunter22')?.kind).toBe('a value for DATABASE_PASSWORD');
    expect(findSecretValue('export SESSION_SECRET="correct-horse"')?.kind).toBe('a value for SESSION_SECRET');
    expect(findSecretValue('{"api_key": "abc123xyz"}')?.kind).toBe('a value for api_key');
    expect(findSecretValue('password: hunter22')?.kind).toBe('a value for password');
  });

  it('refuses credentials inside links, but not the links themselves', () => {
    expect(findSecretValue('postgres://app:s3cretPass@db.internal:5432/app')?.kind).toBe('a password inside a link');
    expect(findSecretValue('https://api.example.com/hook?token=abcdef123456')?.kind).toBe('a token inside a link');
    expect(findSecretValue('https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit')).toBeNull();
    expect(findSecretValue('postgres://user:$DB_PASSWORD@db:5432/app')).toBeNull();
  });

  it('finds every credential the bundle secret scan is tested with, in shapes generated afresh', () => {
    for (let round = 0; round < 20; round += 1) {
      const missed = detectableValues(fakeSecrets()).filter((value) => findSecretValue(`the value is ${value}`) === null);
      expect(missed).toEqual([]);
    }
  });

  it('refuses long random-looking tokens with no known prefix', () => {
    expect(findSecretValue(`the key is ${randomToken}`)?.kind).toBe('a random-looking key or token');
  });

  it.each([
    'STRIPE_SECRET_KEY',
    'NEXT_PUBLIC_SUPABASE_ANON_KEY',
    'Charges and refunds through Stripe',
    'Password: kept in 1Password, Ops vault',
    'Vercel project settings → Environment Variables',
    '1Password: Ops vault',
    'STRIPE_SECRET_KEY=$STRIPE_SECRET_KEY',
    'API_KEY=<your key here>',
    'SESSION_SECRET=********',
    'git checkout 9fceb02d0ae598e95dc970b74767f19372d61af8',
    'project 3f2a9c1b-7e8d-4f6a-9b2c-3d4e5f6a7b8c',
    'Run `npm run migrate` then promote the deployment in Vercel.',
    'NODE_ENV=production',
    'AUTH_TRUST_HOST=true',
    'MyServiceConfigurationBackup2024',
    '',
  ])('lets ordinary text through: %j', (text) => {
    expect(findSecretValue(text)).toBeNull();
  });
});

describe('looksRandom', () => {
  it('needs mixed case, digits and high entropy', () => {
    expect(looksRandom(randomToken)).toBe(true);
    expect(looksRandom('abcdefghijklmnopqrstuvwxyz012345')).toBe(false);
    expect(looksRandom('AAAAaaaa1111AAAAaaaa1111')).toBe(false);
  });
});
