/**
 * What a Passed may rest on (docs/decisions/0010): a person's note or link, or the item's check
 * having passed on its latest result. Pure, so the service that enforces it and the page that
 * explains it agree.
 */
export type EvidenceFacts = { kind: 'note' | 'link' | 'check'; checkStatus: 'pass' | 'warn' | 'fail' | 'error' | 'skipped' | null };

/** `record` — a note or link; `check` — the latest check result passed; null — nothing yet. Evidence in the order it was added. */
export function passBasis(evidence: readonly EvidenceFacts[]): 'record' | 'check' | null {
  if (evidence.some((e) => e.kind !== 'check')) return 'record';
  return latestCheckPassed(evidence) ? 'check' : null;
}

/** True when the item's check passed on its latest result. */
export function latestCheckPassed(evidence: readonly EvidenceFacts[]): boolean {
  return evidence.findLast((e) => e.kind === 'check')?.checkStatus === 'pass';
}
