/**
 * The credentials issue 17 found stored through side fields, generated at run time (nothing
 * key-shaped is written into the repository), plus links that carry credentials.
 */
import { randomBytes } from 'node:crypto';
import { fakeSecrets } from '@/server/testnet/fake-secrets';

const join = (...pieces: string[]) => pieces.join('');

/** `openssl rand -hex 32`: the bare 64-hex secret the detector missed. */
export const hex64 = () => randomBytes(32).toString('hex');

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
