import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { cn } from '@/components/ui/cn';
import { ReadinessScore } from '@/components/roadmap/readiness-score';
import { StageStepper } from '@/components/roadmap/stage-stepper';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject, readRoadmapOverview } from '@/app/_lib/project-reads';
import { STAGE_KEYS, STAGE_LABELS, type StageKey } from '@/lib/vocabulary/projects';
import { ChecklistItemCard } from './checklist-item-card';
import { itemSummary } from './item-summary';
import { AddItemForm } from './add-item-form';
import { StageTargets } from './stage-targets';
import { StageRecords } from './records/stage-records';
import { ObservabilityPanel } from './observability-panel';
import { CheckRunPanel } from '../../_components/check-run-panel';
import { StageFindingsProvider } from './item-findings';
import { ChatbotPanel } from './chatbot/chatbot-panel';
import { showsChatbotSection } from '@/server/chatbot/where';

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'mine', label: 'Mine' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'failing', label: 'Failing' },
  { value: 'critical', label: 'Critical' },
] as const;
type Filter = (typeof FILTERS)[number]['value'];

const isStageKey = (value: string): value is StageKey => (STAGE_KEYS as readonly string[]).includes(value);

export async function generateMetadata({ params }: { params: Promise<{ stage: string }> }): Promise<Metadata> {
  const { stage } = await params;
  return { title: isStageKey(stage) ? STAGE_LABELS[stage] : 'Stage' };
}

/** The playbook's advice lines about this stage (nothing when it has none). */
function LinesCard({ title, lines }: { title: string; lines: readonly { key: string; text: string }[] }) {
  if (lines.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="grid list-disc gap-2 pl-5 text-sm text-fg">
          {lines.map((line) => (
            <li key={line.key}>{line.text}</li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

export default async function StagePage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; stage: string }>;
  searchParams: Promise<{ filter?: string }>;
}) {
  const { projectId, stage } = await params;
  if (!isStageKey(stage)) notFound();
  const requested = (await searchParams).filter;
  const filter: Filter = FILTERS.some((f) => f.value === requested) ? (requested as Filter) : 'all';
  const caller = await serverCaller();
  const [project, view] = await Promise.all([loadOrNotFound(readProject(projectId)), loadOrNotFound(caller[stage].get({ projectId, filter }))]);
  const permissions = new Set(project.access.permissions);
  const base = `/p/${projectId}`;
  const [overview, runs] = await Promise.all([loadOrNotFound(readRoadmapOverview(projectId)), loadOrNotFound(caller.checks.runs({ projectId, limit: 20 }))]);
  const latestRun = runs.find((run) => run.stageKey === stage || run.stageKey === null) ?? null;
  const hasChecks = view.runnableChecks.length > 0;

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={`Stage ${view.stage.position + 1} of ${view.stages.length} · ${project.name}`}
        title={STAGE_LABELS[stage]}
        description={view.stage.goal}
      />
      <StageStepper
        currentKey={stage}
        stages={overview.stages.map((s) => ({ key: s.key, label: STAGE_LABELS[s.key], progress: s.progress, href: `${base}/stages/${s.key}` }))}
      />
      {stage === 'observability' ? <ObservabilityPanel projectId={projectId} /> : null}
      {showsChatbotSection(stage, view.items) ? <ChatbotPanel projectId={projectId} canEdit={permissions.has('project:edit')} canRun={permissions.has('item:update')} /> : null}
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid gap-4">
          <nav aria-label="Filter the checklist" className="flex flex-wrap gap-2">
            {FILTERS.map((f) => (
              <Link
                key={f.value}
                href={f.value === 'all' ? `${base}/stages/${stage}` : `${base}/stages/${stage}?filter=${f.value}`}
                aria-current={f.value === filter ? 'page' : undefined}
                className={cn(
                  'rounded-full border px-3 py-1 text-sm',
                  f.value === filter ? 'border-brand-300 bg-brand-50 font-medium text-brand-800' : 'border-border bg-surface text-fg-muted hover:text-fg',
                )}
              >
                {f.label} <span className="tabular-nums">{view.counts[f.value]}</span>
              </Link>
            ))}
          </nav>
          {hasChecks ? <CheckRunPanel projectId={projectId} stageKey={stage} latestRunId={latestRun?.id ?? null} canRun={permissions.has('item:update')} /> : null}
          {view.items.length === 0 ? (
            <EmptyState title="Nothing here" description={filter === 'all' ? 'This stage has no checklist items yet.' : 'No items match this filter.'} />
          ) : (
            // Each item shows the open findings of the check it names, read once for the whole list.
            <StageFindingsProvider projectId={projectId} findings={view.findings}>
            <ol className="grid gap-3" aria-label="Checklist">
              {view.items.map((item) => (
                <li key={item.id}>
                  <ChecklistItemCard
                    projectId={projectId}
                    stageKey={stage}
                    item={itemSummary(item)}
                    canUpdate={permissions.has('item:update')}
                    canComment={permissions.has('item:comment')}
                  />
                </li>
              ))}
            </ol>
            </StageFindingsProvider>
          )}
          {permissions.has('project:edit') ? <AddItemForm projectId={projectId} stageKey={stage} /> : null}
        </div>
        <aside className="grid gap-4" aria-label="About this stage">
          <Card>
            <CardHeader>
              <CardTitle>Stage readiness</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3">
              <div className="flex items-center gap-4">
                <ReadinessScore score={view.readiness.score} size="md" />
                <p className="text-sm text-fg-muted">{view.readiness.passed} of {view.readiness.applicable} applicable items passed.</p>
              </div>
              <p className="text-sm text-fg">{view.readiness.explanation}</p>
            </CardContent>
          </Card>
          {view.stage.chapters.length > 0 ? (
            <Card>
              <CardHeader>
                <CardTitle>From the playbook</CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="grid gap-1 text-sm text-fg">
                  {view.stage.chapters.map((c) => (
                    <li key={c.label}>{c.label}</li>
                  ))}
                </ul>
                <p className="mt-2 text-xs text-fg-muted">{view.playbook.name}</p>
              </CardContent>
            </Card>
          ) : null}
          <StageTargets stageKey={stage} targets={view.targets} />
          <LinesCard title="Worth automating here" lines={view.stage.advice.automate} />
          <LinesCard title="Don’t overbuild" lines={view.stage.advice.dontOverbuild} />
          {view.stage.failureSignals.length > 0 ? (
            <Card>
              <CardHeader>
                <CardTitle>Warning signs</CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="grid list-disc gap-2 pl-5 text-sm text-fg">
                  {view.stage.failureSignals.map((signal) => (
                    <li key={signal.key}>{signal.text}</li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          ) : null}
        </aside>
      </div>
      <StageRecords projectId={projectId} stageKey={stage} canEdit={permissions.has('project:edit')} />
    </div>
  );
}
