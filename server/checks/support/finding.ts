import type { Finding, JsonValue, Severity } from '../types';

export type FindingMaker = (severity: Severity, code: string, message: string, fix: string, evidence: JsonValue) => Finding;

/** Findings of one check: codes are prefixed with the check id ("tls.expired"). */
export function findingsOf(checkId: string): FindingMaker {
  return (severity, code, message, fix, evidence) => ({ severity, code: `${checkId}.${code}`, message, fix, evidence });
}

const ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export function severityRank(severity: Severity): number {
  return ORDER[severity];
}

/** Most severe first; stable otherwise. */
export function bySeverity(a: Finding, b: Finding): number {
  return ORDER[a.severity] - ORDER[b.severity];
}

/** True when `severity` is at least as serious as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return ORDER[severity] <= ORDER[threshold];
}
