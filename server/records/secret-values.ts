/**
 * Spots credential values pasted into operating records (the env-var inventory, runbooks,
 * contacts …), so they are refused before anything is stored. Pure and synchronous: zod
 * refinements call it. A finding names the kind of value, never the value itself.
 *
 * The detector is server/secrets; what is particular to records is chosen here: refusing
 * input must not trip on prose, placeholders or document links, but does refuse any
 * `NAME=value` of a secret-sounding name and any long random-looking token.
 */
import {
  PROVIDER_FORMATS,
  findSecrets,
  linkPasswords,
  linkTokens,
  looksRandom as looksRandomWith,
  randomTokens,
  secretAssignments,
  type RandomnessOptions,
  type SecretRule,
} from '@/server/secrets';

export type SecretFinding = { kind: string };

/** Stricter than the handover's (3.5, words allowed): a false refusal blocks the user. */
const RANDOMNESS: RandomnessOptions = { minBitsPerChar: 3.7, wordsAreNotRandom: true };

/** In order of preference: the first finding names the refusal. */
const RULES: readonly SecretRule[] = [
  ...PROVIDER_FORMATS,
  linkPasswords({ skipPlaceholders: true }),
  linkTokens(),
  secretAssignments({ shape: 'field', skipPlaceholders: true, colonNeedsCredential: true, randomValuesOfAnyName: RANDOMNESS, skipLinks: true }),
  randomTokens({ minLength: 24, dotsJoinRuns: true, randomness: RANDOMNESS, skipLinks: true }),
];

/** Random-looking by the records' standard; hex ids and identifiers in one case are not. */
export const looksRandom = (run: string): boolean => looksRandomWith(run, RANDOMNESS);

/** The first secret-looking value in the text, or null when there is none. */
export function findSecretValue(text: string): SecretFinding | null {
  const [first] = findSecrets(text, RULES);
  return first ? { kind: first.label } : null;
}
