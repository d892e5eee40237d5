import type { Metadata } from 'next';
import { VerdictReasons } from '@/app/(signed-in)/p/[projectId]/_components/verdict-reasons';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { VerdictBadge } from '@/components/roadmap/verdict-badge';
import { VERDICTS } from '@/components/roadmap/labels';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject, readRoadmapOverview } from '@/app/_lib/project-reads';
import { DecisionForm } from './decision-form';
import { FounderChecklist } from './founder-checklist';
import { WhenNotToBuyCard } from '../_components/playbook-advice';
import { formatDateTime } from '@/components/ui/dates';

export const metadata: Metadata = { title: 'Go / no-go' };

export default async function DecisionPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const caller = await serverCaller();
  const [project, overview, decisions, checklist, advice] = await Promise.all([
    loadOrNotFound(readProject(projectId)),
    loadOrNotFound(readRoadmapOverview(projectId)),
    loadOrNotFound(caller.roadmap.decisions({ projectId })),
    loadOrNotFound(caller.roadmap.founderChecklist({ projectId })),
    loadOrNotFound(caller.roadmap.advice({ projectId })),
  ]);
  const permissions = new Set(project.access.permissions);
  const { recommendation } = overview;
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Go / no-go"
        description={
          permissions.has('project:edit')
            ? 'The recommendation follows the evidence — findings, checklist, monitoring and your answers; the decision is yours, recorded with its reason and that evidence.'
            : `The recommendation follows the evidence — findings, checklist, monitoring and the founder’s answers. ${project.workspaceName} records the decision, with its reason and that evidence.`
        }
      />
      {/* Two columns only when there is a form for the second: a client sees the recommendation full width. */}
      <div className={permissions.has('project:edit') ? 'grid gap-6 lg:grid-cols-2' : 'grid gap-6'}>
        <Card>
          <CardHeader>
            <CardTitle>Recommendation</CardTitle>
            <CardDescription>{VERDICTS[recommendation.verdict].summary}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            <div>
              <VerdictBadge verdict={recommendation.verdict} />
            </div>
            <VerdictReasons projectId={projectId} reasons={recommendation.reasons} />
          </CardContent>
        </Card>
        {permissions.has('project:edit') ? <DecisionForm projectId={projectId} recommended={recommendation.verdict} /> : null}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Decision history</CardTitle>
        </CardHeader>
        <CardContent>
          {decisions.length === 0 ? (
            <p className="text-sm text-fg-muted">No decision recorded yet.</p>
          ) : (
            <Table aria-label="Decision history">
              <THead>
                <TR>
                  <TH>When</TH>
                  <TH>Decision</TH>
                  <TH>Recommended then</TH>
                  <TH>Why</TH>
                  <TH>Who</TH>
                </TR>
              </THead>
              <TBody>
                {decisions.map((d) => (
                  <TR key={d.id}>
                    <TD className="whitespace-nowrap">{formatDateTime(d.decidedAt)}</TD>
                    <TD>
                      <VerdictBadge verdict={d.decision === 'go' ? 'go' : 'no-go'} />
                    </TD>
                    <TD>
                      <VerdictBadge verdict={d.recommendation.verdict} />
                    </TD>
                    <TD className="min-w-64 max-w-md">{d.reason}</TD>
                    <TD className="text-fg-muted">{d.decidedBy ?? 'Former member'}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <FounderChecklist projectId={projectId} checklist={checklist} canAnswer={permissions.has('item:update')} />
      <WhenNotToBuyCard advice={advice} />
    </div>
  );
}
