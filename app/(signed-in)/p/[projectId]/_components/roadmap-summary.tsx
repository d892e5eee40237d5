import Link from 'next/link';
import { VerdictReasons } from '@/app/(signed-in)/p/[projectId]/_components/verdict-reasons';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ReadinessScore } from '@/components/roadmap/readiness-score';
import { StageStepper } from '@/components/roadmap/stage-stepper';
import { VerdictBadge } from '@/components/roadmap/verdict-badge';
import { IMPACT_LABELS, SEVERITY_LABELS, SEVERITY_TONES, VERDICTS } from '@/components/roadmap/labels';
import type { AppRouter } from '@/server/trpc/root';
import type { inferRouterOutputs } from '@trpc/server';
import { STAGE_LABELS } from '@/lib/vocabulary/projects';
import { RISK_STATES, riskAnchor, riskFix } from '../risks/risk-view';
import { formatDate } from '@/components/ui/dates';

type Overview = inferRouterOutputs<AppRouter>['roadmap']['overview'];

/** The top of a project's overview: readiness, go / no-go, the stages and the first risks to fix. */
export function RoadmapSummary({ projectId, overview, canDecide }: { projectId: string; overview: Overview; canDecide: boolean }) {
  const base = `/p/${projectId}`;
  const { readiness, recommendation, latestDecision } = overview;
  const topRisks = overview.risks;
  return (
    <section aria-labelledby="readiness-heading" className="grid gap-6">
      <h2 id="readiness-heading" className="sr-only">
        Launch readiness
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Readiness</CardTitle>
            <CardDescription>Following the {overview.playbook.name} playbook.</CardDescription>
          </CardHeader>
          <CardContent className="flex items-start gap-5">
            <ReadinessScore score={readiness.score} />
            <div className="grid gap-2 text-sm">
              <p className="text-fg">{readiness.summary}</p>
              {readiness.next ? (
                <p>
                  <span className="text-fg-muted">Do next: </span>
                  <Link className="font-medium text-brand-700 hover:underline" href={`${base}/stages/${readiness.next.stageKey}`}>
                    {readiness.next.title}
                  </Link>
                </p>
              ) : null}
            </div>
          </CardContent>
        </Card>
        <Card role="region" aria-labelledby="verdict-heading">
          <CardHeader
            actions={
              <Link className="text-sm text-brand-700 hover:underline" href={`${base}/decision`}>
                {canDecide ? 'Decide' : 'Details'}
              </Link>
            }
          >
            <CardTitle id="verdict-heading">Go / no-go</CardTitle>
            <CardDescription>{VERDICTS[recommendation.verdict].summary}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <div className="flex items-center gap-2">
              <span className="text-fg-muted">Recommendation:</span> <VerdictBadge verdict={recommendation.verdict} />
            </div>
            <VerdictReasons projectId={projectId} reasons={recommendation.reasons} limit={4} />
            <p className="text-fg-muted">
              {latestDecision
                ? `Decided ${latestDecision.decision === 'go' ? 'go' : 'no-go'} by ${latestDecision.decidedBy ?? 'a former member'} on ${formatDate(latestDecision.decidedAt)}.`
                : 'No decision recorded yet.'}
            </p>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Roadmap</CardTitle>
          <CardDescription>Seven stages from quick audit to handover. Open a stage to work through its checklist.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <StageStepper stages={overview.stages.map((s) => ({ key: s.key, label: STAGE_LABELS[s.key], progress: s.progress, href: `${base}/stages/${s.key}` }))} />
          <ol className="grid gap-3 md:grid-cols-2">
            {overview.stages.map((stage, index) => (
              <li key={stage.key} className="rounded-control border border-border p-3">
                <Link href={`${base}/stages/${stage.key}`} className="font-medium text-fg hover:text-brand-700 hover:underline">
                  {index + 1}. {STAGE_LABELS[stage.key]}
                </Link>
                <p className="mt-1 text-sm text-fg-muted">{stage.goal}</p>
                <p className="mt-1 text-xs text-fg-subtle">
                  {stage.readiness.passed} of {stage.readiness.applicable} passed{stage.readiness.failed > 0 ? ` · ${stage.readiness.failed} failing` : ''}
                </p>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>

      <Card>
        <CardHeader
          actions={
            <Link className="text-sm whitespace-nowrap text-brand-700 hover:underline" href={`${base}/risks`}>
              All {overview.riskCount} {overview.riskCount === 1 ? 'risk' : 'risks'}
            </Link>
          }
        >
          <CardTitle>Fix first</CardTitle>
          <CardDescription>The most severe problems first; revenue and trust before onboarding and operations.</CardDescription>
        </CardHeader>
        <CardContent>
          {topRisks.length === 0 ? (
            <p className="text-sm text-fg-muted">No open risks. Everything applicable has passed and the checks found nothing open.</p>
          ) : (
            <ol className="grid gap-3" aria-label="Top risks">
              {topRisks.map((risk) => {
                const fix = riskFix(risk);
                return (
                  <li key={`${risk.source}-${risk.id}`} className="flex gap-3">
                    <span className="w-5 shrink-0 text-right text-sm font-semibold text-fg-muted tabular-nums">{risk.rank}</span>
                    <div className="grid min-w-0 flex-1 gap-1">
                      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <Link className="min-w-0 font-medium break-words text-fg hover:text-brand-700 hover:underline" href={`${base}/risks#${riskAnchor(risk)}`}>
                          {risk.title}
                        </Link>
                        <Badge tone={SEVERITY_TONES[risk.severity]}>{SEVERITY_LABELS[risk.severity]}</Badge>
                        {risk.state !== 'open' ? <Badge tone={RISK_STATES[risk.state].tone}>{RISK_STATES[risk.state].label}</Badge> : null}
                      </div>
                      {fix ? (
                        <p className="truncate text-sm text-fg-muted" title={fix}>
                          Fix: {fix}
                        </p>
                      ) : null}
                      <p className="text-xs break-words text-fg-subtle">
                        {IMPACT_LABELS[risk.impact]}
                        {risk.subject ? ` · ${risk.subject}` : ''} · {risk.owner ?? 'no owner yet'}
                      </p>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
