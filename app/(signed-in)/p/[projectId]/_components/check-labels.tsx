/** How check results and findings read, on the project's check panel and on a run's own page. */
import Link from 'next/link';
import type { BadgeTone } from '@/components/ui/badge';
import { actionWhereOf } from '@/server/check-runs/applicability';
import { ACTION_LINKS } from '../risks/risk-view';

export const RESULT_TONES: Record<'pass' | 'warn' | 'fail' | 'error' | 'skipped', { label: string; tone: BadgeTone }> = {
  pass: { label: 'Passed', tone: 'success' },
  warn: { label: 'Warnings', tone: 'warning' },
  fail: { label: 'Failed', tone: 'danger' },
  error: { label: 'Could not finish', tone: 'neutral' },
  skipped: { label: 'Could not run', tone: 'warning' },
};

export const SEVERITY_TONES: Record<string, BadgeTone> = { critical: 'danger', high: 'danger', medium: 'warning', low: 'info', info: 'neutral' };

/** A check that could not run: why, and the one thing that unblocks it, linked to where it is done. */
export function SkippedReason({ projectId, finding }: { projectId: string; finding: { message: string; fix: string; evidence?: unknown } | undefined }) {
  if (!finding) return null;
  const place = actionWhereOf(finding.evidence);
  return (
    <div className="mt-1 grid gap-1 text-sm">
      <p className="text-fg">{finding.message}</p>
      <p className="text-fg-muted">
        To run it: {finding.fix}
        {place ? (
          <>
            {' '}
            <Link className="font-medium whitespace-nowrap text-brand-700 hover:underline" href={`/p/${projectId}/${place}`}>
              {ACTION_LINKS[place]} →
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}

