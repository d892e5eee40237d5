import type { CheckResult, CheckStatus, Finding, JsonValue } from '../types';

const FAILING = new Set(['critical', 'high']);
const WARNING = new Set(['medium', 'low']);

/** fail beats error (a definite problem is still worth reporting), error beats warn. */
export function statusFromFindings(findings: Finding[], options: { incomplete?: boolean } = {}): CheckStatus {
  if (findings.some((finding) => FAILING.has(finding.severity))) return 'fail';
  if (options.incomplete) return 'error';
  if (findings.some((finding) => WARNING.has(finding.severity))) return 'warn';
  return 'pass';
}

export function result(findings: Finding[], evidence?: JsonValue, options: { incomplete?: boolean } = {}): CheckResult {
  return { status: statusFromFindings(findings, options), findings, ...(evidence === undefined ? {} : { evidence }) };
}
