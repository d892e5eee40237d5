import type { Metadata } from 'next';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatMs } from '@/components/charts/format';
import { loadOrNotFound } from '@/app/_lib/guard';
import { readProject } from '@/app/_lib/project-reads';
import { serverCaller } from '@/server/trpc/server-caller';
import { every, StateBadge, when } from '../../_components/labels';
import { KIND_LABEL, RateCell } from '../../_components/journeys-card';
import { JourneyEditor } from '../new/step-editor';
import { BrowserJourneyEditor } from '../new/browser-step-editor';
import { JourneyActions } from './journey-actions';

export const metadata: Metadata = { title: 'Journey' };

export default async function JourneyPage({ params }: { params: Promise<{ projectId: string; journeyId: string }> }) {
  const { projectId, journeyId } = await params;
  const caller = await serverCaller();
  const [project, journey] = await Promise.all([loadOrNotFound(readProject(projectId)), loadOrNotFound(caller.journeys.get({ projectId, journeyId }))]);
  const canEdit = project.access.permissions.includes('project:edit');
  const { summary, fields, runs } = journey;
  const origin = (project.productionUrl ?? `https://${project.primaryDomain}`).replace(/\/$/, '');
  return (
    <div className="grid gap-6">
      <PageHeader
        title={summary.name}
        description={`${KIND_LABEL[summary.kind]} journey · ${summary.stepCount} step${summary.stepCount === 1 ? '' : 's'} · ${every(summary.intervalSeconds)} · target ${summary.target.label}`}
        actions={canEdit ? <JourneyActions projectId={projectId} journeyId={journeyId} name={summary.name} enabled={summary.enabled} /> : null}
      />
      <Card>
        <CardHeader>
          <CardTitle>Success rate</CardTitle>
          <CardDescription>Runs that passed ÷ runs that ran. Slots no worker ran, and paused time, are not counted. Times in UTC.</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-4 sm:grid-cols-4">
            <div>
              <dt className="text-sm text-fg-muted">State</dt>
              <dd>
                <StateBadge state={summary.state} enabled={summary.enabled} />
              </dd>
            </div>
            <div>
              <dt className="text-sm text-fg-muted">Last 24 hours</dt>
              <dd className="tabular-nums">
                <RateCell rate={summary.last24h} enabled={summary.enabled} />
              </dd>
            </div>
            <div>
              <dt className="text-sm text-fg-muted">Last 7 days</dt>
              <dd className="tabular-nums">
                <RateCell rate={summary.last7d} enabled={summary.enabled} />
              </dd>
            </div>
            <div>
              <dt className="text-sm text-fg-muted">Last run</dt>
              <dd className="text-sm">{when(summary.lastRunAt)}</dd>
            </div>
          </dl>
          {journey.secretNames.length > 0 ? <p className="mt-4 text-sm text-fg-muted">Uses the stored secret{journey.secretNames.length === 1 ? '' : 's'} {journey.secretNames.join(', ')} (never shown).</p> : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Latest runs</CardTitle>
          <CardDescription>Each step’s time; a failed run names the step and why. Secret values, cookies and captured tokens are hidden.</CardDescription>
        </CardHeader>
        <CardContent>
          {runs.length === 0 ? (
            <p className="text-sm text-fg-muted">No runs yet.</p>
          ) : (
            <Table aria-label="Latest runs">
              <THead>
                <TR>
                  <TH>When</TH>
                  <TH>Result</TH>
                  <TH className="min-w-64">Steps</TH>
                </TR>
              </THead>
              <TBody>
                {runs.map((run) => (
                  <TR key={run.scheduledAt.toISOString()}>
                    <TD className="text-sm whitespace-nowrap">{when(run.startedAt)}</TD>
                    <TD className="text-sm">
                      {run.ok ? <span className="text-success-700">Passed</span> : <span className="text-danger-700">Failed</span>}
                      {run.failReason ? <div className="max-w-xs text-xs break-words text-danger-700">{run.failReason}</div> : null}
                    </TD>
                    <TD className="text-xs text-fg-muted">
                      <ol className="grid gap-0.5">
                        {run.steps.map((s, i) => (
                          <li key={i}>
                            {i + 1}. {s.name}: {s.skipped ? 'not run' : `${s.status ?? 'no answer'} in ${formatMs(s.ms)}${s.ok ? '' : ' — failed'}`}
                          </li>
                        ))}
                      </ol>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>

      {journey.screenshot ? (
        <Card>
          <CardHeader>
            <CardTitle>Last failure</CardTitle>
            <CardDescription>
              The page when step {(journey.screenshot.failedStep ?? 0) + 1} failed, {when(journey.screenshot.takenAt)}
              {journey.screenshot.pageUrl ? ` at ${journey.screenshot.pageUrl}` : ''}. Fields filled with a stored secret are blacked out.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {/* biome-ignore lint/performance/noImgElement: an inline PNG from the database, not an optimisable asset */}
            <img src={journey.screenshot.dataUrl} alt={`Screenshot of the page when step ${(journey.screenshot.failedStep ?? 0) + 1} failed`} className="h-auto w-full max-w-3xl rounded border border-border" />
          </CardContent>
        </Card>
      ) : null}

      {canEdit && fields.kind === 'browser' ? (
        <Card>
          <CardHeader>
            <CardTitle>Steps</CardTitle>
            <CardDescription>Change what the browser does and checks.</CardDescription>
          </CardHeader>
          <CardContent>
            <BrowserJourneyEditor projectId={projectId} origin={origin} initial={{ id: journeyId, ...fields }} />
          </CardContent>
        </Card>
      ) : canEdit && fields.kind !== 'browser' ? (
        <Card>
          <CardHeader>
            <CardTitle>Steps</CardTitle>
            <CardDescription>Change the requests, their checks and what they capture.</CardDescription>
          </CardHeader>
          <CardContent>
            <JourneyEditor projectId={projectId} origin={origin} kind={fields.kind} initial={{ id: journeyId, ...fields }} />
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>Steps</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-2 text-sm">
              {fields.steps.map((s, i) => (
                <li key={i} className="break-words">
                  {i + 1}. {s.name}: {s.method} {s.url}
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
