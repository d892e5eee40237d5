'use client';
/**
 * What an automated check found that keeps an item from passing, shown under the item's status:
 * the stage page provides its open findings once; each item shows those of the check it names.
 */
import Link from 'next/link';
import { createContext, useContext, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { SEVERITY_LABELS, SEVERITY_TONES, type SeverityValue } from '@/components/roadmap/labels';

export type StageFinding = { id: string; checkId: string; subject: string; severity: SeverityValue; message: string; state: string };

const StageFindings = createContext<{ projectId: string; findings: readonly StageFinding[] }>({ projectId: '', findings: [] });

export function StageFindingsProvider({ projectId, findings, children }: { projectId: string; findings: readonly StageFinding[]; children: ReactNode }) {
  return <StageFindings.Provider value={{ projectId, findings }}>{children}</StageFindings.Provider>;
}

/** Enough to see what is wrong; the rest are on the risk page. */
const SHOWN = 3;

export function ItemFindings({ checkId }: { checkId: string | null }) {
  const { projectId, findings } = useContext(StageFindings);
  const own = checkId ? findings.filter((f) => f.checkId === checkId) : [];
  if (own.length === 0) return null;
  return (
    <ul className="grid gap-1 text-sm" aria-label={`Open findings of the ${checkId} check`}>
      {own.slice(0, SHOWN).map((f) => (
        <li key={f.id} className="flex items-start gap-2">
          <Badge tone={SEVERITY_TONES[f.severity]} className="mt-px">
            {SEVERITY_LABELS[f.severity]}
          </Badge>
          <span className="min-w-0 break-words text-fg">
            {f.message} <span className="text-fg-muted">on</span> <code className="font-mono text-xs break-words text-fg-muted">{f.subject}</code>
            {f.state === 'regressed' ? <span className="text-danger-700"> (came back)</span> : null}{' '}
            <Link className="whitespace-nowrap text-brand-700 underline hover:no-underline" href={`/p/${projectId}/risks#finding-${f.id}`}>
              See the risk
            </Link>
          </span>
        </li>
      ))}
      {own.length > SHOWN ? (
        <li>
          <Link className="text-brand-700 hover:underline" href={`/p/${projectId}/risks`}>
            and {own.length - SHOWN} more on the risk page
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
