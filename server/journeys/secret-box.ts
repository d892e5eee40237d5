/**
 * The project secrets store's box (server/vault) as the runner uses it: `fill` for
 * {{secret.NAME}}, `mask` for what a run keeps. `boxOf` builds one from plain values for tests
 * and fixtures.
 */
import { secretBoxOf, type SecretBox } from '@/server/vault';

export type { SecretBox };
export { referencedSecretNames } from '@/server/vault';

export function boxOf(values: Record<string, string>): SecretBox {
  return secretBoxOf(Object.entries(values).map(([name, value]) => ({ name, value })));
}
