import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { loadOrNotFound } from '@/app/_lib/guard';
import { RoadmapSummary } from './_components/roadmap-summary';
import { MonitoringOverviewCard } from './monitors/_components/overview-card';
import { CheckRunPanel } from './_components/check-run-panel';
import { ScheduleStatus } from './_components/schedule-status';
import { MinimumBarCard, RescuePlanCard } from './_components/playbook-advice';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject, readRoadmapOverview } from '@/app/_lib/project-reads';
import { ENDPOINT_KIND_LABELS, MATURITY_LABELS, PRODUCT_TYPE_LABELS, SEGMENT_LABELS } from '@/lib/vocabulary/projects';

export const metadata: Metadata = { title: 'Project overview' };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs font-medium tracking-wide text-fg-muted uppercase">{label}</dt>
      <dd className="text-sm text-fg">{children}</dd>
    </div>
  );
}

const none = <span className="text-fg-subtle">Not set</span>;

export default async function ProjectOverview({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const caller = await serverCaller();
  const [project, overview, runs, schedule, advice] = await Promise.all([
    loadOrNotFound(readProject(projectId)),
    loadOrNotFound(readRoadmapOverview(projectId)),
    loadOrNotFound(caller.checks.runs({ projectId, limit: 20 })),
    loadOrNotFound(caller.checks.schedule({ projectId })),
    loadOrNotFound(caller.roadmap.advice({ projectId })),
  ]);
  const latestProjectRun = runs.find((run) => run.stageKey === null) ?? null;
  const canEdit = project.access.permissions.includes('project:edit');
  const canonical = project.canonicalHost === 'www' ? `www.${project.primaryDomain}` : project.primaryDomain;

  return (
    <>
      <PageHeader
        eyebrow={project.access.via === 'workspace' ? <Link href={`/w/${project.workspaceId}`}>{project.workspaceName}</Link> : `Shared by ${project.workspaceName}`}
        title={
          <span className="flex items-center gap-3">
            {project.name}
            {project.status === 'archived' ? <Badge>Archived</Badge> : null}
          </span>
        }
        description={`${PRODUCT_TYPE_LABELS[project.productType]} · ${SEGMENT_LABELS[project.segment]} · ${MATURITY_LABELS[project.maturity]}`}
        actions={canEdit ? <ButtonLink href={`/p/${project.id}/settings`} variant="secondary">Edit project</ButtonLink> : null}
      />
      <RoadmapSummary projectId={project.id} overview={overview} canDecide={canEdit} />
      <div className="mt-6 grid gap-6">
        <MinimumBarCard advice={advice} />
        <RescuePlanCard projectId={project.id} advice={advice} />
      </div>
      <div className="mt-6">
        <CheckRunPanel projectId={project.id} latestRunId={latestProjectRun?.id ?? null} canRun={project.access.permissions.includes('item:update')} />
      </div>
      <section aria-labelledby="schedule-heading" className="mt-3 grid gap-1 rounded-card border border-border px-4 py-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="schedule-heading" className="text-sm font-semibold text-fg">
            Scheduled checks
          </h2>
          {canEdit ? (
            <Link href={`/p/${project.id}/settings#schedule`} className="text-sm font-medium text-brand-700 hover:underline">
              Change schedule
            </Link>
          ) : null}
        </div>
        <ScheduleStatus schedule={schedule} />
      </section>
      <div className="mt-6">
        <MonitoringOverviewCard projectId={project.id} />
      </div>
      <h2 className="mt-10 mb-4 text-lg font-semibold tracking-tight text-fg">Project details</h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Domains and mail</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 sm:grid-cols-2">
              <Fact label="Primary domain">
                <span className="font-mono">{project.primaryDomain}</span>
              </Fact>
              <Fact label="Canonical host">
                <span className="font-mono">{canonical}</span>
              </Fact>
              <Fact label="Subdomains">
                {project.subdomains.length ? <span className="font-mono">{project.subdomains.map((s) => `${s}.${project.primaryDomain}`).join(', ')}</span> : none}
              </Fact>
              <Fact label="Production URL">{project.productionUrl ? <span className="font-mono break-all">{project.productionUrl}</span> : none}</Fact>
              <Fact label="Mail-sending domain">{project.mailDomain ? <span className="font-mono">{project.mailDomain}</span> : none}</Fact>
              <Fact label="DKIM selectors">{project.dkimSelectors.length ? <span className="font-mono">{project.dkimSelectors.join(', ')}</span> : none}</Fact>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Environments</CardTitle>
          </CardHeader>
          <CardContent>
            {project.environments.length === 0 ? (
              <p className="text-sm text-fg-muted">No environments listed yet.</p>
            ) : (
              <ul className="grid gap-2 text-sm">
                {project.environments.map((env) => (
                  <li key={env.name} className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium">{env.name}</span>
                    {env.url ? <span className="font-mono text-xs text-fg-muted">{env.url}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Key endpoints</CardTitle>
          </CardHeader>
          <CardContent>
            {project.endpoints.length === 0 ? (
              <p className="text-sm text-fg-muted">No endpoints listed yet. Add sign-up, login and payment webhooks so they can be checked.</p>
            ) : (
              <Table aria-label="Key endpoints">
                <THead>
                  <TR>
                    <TH>Endpoint</TH>
                    <TH>Method</TH>
                    <TH>URL</TH>
                  </TR>
                </THead>
                <TBody>
                  {project.endpoints.map((endpoint, index) => (
                    <TR key={index}>
                      <TD>{endpoint.label || ENDPOINT_KIND_LABELS[endpoint.kind]}</TD>
                      <TD>
                        <Badge>{endpoint.method}</Badge>
                      </TD>
                      <TD className="font-mono text-xs break-all">{endpoint.url}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
