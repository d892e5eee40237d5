/** Findings that left the open list: accepted ones (why, until when, by whom) and fixed ones (when), each with its history. */
import type { inferRouterOutputs } from '@trpc/server';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { SEVERITY_LABELS, SEVERITY_TONES } from '@/components/roadmap/labels';
import type { AppRouter } from '@/server/trpc/root';
import { FindingActions, type Member } from './finding-forms';
import { FindingHistory } from './finding-history';
import { TARGET_ROW } from './risk-row';
import { shortDate } from './risk-view';

type Finding = inferRouterOutputs<AppRouter>['findings']['list'][number];

function FindingHead({ finding }: { finding: Finding }) {
  return (
    <>
      <div className="flex flex-wrap items-start gap-2">
        <Badge tone={SEVERITY_TONES[finding.severity]}>{SEVERITY_LABELS[finding.severity]}</Badge>
        <h3 className="min-w-0 flex-1 font-medium break-words text-fg">{finding.message}</h3>
      </div>
      <p className="text-sm">
        <span className="text-fg-muted">Where: </span>
        <code className="font-mono text-xs break-words text-fg">{finding.subject}</code>
      </p>
    </>
  );
}

export function AcceptedFindings({ projectId, findings, canEdit, members }: { projectId: string; findings: Finding[]; canEdit: boolean; members: readonly Member[] }) {
  if (findings.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Accepted risks</CardTitle>
        <CardDescription>Findings someone decided to live with for now. Each counts as open again after its date.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-3" aria-label="Accepted risks">
          {findings.map((f) => {
            const expired = f.effectiveState === 'acceptance-expired';
            return (
              // An expired acceptance is also in the ranked list above, which holds its anchor.
              <li key={f.id} id={expired ? undefined : `finding-${f.id}`} className={cn('grid gap-2', TARGET_ROW)}>
                <FindingHead finding={f} />
                <p className="text-sm text-fg">
                  <span className="font-medium">Why: </span>
                  {f.acceptedReason}
                </p>
                <p className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
                  {expired ? <Badge tone="warning">Expired — counts as open again</Badge> : null}
                  <span>
                    Accepted by {f.acceptedByName ?? 'a former member'}
                    {f.acceptedAt ? ` on ${shortDate(f.acceptedAt)}` : ''} · until {f.acceptedUntil ? shortDate(f.acceptedUntil) : 'no date'}
                  </span>
                </p>
                {canEdit ? (
                  <FindingActions
                    projectId={projectId}
                    findingId={f.id}
                    title={f.message}
                    accepted
                    canAccept={expired}
                    owner={{ ownerUserId: f.ownerUserId, ownerName: f.ownerName, dueDate: f.dueDate }}
                    members={members}
                  />
                ) : null}
                <FindingHistory projectId={projectId} findingId={f.id} />
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}

export function FixedFindings({ projectId, findings }: { projectId: string; findings: Finding[] }) {
  if (findings.length === 0) return null;
  const newestFirst = [...findings].sort((a, b) => (b.fixedAt?.getTime() ?? 0) - (a.fixedAt?.getTime() ?? 0));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Fixed</CardTitle>
        <CardDescription>Findings a later check run no longer saw. If one comes back, it returns to the list as “Came back”.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-3" aria-label="Fixed findings">
          {newestFirst.map((f) => (
            <li key={f.id} id={`finding-${f.id}`} className={cn('grid gap-2', TARGET_ROW)}>
              <FindingHead finding={f} />
              <p className="text-xs text-fg-muted">
                {f.fixedAt ? `Fixed on ${shortDate(f.fixedAt)}` : 'Fixed'} · first seen {shortDate(f.firstSeenAt)}
              </p>
              <FindingHistory projectId={projectId} findingId={f.id} />
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
