/**
 * Finds live credentials in text with secretlint (recommended preset + our extra rules) run
 * in-process on strings. Returns classified hits whose values are already masked: callers
 * never see a secret whole, so nothing downstream can store or print one by mistake.
 */
import { createHash } from 'node:crypto';
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';
import type { Severity } from '../types';
import { maskSecret } from '../support/mask';
import { EXTRA_RULES } from './extra-rules';

export type SecretKind =
  | 'payment-key'
  | 'cloud-key'
  | 'ai-key'
  | 'database-url'
  | 'service-role-token'
  | 'private-key'
  | 'code-hosting-token'
  | 'chat-token'
  | 'email-key'
  | 'credentials-in-url'
  | 'other-key';

export interface SecretHit {
  kind: SecretKind;
  /** e.g. "Stripe live secret key". */
  provider: string;
  severity: Severity;
  /** "sk_l…(107 chars)": never the value. */
  masked: string;
  /** 1-based position in the scanned text. */
  line: number;
  column: number;
  /** Which rule found it, for the evidence. */
  rule: string;
  /** Same value ⇒ same id, so one secret found in several files is reported once. Kept in memory only. */
  dedupeKey: string;
}

interface Classification {
  kind: SecretKind;
  provider: string;
  severity: Severity;
  /** Lower wins when two rules flag the same value. */
  rank: number;
}

const PRESET = '@secretlint/secretlint-rule-';

/** By rule id, or "rule id#message id" where one rule finds several kinds. */
const CLASSIFICATIONS: Record<string, Classification> = {
  'launch-ready/stripe': { kind: 'payment-key', provider: 'Stripe live secret key', severity: 'critical', rank: 0 },
  'launch-ready/stripe-webhook': { kind: 'payment-key', provider: 'Stripe webhook signing secret', severity: 'high', rank: 0 },
  'launch-ready/supabase-service-role': { kind: 'service-role-token', provider: 'Supabase service_role key', severity: 'critical', rank: 0 },
  'launch-ready/gcp-service-account': { kind: 'cloud-key', provider: 'Google Cloud service-account key', severity: 'critical', rank: 0 },
  'launch-ready/resend': { kind: 'email-key', provider: 'Resend API key', severity: 'high', rank: 0 },
  'launch-ready/mailgun': { kind: 'email-key', provider: 'Mailgun API key', severity: 'high', rank: 0 },
  [`${PRESET}aws#AWSSecretAccessKey`]: { kind: 'cloud-key', provider: 'AWS secret access key', severity: 'critical', rank: 1 },
  [`${PRESET}aws#AWSAccessKeyID`]: { kind: 'cloud-key', provider: 'AWS access key ID', severity: 'high', rank: 1 },
  [`${PRESET}aws#AWSAccountID`]: { kind: 'cloud-key', provider: 'AWS account ID', severity: 'info', rank: 1 },
  [`${PRESET}gcp`]: { kind: 'cloud-key', provider: 'Google Cloud service-account key', severity: 'critical', rank: 1 },
  [`${PRESET}openai`]: { kind: 'ai-key', provider: 'OpenAI API key', severity: 'critical', rank: 1 },
  [`${PRESET}anthropic`]: { kind: 'ai-key', provider: 'Anthropic API key', severity: 'critical', rank: 1 },
  [`${PRESET}groq`]: { kind: 'ai-key', provider: 'Groq API key', severity: 'critical', rank: 1 },
  [`${PRESET}huggingface`]: { kind: 'ai-key', provider: 'Hugging Face token', severity: 'high', rank: 1 },
  [`${PRESET}database-connection-string`]: { kind: 'database-url', provider: 'database connection string with password', severity: 'critical', rank: 1 },
  [`${PRESET}privatekey`]: { kind: 'private-key', provider: 'private key', severity: 'critical', rank: 2 },
  [`${PRESET}github`]: { kind: 'code-hosting-token', provider: 'GitHub token', severity: 'critical', rank: 1 },
  [`${PRESET}gitlab`]: { kind: 'code-hosting-token', provider: 'GitLab token', severity: 'critical', rank: 1 },
  [`${PRESET}npm`]: { kind: 'code-hosting-token', provider: 'npm token', severity: 'critical', rank: 1 },
  [`${PRESET}slack#IncomingWebhook`]: { kind: 'chat-token', provider: 'Slack incoming webhook', severity: 'medium', rank: 1 },
  [`${PRESET}slack`]: { kind: 'chat-token', provider: 'Slack token', severity: 'high', rank: 1 },
  [`${PRESET}sendgrid`]: { kind: 'email-key', provider: 'SendGrid API key', severity: 'high', rank: 1 },
  [`${PRESET}basicauth`]: { kind: 'credentials-in-url', provider: 'user name and password in a URL', severity: 'high', rank: 3 },
};

const FALLBACK: Classification = { kind: 'other-key', provider: 'API key or token', severity: 'high', rank: 4 };

function classify(ruleId: string, messageId: string): Classification {
  return CLASSIFICATIONS[`${ruleId}#${messageId}`] ?? CLASSIFICATIONS[ruleId] ?? { ...FALLBACK, provider: `${ruleId.replace(PRESET, '')} credential` };
}

const CONFIG: SecretLintCoreConfig = {
  rules: [
    ...EXTRA_RULES.map((rule) => ({ id: rule.meta.id, rule })),
    {
      id: `${PRESET}preset-recommend`,
      rule: recommended,
      // The access key ID alone is worth reporting in a public bundle (off by default in the preset).
      rules: [{ id: `${PRESET}aws`, options: { enableIDScanRule: true } }],
    },
  ],
};

function position(content: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = content.indexOf('\n'); at !== -1 && at < index; at = content.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * secretlint 12's AWS secret-key rule reports a range that starts at the variable name
 * ("secretAccessKey: ...") with the key's length; move it onto the 40-character key itself.
 */
function refineRange(ruleId: string, messageId: string, content: string, start: number, end: number): [number, number] {
  if (ruleId === `${PRESET}aws` && messageId === 'AWSSecretAccessKey') {
    const window = content.slice(start, start + 200);
    const key = /[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/.exec(window);
    if (key?.[1] !== undefined) {
      const at = start + (key.index ?? 0) + key[0].indexOf(key[1]);
      return [at, at + key[1].length];
    }
  }
  return [start, end];
}

/** Scans one text. `name` is only used by secretlint to pick rules by file name (e.g. .npmrc). */
export async function scanText(content: string, name = 'scanned.js'): Promise<SecretHit[]> {
  const linted = await lintSource({
    source: { content, filePath: name, contentType: 'text' },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  const best = new Map<string, { hit: SecretHit; rank: number }>();
  for (const message of linted.messages) {
    const [start, end] = refineRange(message.ruleId, message.messageId, content, message.range[0], message.range[1]);
    const value = content.slice(start, end);
    if (value.length === 0) continue;
    const classification = classify(message.ruleId, message.messageId);
    const dedupeKey = createHash('sha256').update(value).digest('hex');
    const hit: SecretHit = {
      kind: classification.kind,
      provider: classification.provider,
      severity: classification.severity,
      masked: maskSecret(value),
      ...position(content, start),
      rule: message.ruleId,
      dedupeKey,
    };
    const previous = best.get(dedupeKey);
    if (!previous || classification.rank < previous.rank) best.set(dedupeKey, { hit, rank: classification.rank });
  }
  return [...best.values()].map(({ hit }) => hit);
}
