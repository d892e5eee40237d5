/**
 * Provider key formats for synchronous callers. secretlint (./secretlint.ts) is the reference
 * for known formats, but its engine only runs asynchronously, and zod refinements (the record
 * forms) and the handover model are synchronous, so they match these patterns instead. The
 * patterns accept test-mode and shorter keys than secretlint: a pasted value should be refused
 * even when it is not a live production key.
 */
import { patternRule, type SecretRule } from './finding';
import { isPlaceholder } from './placeholders';

const rule = (name: string, label: string, pattern: RegExp) => patternRule(`launch-ready/${name}`, label, pattern);

/** Identical in the bundle scan's secretlint rules, which the recommended preset lacks. */
export const mailgunKey = rule('mailgun', 'a Mailgun key', /\b(key-[0-9a-f]{32})\b/);

/**
 * The value of an `Authorization` header in any scheme: `Authorization: token=…`, `token …`,
 * `Basic …`, a bare key. Prose after the colon ("Authorization: handled by the gateway") is
 * short words; a credential has 8+ characters with a digit, a symbol or mixed case.
 */
export const authorizationHeader = patternRule(
  'launch-ready/authorization-header',
  'an Authorization header value',
  /\bAuthorization["']?\s*[:=]\s*["']?(?:[A-Za-z]+(?:\s*=\s*|\s+))?([A-Za-z0-9._~+/=-]{8,})/i,
  (value) => !isPlaceholder(value) && (/[^A-Za-z-]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value))),
);

/**
 * A bare run of 64+ hex characters: what `openssl rand -hex 32` (and most "generate a secret"
 * advice) prints. Trade-off: a SHA-256 checksum looks the same. Labelled digests
 * (`sha256:…`, `sha256=…`, `@sha256:…` in image references) are left alone; a bare one in free
 * text is refused. A git commit hash (40) and a UUID are shorter and never match.
 */
export const hexSecret = patternRule(
  'launch-ready/hex-secret',
  'a random hex key (what openssl rand -hex 32 prints)',
  /(?<![0-9A-Za-z])(?<!sha-?256[:=]\s?)(?<!sha-?512[:=]\s?)([0-9a-fA-F]{64,})(?![0-9A-Za-z])/i,
  (value) => /[a-f]/i.test(value) && /[0-9]/.test(value),
);

export const PROVIDER_FORMATS: readonly SecretRule[] = [
  // The whole PEM block (to its END line, or the end of the text when it was cut off).
  rule('private-key', 'a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/),
  rule('stripe-key', 'a Stripe secret key', /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/),
  rule('webhook-secret', 'a webhook signing secret', /\bwhsec_[A-Za-z0-9+/=]{12,}/),
  rule('aws-access-key-id', 'an AWS access key', /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/),
  rule('github-token', 'a GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/),
  rule('gitlab-token', 'a GitLab token', /\bglpat-[A-Za-z0-9_-]{16,}/),
  rule('slack-token', 'a Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}/),
  rule('slack-webhook', 'a Slack webhook address', /hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/),
  rule('discord-webhook', 'a Discord webhook address', /discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{20,}/),
  rule('google-api-key', 'a Google API key', /\bAIza[0-9A-Za-z_-]{30,}/),
  rule('openai-anthropic-key', 'an OpenAI or Anthropic key', /\bsk-(?:proj-|ant-(?:api\d+-)?)?[A-Za-z0-9_-]{20,}/),
  rule('sendgrid-key', 'a SendGrid key', /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/),
  rule('resend-key', 'a Resend key', /\bre_[A-Za-z0-9]{8,}_[A-Za-z0-9]{8,}/),
  mailgunKey,
  rule('twilio-key', 'a Twilio key', /\bSK[0-9a-f]{32}\b/),
  rule('npm-token', 'an npm token', /\bnpm_[A-Za-z0-9]{36}\b/),
  rule('shopify-token', 'a Shopify token', /\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\b/),
  rule('huggingface-token', 'a Hugging Face token', /\bhf_[A-Za-z0-9]{30,}/),
  rule('jwt', 'a JSON web token', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/),
  // Only the token: "Bearer" stays readable where the token is masked.
  rule('bearer-token', 'a bearer token', /\bBearer\s+([A-Za-z0-9._~+/-]{16,})/),
  authorizationHeader,
  hexSecret,
];
