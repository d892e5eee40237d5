import type { Metadata } from 'next';
import { SEVERITIES } from '@/lib/vocabulary/roadmap';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject } from '@/app/_lib/project-reads';
import { AddRiskForm } from './risk-forms';
import { RiskRow } from './risk-row';
import { AcceptedFindings, FixedFindings } from './finding-lists';
import type { Member } from './finding-forms';

export const metadata: Metadata = { title: 'Risks' };

type Counts = { critical: number; high: number; medium: number; low: number; accepted: number; fixed: number };

/** e.g. "Open findings: 1 critical, 2 high. 1 accepted, 4 fixed." */
function countLine(counts: Counts): string {
  const open = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const closed = [counts.accepted > 0 ? `${counts.accepted} accepted` : null, counts.fixed > 0 ? `${counts.fixed} fixed` : null].filter(Boolean);
  return `${open.length > 0 ? `Open findings: ${open.join(', ')}.` : 'No open findings.'}${closed.length > 0 ? ` ${closed.join(', ')}.` : ''}`;
}

export default async function RisksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const caller = await serverCaller();
  const project = await loadOrNotFound(readProject(projectId));
  const canEdit = project.access.permissions.includes('project:edit');
  // Owners can be picked from the workspace's members by people who work in the workspace.
  const [risks, findings, members] = await Promise.all([
    loadOrNotFound(caller.roadmap.risks({ projectId })),
    loadOrNotFound(caller.findings.list({ projectId })),
    canEdit && project.access.via === 'workspace' ? caller.workspace.members({ workspaceId: project.workspaceId }).then((r) => r.members) : Promise.resolve([]),
  ]);
  const memberList: Member[] = members.map((m) => ({ userId: m.userId, name: m.name }));
  const findingsById = new Map(findings.map((f) => [f.id, f]));
  const accepted = findings.filter((f) => f.state === 'accepted');
  const fixed = findings.filter((f) => f.state === 'fixed');

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Risks"
        description="What the automated checks found, failing and unverified critical items, checks that could not run and risks you added — in the order to fix them: the most severe first, revenue and trust (security, email deliverability) before onboarding and operations."
      />
      <p className="text-sm text-fg">
        <span className="font-medium">
          {risks.ranked.length} {risks.ranked.length === 1 ? 'risk' : 'risks'} to fix.
        </span>{' '}
        {countLine(risks.findingCounts)}
      </p>
      {risks.ranked.length === 0 ? (
        <EmptyState title="No open risks" description="Every applicable item has passed, the checks found nothing open, and no risks are open." />
      ) : (
        <ol className="grid gap-3" aria-label="Risks in fix order">
          {risks.ranked.map((risk) => {
            const finding = risk.source === 'finding' ? findingsById.get(risk.id) : undefined;
            return (
              <RiskRow
                key={`${risk.source}-${risk.id}`}
                projectId={projectId}
                risk={risk}
                canEdit={canEdit}
                members={memberList}
                owner={finding ? { ownerUserId: finding.ownerUserId, ownerName: finding.ownerName, dueDate: finding.dueDate } : null}
              />
            );
          })}
        </ol>
      )}
      {canEdit ? <AddRiskForm projectId={projectId} /> : null}
      <AcceptedFindings projectId={projectId} findings={accepted} canEdit={canEdit} members={memberList} />
      <FixedFindings projectId={projectId} findings={fixed} />
      {risks.closed.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Closed risks you added</CardTitle>
            <CardDescription>Marked mitigated or accepted by hand.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-1 text-sm">
              {risks.closed.map((risk) => (
                <li key={risk.id} className="break-words">
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
