/**
 * Provider key formats for synchronous callers. secretlint (./secretlint.ts) is the reference
 * for known formats, but its engine only runs asynchronously, and zod refinements (the record
 * forms) and the handover model are synchronous, so they match these patterns instead. The
 * patterns accept test-mode and shorter keys than secretlint: a pasted value should be refused
 * even when it is not a live production key.
 */
import { patternRule, type SecretRule } from './finding';

const rule = (name: string, label: string, pattern: RegExp) => patternRule(`launch-ready/${name}`, label, pattern);

/** Identical in the bundle scan's secretlint rules, which the recommended preset lacks. */
export const mailgunKey = rule('mailgun', 'a Mailgun key', /\b(key-[0-9a-f]{32})\b/);

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
];
