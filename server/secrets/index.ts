/**
 * The one secret detector. `findSecrets(text, rules)` runs synchronous rules: the provider
 * formats plus the heuristics a caller opts into, each with explicit options. `maskSecret` is
 * the only way a value may be shown. secretlint (async) is in ./secretlint, imported on its own
 * so synchronous callers (form validation) do not load its engine.
 */
export { findSecrets, patternRule, type SecretFinding, type SecretRule } from './finding';
export { PROVIDER_FORMATS } from './known-formats';
export { linkPasswords, linkTokens } from './links';
export { secretAssignments, type AssignmentOptions } from './assignments';
export { randomTokens, type RandomTokenOptions } from './random-tokens';
export { looksRandom, type RandomnessOptions } from './randomness';
export { maskSecret } from './mask';
