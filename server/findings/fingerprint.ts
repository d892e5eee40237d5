import { createHash } from 'node:crypto';

/** Stable identity of a finding across runs: the same check, code and subject is the same problem. */
export function fingerprintOf(checkId: string, code: string, subject: string): string {
  return createHash('sha256').update(`${checkId}\u0000${code}\u0000${subject}`).digest('hex').slice(0, 32);
}
