/**
 * Secretlint rules for keys the recommended preset (12.0) does not know: Stripe live and
 * webhook secrets, Supabase service_role tokens, Resend and Mailgun keys, and GCP
 * service-account JSON embedded in a bundle (the preset's GCP rule only reads whole files).
 * They run in the same secretlint engine as the preset.
 */
import type { SecretLintRuleCreator } from '@secretlint/types';

/** Calls `found` with the [start, end) offsets of each secret in `content`. */
type Report = (found: (start: number, end: number) => void, content: string) => void;

function rule(id: string, messageId: string, description: string, report: Report): SecretLintRuleCreator {
  const messages = { [messageId]: { en: () => description } };
  return {
    messages,
    meta: { id, recommended: true, type: 'scanner', supportedContentTypes: ['text'] },
    create(context) {
      const t = context.createTranslator(messages);
      return {
        file(source) {
          report((start, end) => context.report({ message: t(messageId), range: [start, end] }), source.content);
        },
      };
    },
  };
}

function reportAll(pattern: RegExp, accept: (match: RegExpMatchArray) => boolean = () => true): Report {
  return (found, content) => {
    for (const match of content.matchAll(pattern)) {
      const value = match[1] ?? match[0];
      const start = (match.index ?? 0) + match[0].indexOf(value);
      if (accept(match)) found(start, start + value.length);
    }
  };
}

// Built from pieces so that this file itself never reads as a key to scanners.
const LIVE = ['_', 'live', '_'].join('');

export const stripeSecretKey = rule('launch-ready/stripe', 'STRIPE_SECRET_KEY', 'Stripe live secret or restricted key', reportAll(new RegExp(`\\b((?:sk|rk)${LIVE}[0-9A-Za-z]{20,247})\\b`, 'g')));

export const stripeWebhookSecret = rule('launch-ready/stripe-webhook', 'STRIPE_WEBHOOK_SECRET', 'Stripe webhook signing secret', reportAll(/\b(whsec_[0-9A-Za-z+/=]{32,})\b/g));

export const resendKey = rule('launch-ready/resend', 'RESEND_KEY', 'Resend API key', reportAll(/\b(re_[0-9A-Za-z]{8}_[0-9A-Za-z]{24})\b/g));

export const mailgunKey = rule('launch-ready/mailgun', 'MAILGUN_KEY', 'Mailgun API key', reportAll(/\b(key-[0-9a-f]{32})\b/g));

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

/** Supabase anon keys are meant to be public; the service_role key bypasses every row-level policy. */
export const supabaseServiceRole = rule(
  'launch-ready/supabase-service-role',
  'SUPABASE_SERVICE_ROLE',
  'Supabase service_role key',
  reportAll(/\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})/g, (match) => jwtPayload(match[1] ?? '')?.role === 'service_role'),
);

/** A PEM private key that sits inside a GCP service-account JSON object (escaped or not). */
export const gcpServiceAccount = rule('launch-ready/gcp-service-account', 'GCP_SERVICE_ACCOUNT', 'GCP service-account private key', (found, content) => {
  const pem = /-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\s\\]{100,10000}?-----END PRIVATE KEY-----/g;
  for (const match of content.matchAll(pem)) {
    const start = match.index ?? 0;
    const around = content.slice(Math.max(0, start - 4_000), start + match[0].length + 4_000);
    if (/service_account/.test(around) && /private_key_id/.test(around)) {
      found(start, start + match[0].length);
    }
  }
});

export const EXTRA_RULES: readonly SecretLintRuleCreator[] = [stripeSecretKey, stripeWebhookSecret, resendKey, mailgunKey, supabaseServiceRole, gcpServiceAccount];
