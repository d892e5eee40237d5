import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button-link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { MonitoringPanels } from '@/components/charts/monitoring-panels';
import { formatMs, formatUptime } from '@/components/charts/format';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject } from '@/app/_lib/project-reads';
import { AutoRefresh, QuickSetupButton } from './_components/actions';
import { duration, every, StateBadge, when } from './_components/labels';
import { JourneysCard } from './_components/journeys-card';

export const metadata: Metadata = { title: 'Monitors' };

export default async function MonitorsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const caller = await serverCaller();
  const [project, list, panel, incidents, journeys] = await Promise.all([
    loadOrNotFound(readProject(projectId)),
    loadOrNotFound(caller.monitoring.list({ projectId })),
    loadOrNotFound(caller.monitoring.projectPanel({ projectId })),
    loadOrNotFound(caller.monitoring.incidents({ projectId })),
    loadOrNotFound(caller.journeys.list({ projectId })),
  ]);
  const canEdit = project.access.permissions.includes('project:edit');
  const base = `/p/${projectId}/monitors`;
  return (
    <div className="grid gap-6">
      <AutoRefresh />
      <PageHeader
        title="Monitors"
        description="Checks of your live site from the outside: is it up, is it answering correctly, how fast. You hear about an outage before your customers tell you."
        actions={
          <>
            <ButtonLink variant="secondary" href={`${base}/alerts`}>
              Alerts
            </ButtonLink>
            {canEdit ? <ButtonLink href={`${base}/new`}>Add a monitor</ButtonLink> : null}
          </>
        }
      />
      {list.monitors.length === 0 ? (
        <EmptyState
          title="Nothing is monitored yet"
          description="Start with the monitors your project description suggests: the homepage, login, API health, payment webhooks and the certificate."
          action={canEdit ? <QuickSetupButton projectId={projectId} /> : null}
        />
      ) : (
        <>
          <Card>
            <CardHeader>
              <CardTitle>Whole project</CardTitle>
              <CardDescription>All {panel.monitorCount} website monitor{panel.monitorCount === 1 ? '' : 's'} together. Times in UTC.</CardDescription>
            </CardHeader>
            <CardContent>
              <MonitoringPanels panel={panel} />
            </CardContent>
          </Card>

          <Table aria-label="Monitors">
            <THead>
              <TR>
                <TH className="min-w-64">Monitor</TH>
                <TH>State</TH>
                <TH>Last check</TH>
                <TH className="text-right">Response</TH>
                <TH className="text-right">Uptime, 24 h</TH>
              </TR>
            </THead>
            <TBody>
              {list.monitors.map((m) => (
                <TR key={m.id}>
                  <TD>
                    <Link href={`${base}/${m.id}`} className="font-medium hover:text-brand-700 hover:underline">
                      {m.name}
                    </Link>
                    <div className="max-w-md truncate text-xs text-fg-muted">
                      {m.kind === 'certificate' ? 'Certificate of ' : `${m.method} `}
                      {m.url} · {every(m.intervalSeconds)}
                    </div>
                  </TD>
                  <TD>
                    <StateBadge state={m.state} enabled={m.enabled} />
                    {m.lastOk === false && m.lastError ? <div className="mt-1 max-w-xs text-xs text-danger-700">{m.lastError}</div> : null}
                  </TD>
                  <TD className="text-sm text-fg-muted">{when(m.lastCheckedAt)}</TD>
                  <TD className="text-right tabular-nums">{m.kind === 'http' ? formatMs(m.lastLatencyMs) : '—'}</TD>
                  <TD className="text-right tabular-nums">
                    {formatUptime(m.uptime24hPercent)}
                    <div className="text-xs text-fg-muted">{m.checks24h > 0 ? `${m.checks24h - m.failures24h} of ${m.checks24h} OK` : m.enabled ? 'no checks yet' : 'paused'}</div>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {canEdit && list.missingSuggestions.length > 0 ? (
            <Card>
              <CardHeader actions={<QuickSetupButton projectId={projectId} variant="secondary" />}>
                <CardTitle>Suggested monitors not set up yet</CardTitle>
                <CardDescription>{list.missingSuggestions.map((s) => s.name).join(', ')}</CardDescription>
              </CardHeader>
            </Card>
          ) : null}
        </>
      )}

      <JourneysCard projectId={projectId} journeys={journeys} canEdit={canEdit} />

      <Card>
        <CardHeader>
          <CardTitle>Incidents</CardTitle>
          <CardDescription>One per outage: from the first failed check to recovery.</CardDescription>
        </CardHeader>
        <CardContent>
          {incidents.length === 0 ? (
            <p className="text-sm text-fg-muted">No outages recorded.</p>
          ) : (
            <ul className="grid gap-3">
              {incidents.slice(0, 10).map((i) => (
                <li key={i.id} className="flex flex-wrap items-baseline justify-between gap-2 border-b border-border pb-2 last:border-0">
                  <div>
                    <Link href={`${base}/${i.monitorId}#incidents`} className="font-medium hover:underline">
                      {i.monitorName}
                    </Link>{' '}
                    <span className="text-sm text-fg-muted">— {i.cause}</span>
                  </div>
                  <div className="text-sm text-fg-muted">
                    {when(i.startedAt)} · {i.endedAt ? `lasted ${duration(i.startedAt, i.endedAt)}` : <span className="font-medium text-danger-700">ongoing for {duration(i.startedAt, null)}</span>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
