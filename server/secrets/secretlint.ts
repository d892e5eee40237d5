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

/**
 * secretlint's engine slows down with the square of the findings in one call (4,000 key-shaped
 * strings in 115 KB took 4.6 s; 40,000 would take minutes), so big texts are linted in
 * overlapping pieces and the scan stops once enough has been found to report. The overlap is
 * larger than a 4096-bit PEM key, so no key is cut in two without being whole in a neighbour.
 */
const CHUNK_CHARS = 32 * 1024;
const OVERLAP_CHARS = 4 * 1024;
export const MAX_FINDINGS = 500;

async function lintPiece(content: string, fileName: string): Promise<LintedSecret[]> {
  const linted = await lintSource({
    source: { content, filePath: fileName, contentType: 'text' },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  return linted.messages.flatMap((message) => {
    const [start, end] = refineRange(message.ruleId, message.messageId, content, message.range[0], message.range[1]);
    return end > start ? [{ rule: message.ruleId, messageId: message.messageId, start, end }] : [];
  });
}

/** Every secretlint finding in `content` (at most MAX_FINDINGS). `fileName` only lets secretlint pick rules by name (e.g. .npmrc). */
export async function lintSecrets(content: string, fileName = 'scanned.js'): Promise<LintedSecret[]> {
  if (content.length <= CHUNK_CHARS) return (await lintPiece(content, fileName)).slice(0, MAX_FINDINGS);
  const found: LintedSecret[] = [];
  const seen = new Set<string>();
  for (let from = 0; from < content.length && found.length < MAX_FINDINGS; from += CHUNK_CHARS - OVERLAP_CHARS) {
    for (const f of await lintPiece(content.slice(from, from + CHUNK_CHARS), fileName)) {
      const at = { ...f, start: f.start + from, end: f.end + from };
      const key = `${at.rule}#${at.messageId}#${at.start}`;
      if (!seen.has(key)) {
        seen.add(key);
        found.push(at);
      }
    }
    if (from + CHUNK_CHARS >= content.length) break;
  }
  return found.slice(0, MAX_FINDINGS);
}
