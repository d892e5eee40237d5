/**
 * The bundle check's view of secretlint's findings (server/secrets/secretlint): classified by
 * kind, provider and severity, with values already masked. Callers never see a secret whole,
 * so nothing downstream can store or print one by mistake.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../types';
import { maskSecret } from '@/server/secrets/mask';
import { lintSecrets, PRESET } from '@/server/secrets/secretlint';

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

/** Offsets where each line starts, found once per text. */
function lineStarts(content: string): number[] {
  const starts = [0];
  for (let at = content.indexOf('\n'); at !== -1; at = content.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * Line and column of an offset by binary search. (Counting lines from the top for every hit was
 * hits × size: a 1 MB bundle of 50,000 key-shaped strings stalled a worker.)
 */
function position(starts: readonly number[], index: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= index) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: index - starts[low]! + 1 };
}

/** Scans one text. `name` is only used by secretlint to pick rules by file name (e.g. .npmrc). */
export async function scanText(content: string, name = 'scanned.js'): Promise<SecretHit[]> {
  const best = new Map<string, { hit: SecretHit; rank: number }>();
  const linted = await lintSecrets(content, name);
  const starts = linted.length > 0 ? lineStarts(content) : [0];
  for (const found of linted) {
    const value = content.slice(found.start, found.end);
    const classification = classify(found.rule, found.messageId);
    const dedupeKey = createHash('sha256').update(value).digest('hex');
    const hit: SecretHit = {
      kind: classification.kind,
      provider: classification.provider,
      severity: classification.severity,
      masked: maskSecret(value),
      ...position(starts, found.start),
      rule: found.rule,
      dedupeKey,
    };
    const previous = best.get(dedupeKey);
    if (!previous || classification.rank < previous.rank) best.set(dedupeKey, { hit, rank: classification.rank });
  }
  return [...best.values()].map(({ hit }) => hit);
}
