/**
 * What the handover pack hides, on the shared detector (server/secrets). A pack hides more than
 * the record forms refuse: over-masking is the accepted failure mode there; a leaked key is not.
 */
import { PROVIDER_FORMATS, linkPasswords, patternRule, randomTokens, secretAssignments, type SecretRule } from '@/server/secrets';

/**
 * Looser shapes than the shared provider formats, which the record forms would rather not
 * refuse: publishable Stripe keys (public, but a pack shows no keys at all), shorter Stripe and
 * OpenAI-style bodies, three-part tokens whose payload is not JSON, and every Slack webhook link
 * as a whole (scheme included). First, so the whole shape is hidden as one.
 */
const WIDER_FORMATS: readonly SecretRule[] = [
  patternRule('launch-ready/handover/stripe-any-key', 'a Stripe key', /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}/),
  patternRule('launch-ready/handover/sk-key', 'an OpenAI or Anthropic key', /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}/),
  patternRule('launch-ready/handover/jwt-like', 'a JSON web token', /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/),
  patternRule('launch-ready/handover/slack-webhook-link', 'a Slack webhook address', /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/]+/),
];

/** Applied one after another, each on the text the previous ones left. */
export const REDACT_RULES: readonly SecretRule[] = [
  ...WIDER_FORMATS,
  ...PROVIDER_FORMATS,
  // Placeholders are hidden too: `postgres://u:$PASS@…` costs nothing to hide.
  linkPasswords({ skipPlaceholders: false }),
  secretAssignments({ shape: 'inline', skipPlaceholders: false, colonNeedsCredential: false, randomValuesOfAnyName: null, skipLinks: false }),
  // Links are not spared: a random run in a path is hidden like any other.
  randomTokens({ minLength: 32, dotsJoinRuns: false, randomness: { minBitsPerChar: 3.5, wordsAreNotRandom: false }, skipLinks: false }),
];
