/**
 * Rules secretlint's recommended preset (12.0) lacks, run in the same engine as the preset.
 * Tighter than ./known-formats.ts on purpose: they scan minified JavaScript, where ordinary
 * identifiers must not match and test-mode keys are not a production leak.
 */
import type { SecretLintRuleCreator } from '@secretlint/types';
import { patternRule, type SecretRule } from './finding';
import { mailgunKey } from './known-formats';

/** A secretlint rule that reports what `rule` finds. */
function asSecretlint(rule: SecretRule, messageId: string, description: string): SecretLintRuleCreator {
  const messages = { [messageId]: { en: () => description } };
  return {
    messages,
    meta: { id: rule.id, recommended: true, type: 'scanner', supportedContentTypes: ['text'] },
    create(context) {
      const t = context.createTranslator(messages);
      return {
        file(source) {
          for (const found of rule.find(source.content)) context.report({ message: t(messageId), range: [found.start, found.end] });
        },
      };
    },
  };
}

// Built from pieces so that this file itself never reads as a key to scanners.
const LIVE = ['_', 'live', '_'].join('');

/** No Stripe rule in the preset. Live keys only: `sk_test_…` in a bundle leaks no production data. */
export const stripeSecretKey = patternRule('launch-ready/stripe', 'a Stripe live secret key', new RegExp(`\\b((?:sk|rk)${LIVE}[0-9A-Za-z]{20,247})\\b`));

/** No Stripe rule in the preset; 32+ characters as Stripe issues them. */
export const stripeWebhookSecret = patternRule('launch-ready/stripe-webhook', 'a Stripe webhook signing secret', /\b(whsec_[0-9A-Za-z+/=]{32,})\b/);

/** No Resend rule in the preset; the exact 8 + 24 shape, so minified names like `re_render_…` stay quiet. */
export const resendKey = patternRule('launch-ready/resend', 'a Resend key', /\b(re_[0-9A-Za-z]{8}_[0-9A-Za-z]{24})\b/);

/** The JWT payload, decoded without verifying: only the claimed role matters here. */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** No JWT rule in the preset. Supabase anon keys are public by design; service_role bypasses every row-level policy. */
export const supabaseServiceRole = patternRule(
  'launch-ready/supabase-service-role',
  'a Supabase service_role key',
  /\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})/,
  (token) => jwtPayload(token)?.role === 'service_role',
);

/** The preset's GCP rule only reads whole JSON files; this finds the PEM key of a service-account JSON embedded in a bundle (escaped or not). */
const GCP_RULE = 'launch-ready/gcp-service-account';
export const gcpServiceAccount: SecretRule = {
  id: GCP_RULE,
  find(content) {
    const pem = /-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\s\\]{100,10000}?-----END PRIVATE KEY-----/g;
    return [...content.matchAll(pem)]
      .filter((match) => {
        const around = content.slice(Math.max(0, match.index - 4_000), match.index + match[0].length + 4_000);
        return /service_account/.test(around) && /private_key_id/.test(around);
      })
      .map((match) => ({ rule: GCP_RULE, label: 'a Google Cloud service-account key', start: match.index, end: match.index + match[0].length }));
  },
};

export const EXTRA_RULES: readonly SecretLintRuleCreator[] = [
  asSecretlint(stripeSecretKey, 'STRIPE_SECRET_KEY', 'Stripe live secret or restricted key'),
  asSecretlint(stripeWebhookSecret, 'STRIPE_WEBHOOK_SECRET', 'Stripe webhook signing secret'),
  asSecretlint(resendKey, 'RESEND_KEY', 'Resend API key'),
  // Same pattern as the synchronous table: no preset rule, and the shape is unambiguous.
  asSecretlint(mailgunKey, 'MAILGUN_KEY', 'Mailgun API key'),
  asSecretlint(supabaseServiceRole, 'SUPABASE_SERVICE_ROLE', 'Supabase service_role key'),
  asSecretlint(gcpServiceAccount, 'GCP_SERVICE_ACCOUNT', 'GCP service-account private key'),
];
