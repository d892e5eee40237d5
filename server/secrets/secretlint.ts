/**
 * Known key formats through secretlint (recommended preset + ./secretlint-rules.ts), in process
 * on strings. Asynchronous because secretlint's engine is; synchronous callers use
 * ./known-formats.ts. Findings carry offsets, never values.
 */
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';
import { EXTRA_RULES } from './secretlint-rules';

export const PRESET = '@secretlint/secretlint-rule-';

export interface LintedSecret {
  /** secretlint rule id, e.g. "@secretlint/secretlint-rule-aws" or "launch-ready/stripe". */
  rule: string;
  /** Which of the rule's kinds, e.g. "AWSSecretAccessKey". */
  messageId: string;
  /** [start, end) offsets of the value in the scanned text. */
  start: number;
  end: number;
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

/**
 * secretlint 12's AWS secret-key rule reports a range that starts at the variable name
 * ("secretAccessKey: ...") with the key's length; move it onto the 40-character key itself.
 */
function refineRange(rule: string, messageId: string, content: string, start: number, end: number): [number, number] {
  if (rule === `${PRESET}aws` && messageId === 'AWSSecretAccessKey') {
    const window = content.slice(start, start + 200);
    const key = /[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/.exec(window);
    if (key?.[1] !== undefined) {
      const at = start + key.index + key[0].indexOf(key[1]);
      return [at, at + key[1].length];
    }
  }
  return [start, end];
}

/** Every secretlint finding in `content`. `fileName` only lets secretlint pick rules by name (e.g. .npmrc). */
export async function lintSecrets(content: string, fileName = 'scanned.js'): Promise<LintedSecret[]> {
  const linted = await lintSource({
    source: { content, filePath: fileName, contentType: 'text' },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  return linted.messages.flatMap((message) => {
    const [start, end] = refineRange(message.ruleId, message.messageId, content, message.range[0], message.range[1]);
    return end > start ? [{ rule: message.ruleId, messageId: message.messageId, start, end }] : [];
  });
}
