/**
 * One check run on its own page — where evidence links point. Findings by severity first, then
 * what changed against the earlier results, then every check (each with an anchor, `#<check>`).
 * Read through `checks.report`, so access is the project's: outsiders and clients of projects not
 * shared with them get the not-found page.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { STAGE_LABELS } from '@/lib/vocabulary/projects';
import { AutoRefresh } from '../../monitors/_components/actions';
import { RESULT_TONES, SEVERITY_TONES, SkippedReason } from '../../_components/check-labels';

export const metadata: Metadata = { title: 'Check run' };

const when = (d: Date) => `${d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
const SEVERITY_HEADINGS = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'For information' } as const;
const lower = (status: keyof typeof RESULT_TONES) => RESULT_TONES[status].label.toLowerCase();

export default async function CheckRunPage({ params }: { params: Promise<{ projectId: string; runId: string }> }) {
  const { projectId, runId } = await params;
  const report = await loadOrNotFound((await serverCaller()).checks.report({ projectId, runId }));
  const { run } = report;
  const base = `/p/${projectId}`;
  const scope = run.stageKey ? `${STAGE_LABELS[run.stageKey]} stage` : 'Whole project';
  return (
    <div className="grid min-w-0 gap-6 [&>*]:min-w-0 [overflow-wrap:anywhere]">
      {run.status === 'running' ? <AutoRefresh seconds={3} /> : null}
      <PageHeader
        eyebrow={
          <Link href={run.stageKey ? `${base}/stages/${run.stageKey}` : base} className="hover:underline">
            ← {run.stageKey ? STAGE_LABELS[run.stageKey] : 'Project overview'}
          </Link>
        }
        title={`Check run of ${when(run.startedAt)}`}
        description={`${scope} · ${run.checkIds.length} check${run.checkIds.length === 1 ? '' : 's'}${run.startedBy ? ` · started by ${run.startedBy}` : ''}${run.finishedAt ? ` · finished ${when(run.finishedAt)}` : ''}`}
      />

      {run.status === 'running' ? (
        <p role="status" className="text-sm text-fg-muted">
          Still running: {run.progress.done} of {run.progress.total} checks done. This page refreshes by itself.
        </p>
      ) : null}
      {run.status === 'failed' ? <p className="text-sm text-danger-700">{run.error ?? 'The run stopped before it finished.'}</p> : null}
      {report.summary ? <p className="text-base font-medium text-fg">{report.summary}</p> : null}

      <Card>
        <CardHeader>
          <CardTitle>Findings by severity</CardTitle>
          <CardDescription>What the checks found, worst first, each with how to fix it.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          {report.bySeverity.length === 0 ? <p className="text-sm text-fg-muted">{run.status === 'done' ? 'No findings: every check that ran found nothing to fix.' : 'No findings yet.'}</p> : null}
          {report.bySeverity.map((group) => (
            <section key={group.severity} aria-labelledby={`severity-${group.severity}`} className="grid gap-2">
              <h2 id={`severity-${group.severity}`} className="flex items-center gap-2 text-sm font-semibold text-fg">
                <Badge tone={SEVERITY_TONES[group.severity] ?? 'neutral'}>{SEVERITY_HEADINGS[group.severity]}</Badge>
                {group.findings.length} finding{group.findings.length === 1 ? '' : 's'}
              </h2>
              <ul className="grid gap-3">
                {group.findings.map((f, index) => (
                  <li key={`${f.checkId}-${f.code}-${index}`} className="grid gap-0.5 border-l-2 border-border pl-3 text-sm">
                    <p className="text-fg">{f.message}</p>
                    {group.severity !== 'info' ? <p className="text-fg-muted">How to fix: {f.fix}</p> : null}
                    <a href={`#${f.checkId}`} className="w-fit text-xs text-brand-700 hover:underline">
                      {f.checkTitle}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>What changed</CardTitle>
          <CardDescription>
            Compared with the latest earlier result of each check.
            {report.previousRun ? (
              <>
                {' '}
                <Link href={`${base}/check-runs/${report.previousRun.id}`} className="font-medium text-brand-700 hover:underline">
                  Previous run: {when(report.previousRun.startedAt)}
                </Link>
              </>
            ) : null}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {run.status !== 'done' ? (
            <p className="text-sm text-fg-muted">Shown when the run has finished.</p>
          ) : !report.compared ? (
            <p className="text-sm text-fg-muted">Nothing to compare with: this is the first time these checks ran.</p>
          ) : report.changes.length === 0 ? (
            <p className="text-sm text-fg-muted">Nothing changed: every check gave the same result and findings as before.</p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {report.changes.map((c) => (
                <li key={c.checkId} className="grid gap-0.5">
                  <p className="text-fg">
                    <a href={`#${c.checkId}`} className="font-medium hover:underline">
                      {c.title}
                    </a>
                    : {c.before && c.before !== c.after ? `${lower(c.before)} → ${lower(c.after)}` : `still ${lower(c.after)}`}
                  </p>
                  {c.resolved.length > 0 ? <p className="text-success-700">Fixed: {c.resolved.map((f) => f.message).join(' ')}</p> : null}
                  {c.appeared.length > 0 ? <p className="text-danger-700">New: {c.appeared.map((f) => f.message).join(' ')}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Every check</CardTitle>
          <CardDescription>Failures first; a check that could not run says what unblocks it.</CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="grid gap-3" aria-label="Check results">
            {report.results.map((result) => (
              <li key={result.checkId} id={result.checkId} className="scroll-mt-20 rounded-control border border-border p-3 target:border-brand-600 target:ring-2 target:ring-brand-200">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium text-fg">{result.title}</span>
                  <Badge tone={RESULT_TONES[result.status].tone} dot>
                    {RESULT_TONES[result.status].label}
                  </Badge>
                </div>
                {result.status === 'skipped' ? (
                  <SkippedReason projectId={projectId} finding={result.findings[0]} />
                ) : result.findings.length === 0 ? (
                  <p className="mt-1 text-sm text-fg-muted">Nothing to fix.</p>
                ) : (
                  <ul className="mt-2 grid gap-1.5">
                    {result.findings.map((finding, index) => (
                      <li key={`${finding.code}-${index}`} className="flex items-start gap-2 text-sm">
                        <Badge tone={SEVERITY_TONES[finding.severity] ?? 'neutral'}>{finding.severity}</Badge>
                        <span className="min-w-0 text-fg">{finding.message}</span>
                      </li>
                    ))}
                  </ul>
                )}
                <p className="mt-1 text-xs text-fg-subtle">Took {(result.durationMs / 1000).toFixed(1)} s.</p>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
