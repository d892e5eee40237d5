/** Labels both renderers share, so the PDF and the Markdown say the same thing. */
import { ITEM_STATUS_LABELS, type ItemStatus } from '@/lib/vocabulary/roadmap';
import type { Verdict } from '@/server/roadmap/recommendation';
import type { CheckSignal, HandoverDocument } from './types';
import { formatUptime } from '@/server/monitoring/uptime';

/** A handover pack describes the product as it is now: a failed item reads "Failing". */
export const STATUS_LABEL: Record<ItemStatus, string> = { ...ITEM_STATUS_LABELS, failed: 'Failing' };
export const VERDICT_LABEL: Record<Verdict, string> = { go: 'Go', 'no-go': 'No-go', 'not-yet': 'Not yet' };
export const CHECK_LABEL: Record<CheckSignal['status'], string> = { pass: 'Pass', warn: 'Warning', fail: 'Fail', error: 'Could not check', skipped: 'Could not run' };
export const RISK_STATE_LABEL = {
  open: 'Found by a check',
  regressed: 'Came back',
  'acceptance-expired': 'Acceptance expired',
  failing: 'Failing',
  unverified: 'Not verified',
  manual: 'Added by hand',
  'cannot-run': 'Check could not run',
} as const;
export const PHASE_LABEL: Record<string, string> = { build: 'Build', migrate: 'Migrate', verify: 'Verify', rollback: 'Roll back' };

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const orDash = (s: string | null | undefined) => (s?.trim() ? s : '—');
/** Uptime and error rate read as in the app (cut, never rounded up to 100 %). */
export const fmtPercent = formatUptime;
/** "42.858 % (3 of 7)": the error rate with the counts it rests on. */
export const failedOf = (m: { errorRatePercent: number | null; checks: number; failures: number }) => (m.checks === 0 ? 'no checks' : `${formatUptime(m.errorRatePercent)} (${m.failures} of ${m.checks})`);
export const fmtMs = (n: number | null) => (n === null ? '—' : `${Math.round(n)} ms`);
export const fmtDateTime = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function coverFacts(doc: HandoverDocument): [string, string][] {
  const c = doc.cover;
  return [
    ['Project', c.projectName],
    ['Workspace', c.workspaceName],
    ['Domain', c.productionUrl ?? c.primaryDomain],
    ['Playbook', orDash(c.playbook)],
    ['Prepared by', c.preparedBy],
    ['Date', c.date],
    ['Recommendation', VERDICT_LABEL[c.verdict]],
    ['Decision', c.decision ? `${c.decision.decision === 'go' ? 'Go' : 'No-go'} on ${c.decision.decidedAt}${c.decision.decidedBy ? ` by ${c.decision.decidedBy}` : ''}` : 'None recorded'],
    ['Readiness', c.readinessScore === null ? 'Nothing to assess yet' : `${c.readinessScore} / 100`],
  ];
}

/** Sentences under a body of free text, split on blank lines / line breaks. */
export const paragraphs = (text: string) => text.split(/\n+/).map((l) => l.trim()).filter(Boolean);
