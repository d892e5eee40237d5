import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { IMPACT_LABELS, SEVERITY_LABELS, SEVERITY_TONES } from '@/components/roadmap/labels';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject } from '@/app/_lib/project-reads';
import { STAGE_LABELS } from '@/server/projects/kinds';
import { AddRiskForm, RiskStatusButton } from './risk-forms';

export const metadata: Metadata = { title: 'Risks' };

const STATE_LABELS = {
  open: { label: 'Found by a check', tone: 'danger' },
  regressed: { label: 'Came back', tone: 'danger' },
  'acceptance-expired': { label: 'Acceptance expired', tone: 'warning' },
  failing: { label: 'Failing item', tone: 'danger' },
  unverified: { label: 'Not verified', tone: 'neutral' },
  manual: { label: 'Added by hand', tone: 'info' },
  'cannot-run': { label: 'Check could not run', tone: 'warning' },
} as const;

export default async function RisksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const caller = await serverCaller();
  const [project, risks] = await Promise.all([loadOrNotFound(readProject(projectId)), loadOrNotFound(caller.roadmap.risks({ projectId }))]);
  const canEdit = project.access.permissions.includes('project:edit');
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Risks"
        description="Everything failing or not yet verified, plus risks you add, in the order to fix them: revenue and trust (security, email deliverability) first, then onboarding, then operations; within each, the most severe and the failing first."
      />
      {risks.ranked.length === 0 ? (
        <EmptyState title="No open risks" description="Every applicable item has passed and no risks are open." />
      ) : (
        <Table aria-label="Risks in fix order">
          <THead>
            <TR>
              <TH>Fix order</TH>
              <TH className="w-1/2 min-w-72">Risk</TH>
              <TH>Impact</TH>
              <TH>Severity</TH>
              <TH>Owner</TH>
              <TH>Deadline</TH>
              {canEdit ? <TH><span className="sr-only">Actions</span></TH> : null}
            </TR>
          </THead>
          <TBody>
            {risks.ranked.map((risk) => (
              <TR key={`${risk.source}-${risk.id}`}>
                <TD className="tabular-nums text-fg-muted">{risk.rank}</TD>
                <TD>
                  <div className="font-medium">
                    {risk.stageKey ? (
                      <Link className="hover:text-brand-700 hover:underline" href={`/p/${projectId}/stages/${risk.stageKey}`}>
                        {risk.title}
                      </Link>
                    ) : (
                      risk.title
                    )}
                  </div>
                  <div className="mt-1 flex gap-2 text-xs text-fg-muted">
                    <Badge tone={STATE_LABELS[risk.state].tone}>{STATE_LABELS[risk.state].label}</Badge>
                    {risk.stageKey ? <span>{STAGE_LABELS[risk.stageKey]}</span> : null}
                  </div>
                </TD>
                <TD>{IMPACT_LABELS[risk.impact]}</TD>
                <TD>
                  <Badge tone={SEVERITY_TONES[risk.severity]}>{SEVERITY_LABELS[risk.severity]}</Badge>
                </TD>
                <TD className="text-fg-muted">{risk.owner ?? 'Unassigned'}</TD>
                <TD className="whitespace-nowrap text-fg-muted">{risk.deadline ?? '—'}</TD>
                {canEdit ? (
                  <TD className="text-right">
                    {risk.source === 'manual' ? <RiskStatusButton projectId={projectId} riskId={risk.id} /> : null}
                  </TD>
                ) : null}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {canEdit ? <AddRiskForm projectId={projectId} /> : null}
      {risks.closed.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Closed risks</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-1 text-sm">
              {risks.closed.map((risk) => (
                <li key={risk.id}>
                  {risk.title} <Badge>{risk.status}</Badge>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
