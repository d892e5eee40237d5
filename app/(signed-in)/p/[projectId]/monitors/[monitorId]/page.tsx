import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button-link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { MonitoringPanels } from '@/components/charts/monitoring-panels';
import { formatMs } from '@/components/charts/format';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject } from '@/app/_lib/project-reads';
import { AutoRefresh, PauseButton, RemoveMonitorButton } from '../_components/actions';
import { duration, every, StateBadge, when } from '../_components/labels';
import { IncidentNotes } from './incident-notes';

export const metadata: Metadata = { title: 'Monitor' };

const RULES: Record<string, string> = { success: 'a 2xx or 3xx status', 'no-server-error': 'any status below 500' };

export default async function MonitorPage({ params }: { params: Promise<{ projectId: string; monitorId: string }> }) {
  const { projectId, monitorId } = await params;
  const caller = await serverCaller();
  const [project, data] = await Promise.all([loadOrNotFound(readProject(projectId)), loadOrNotFound(caller.monitoring.get({ projectId, monitorId }))]);
  const { monitor, panel, incidents, recent } = data;
  const canEdit = project.access.permissions.includes('project:edit');
  return (
    <div className="grid gap-6">
      <AutoRefresh />
      <PageHeader
        eyebrow={
          <Link href={`/p/${projectId}/monitors`} className="text-sm text-fg-muted hover:underline">
            ← Monitors
          </Link>
        }
        title={monitor.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StateBadge state={monitor.state} enabled={monitor.enabled} />
            <span className="break-all">
              {monitor.kind === 'certificate' ? 'Certificate of ' : `${monitor.method} `}
              {monitor.url}
            </span>
          </span>
        }
        actions={
          canEdit ? (
            <>
              <ButtonLink variant="secondary" href={`/p/${projectId}/monitors/${monitor.id}/edit`}>
                Change
              </ButtonLink>
              <PauseButton projectId={projectId} monitorId={monitor.id} enabled={monitor.enabled} />
              <RemoveMonitorButton projectId={projectId} monitorId={monitor.id} name={monitor.name} />
            </>
          ) : null
        }
      />
      <Card>
        <CardContent className="grid gap-1 pt-5 text-sm text-fg-muted sm:grid-cols-2">
          <div>
            Checks {every(monitor.intervalSeconds)}
            {monitor.kind === 'http' ? `, expects ${RULES[monitor.expectedStatus] ?? `status ${monitor.expectedStatus}`}${monitor.keyword ? ` and the text “${monitor.keyword}”` : ''}, gives up after ${monitor.timeoutMs / 1000} s.` : ', fails 14 days before the certificate expires.'}
          </div>
          <div>
            Down after {monitor.failThreshold} failed checks in a row, back up after {monitor.recoverThreshold} good ones. Last check: {when(monitor.lastCheckedAt)}
            {monitor.lastError ? <span className="block text-danger-700">{monitor.lastError}</span> : null}
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Uptime, errors and response time</CardTitle>
          <CardDescription>Up to the last 7 days, times in UTC. Uptime is the share of checks that succeeded; periods without checks (paused, or no worker running) show as gaps and count neither as up nor as down.</CardDescription>
        </CardHeader>
        <CardContent>
          <MonitoringPanels panel={panel} />
        </CardContent>
      </Card>
      <Card id="incidents">
        <CardHeader>
          <CardTitle>Incidents</CardTitle>
          <CardDescription>Start, end, duration, cause — and notes on what happened and what changes.</CardDescription>
        </CardHeader>
        <CardContent>
          {incidents.length === 0 ? (
            <p className="text-sm text-fg-muted">No outages recorded.</p>
          ) : (
            <ol className="grid gap-5">
              {incidents.map((i) => (
                <li key={i.id} className="grid gap-2 border-b border-border pb-4 last:border-0">
                  <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
                    <span className="font-medium text-fg">{when(i.startedAt)}</span>
                    <span className="text-fg-muted">→ {i.endedAt ? when(i.endedAt) : 'ongoing'}</span>
                    <span className={i.endedAt ? 'text-fg-muted' : 'font-medium text-danger-700'}>{duration(i.startedAt, i.endedAt)}</span>
                    <span className="text-fg-muted">· {i.failedChecks} failed checks</span>
                  </div>
                  <p className="text-sm">Cause: {i.cause}</p>
                  <IncidentNotes projectId={projectId} incidentId={i.id} notes={i.notes} template={data.noteTemplate} canEdit={canEdit} />
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Latest checks</CardTitle>
          <CardDescription>Individual results are kept for 48 hours; the charts keep hourly summaries.</CardDescription>
        </CardHeader>
        <CardContent>
          {recent.length === 0 ? (
            <p className="text-sm text-fg-muted">{monitor.enabled ? 'The first check runs within one interval.' : 'Paused: resume the monitor to check it live.'}</p>
          ) : (
            <Table aria-label="Latest checks">
              <THead>
                <TR>
                  <TH>Scheduled</TH>
                  <TH>Result</TH>
                  <TH className="text-right">Status</TH>
                  <TH className="text-right">Response</TH>
                </TR>
              </THead>
              <TBody>
                {recent.map((r) => (
                  <TR key={r.scheduledAt.toISOString()}>
                    <TD className="text-sm">{when(r.scheduledAt)}</TD>
                    <TD className={`text-sm ${r.ok ? 'text-success-700' : 'text-danger-700'}`}>{r.ok ? 'OK' : (r.error ?? 'Failed')}</TD>
                    <TD className="text-right tabular-nums">{r.statusCode ?? '—'}</TD>
                    <TD className="text-right tabular-nums">{formatMs(r.latencyMs)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
