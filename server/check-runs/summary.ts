/**
 * Results in the order a founder should read them — failures first, then warnings, checks that
 * could not run, and passes last; within a group the worst finding first — and a one-line summary.
 */
import { FINDING_SEVERITIES, SEVERITIES } from '@/lib/vocabulary/roadmap';

const STATUS_ORDER = { fail: 0, warn: 1, error: 2, skipped: 3, pass: 4 } as const;
const SEVERITY_ORDER: Record<string, number> = Object.fromEntries(FINDING_SEVERITIES.map((s, i) => [s, i]));

type ResultLike = { checkId: string; status: keyof typeof STATUS_ORDER; findings: readonly { severity: string }[] };

const worstOf = (result: ResultLike) => Math.min(5, ...result.findings.map((f) => SEVERITY_ORDER[f.severity] ?? 5));

export function orderResults<T extends ResultLike>(results: readonly T[]): T[] {
  return [...results].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || worstOf(a) - worstOf(b) || a.checkId.localeCompare(b.checkId));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** e.g. "15 checks: 3 failed (2 critical, 1 high findings), 2 with warnings, 1 could not run, 9 passed." */
export function summariseResults(results: readonly ResultLike[]): string {
  if (results.length === 0) return 'No results yet.';
  const count = (status: ResultLike['status']) => results.filter((r) => r.status === status).length;
  const problems = results.filter((r) => r.status !== 'error' && r.status !== 'skipped').flatMap((r) => r.findings.filter((f) => f.severity !== 'info'));
  const bySeverity = SEVERITIES.map((s) => [s, problems.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const parts = [
    count('fail') > 0 ? `${count('fail')} failed` : null,
    count('warn') > 0 ? `${count('warn')} with warnings` : null,
    count('error') > 0 ? `${count('error')} could not finish` : null,
    count('skipped') > 0 ? `${count('skipped')} could not run` : null,
    count('pass') > 0 ? `${count('pass')} passed` : null,
  ].filter(Boolean);
  const findingsText = bySeverity.length > 0 ? ` Findings: ${bySeverity.map(([s, n]) => `${n} ${s}`).join(', ')}.` : ' No problems found.';
  return `${plural(results.length, 'check')}: ${parts.join(', ')}.${findingsText}`;
}
