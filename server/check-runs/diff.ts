/** What changed between two runs of the same checks: status moves and findings that appeared or went away. */
export type ResultSummary = { checkId: string; status: 'pass' | 'warn' | 'fail' | 'error'; findings: { code: string; message: string; severity: string }[] };
/** A stored result: also 'skipped' when the check applied but could not run. */
export type StoredResultSummary = Omit<ResultSummary, 'status'> & { status: ResultSummary['status'] | 'skipped' };

export type CheckDiff = {
  checkId: string;
  before: StoredResultSummary['status'] | null;
  after: StoredResultSummary['status'];
  appeared: ResultSummary['findings'];
  resolved: ResultSummary['findings'];
};

export function diffRuns(previous: readonly StoredResultSummary[], current: readonly StoredResultSummary[]): CheckDiff[] {
  const before = new Map(previous.map((r) => [r.checkId, r]));
  return current
    .map((now) => {
      const then = before.get(now.checkId);
      const thenCodes = new Set(then?.findings.map((f) => f.code) ?? []);
      const nowCodes = new Set(now.findings.map((f) => f.code));
      return {
        checkId: now.checkId,
        before: then?.status ?? null,
        after: now.status,
        appeared: then ? now.findings.filter((f) => !thenCodes.has(f.code)) : [],
        resolved: then ? then.findings.filter((f) => !nowCodes.has(f.code)) : [],
      };
    })
    // A check with no earlier result has nothing to compare with: it is not a change.
    .filter((d) => d.before !== null && (d.before !== d.after || d.appeared.length > 0 || d.resolved.length > 0));
}
