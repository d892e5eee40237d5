/**
 * Fake credentials for tests, generated at run time. Each matches the shape of a real key
 * (prefix, length, alphabet) so detectors find it, but none is real, and none is written into
 * the repository: prefixes are assembled from pieces so repository scanners stay quiet.
 */
import { randomBytes, randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';

function pick(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

const join = (...pieces: string[]) => pieces.join('');

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function fakePem(): string {
  // "MII" is how DER-encoded keys start in base64; the rest is noise.
  const body = join('MII', 'EvQIBADANBgkqhkiG9w0BAQEFAASC', randomBytes(900).toString('base64'));
  const lines = body.match(/.{1,64}/g) ?? [];
  return [join('-----BEGIN ', 'PRIVATE KEY-----'), ...lines, join('-----END ', 'PRIVATE KEY-----'), ''].join('\n');
}

export interface FakeSecrets {
  stripeSecret: string;
  stripeWebhook: string;
  awsAccessKeyId: string;
  awsSecretAccessKey: string;
  gcpServiceAccountJson: string;
  openai: string;
  anthropic: string;
  databaseUrl: string;
  supabaseServiceRole: string;
  /** Public by design: must NOT be reported. */
  supabaseAnon: string;
  privateKey: string;
  github: string;
  slackToken: string;
  slackWebhook: string;
  sendgrid: string;
  resend: string;
  mailgun: string;
}

function supabaseJwt(role: string): string {
  const header = base64url({ alg: 'HS256', typ: 'JWT' });
  const payload = base64url({ iss: 'supabase', ref: pick(ALNUM.toLowerCase(), 20), role, iat: 1_700_000_000, exp: 2_000_000_000 });
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
}

export function fakeSecrets(): FakeSecrets {
  const privateKey = fakePem();
  return {
    stripeSecret: join('sk', '_live_', pick(ALNUM, 99)),
    stripeWebhook: join('wh', 'sec_', pick(ALNUM, 32)),
    awsAccessKeyId: join('AK', 'IA', pick(UPPER_DIGITS, 16)),
    awsSecretAccessKey: pick(ALNUM, 40),
    gcpServiceAccountJson: JSON.stringify({
      type: join('service', '_account'),
      project_id: 'launch-ready-fixture',
      private_key_id: pick(HEX, 40),
      private_key: privateKey,
      client_email: 'fixture@launch-ready-fixture.iam.gserviceaccount.com',
    }),
    openai: join('sk-', 'proj-', pick(ALNUM, 74), 'T3Blbk', 'FJ', pick(ALNUM, 74)),
    anthropic: join('sk-', 'ant-', 'api03-', pick(ALNUM, 93), 'AA'),
    databaseUrl: join('postgres', '://app_user:', pick(ALNUM, 20), '@db.internal.example:5432/app'),
    supabaseServiceRole: supabaseJwt(join('service', '_role')),
    supabaseAnon: supabaseJwt('anon'),
    privateKey,
    github: join('gh', 'p_', pick(ALNUM, 36)),
    slackToken: join('xo', 'xb-', String(randomInt(1e9, 1e10)), '-', String(randomInt(1e12, 1e13)), '-', pick(ALNUM, 24)),
    slackWebhook: join('https://hooks', '.slack.com/services/T', pick(UPPER_DIGITS, 8), '/B', pick(UPPER_DIGITS, 8), '/', pick(ALNUM, 24)),
    sendgrid: join('SG', '.', pick(ALNUM, 22), '.', pick(ALNUM, 43)),
    resend: join('re', '_', pick(ALNUM, 8), '_', pick(ALNUM, 24)),
    mailgun: join('key', '-', pick(HEX, 32)),
  };
}

/** The values that must be detected (everything but the public anon key). */
export function detectableValues(secrets: FakeSecrets): string[] {
  const { supabaseAnon: _public, gcpServiceAccountJson: _json, ...rest } = secrets;
  return Object.values(rest);
}
