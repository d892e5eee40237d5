/**
 * The credentials issue 17 found stored through side fields, generated at run time (nothing
 * key-shaped is written into the repository), plus links that carry credentials.
 */
import { randomBytes } from 'node:crypto';
import { fakeSecrets } from '@/test/testnet/fake-secrets';

const join = (...pieces: string[]) => pieces.join('');

/** `openssl rand -hex 32`: the bare 64-hex secret the detector missed. */
export const hex64 = () => randomBytes(32).toString('hex');

/**
 * The four values of the issue, each short enough (≤ 40 characters) for an environment name, so
 * only the secret check can refuse them: a Stripe live key, an AWS key id, a database URL with
 * its password, a JWT.
 */
export function issueSecrets(): [string, string, string, string] {
  const fake = fakeSecrets();
  const b64 = (n: number) => randomBytes(n).toString('base64url').slice(0, n);
  return [
    join('sk', '_live_', b64(24)),
    fake.awsAccessKeyId,
    join('postgres://app:', b64(10), '@db/app'),
    join('ey', 'J', b64(9), '.ey', 'J', b64(9), '.', b64(12)),
  ];
}

export function hostileSecrets(): string[] {
  const fake = fakeSecrets();
  return [
    fake.stripeSecret,
    fake.awsAccessKeyId,
    join('postgres://app:', 'Zq8r2Lk9Xv4Tn7Bw', '@db.internal:5432/app'),
    fake.supabaseServiceRole,
    join('Authorization: token=', randomBytes(12).toString('hex')),
    hex64(),
    join('https://status.example.com/health?access_token=', randomBytes(10).toString('hex')),
    join('https://admin:', 'Zq8r2Lk9Xv4Tn7Bw', '@example.com/'),
  ];
}
