import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { readProject } from '@/app/_lib/project-reads';
import { when } from '../_components/labels';
import { AddChannelForm, ChannelButtons, FallbackForm } from './channel-forms';

export const metadata: Metadata = { title: 'Alerts' };

const KIND_LABELS = { email: 'Email', slack: 'Slack', webhook: 'Webhook' } as const;
const EVENT_LABELS = { down: 'Down', recovered: 'Back up', degraded: 'Slow', test: 'Test', chatbot: 'Chatbot', finding: 'Finding' } as const;
const STATUS_TONES = { sent: 'success', pending: 'warning', failed: 'danger' } as const;

export default async function AlertsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const caller = await serverCaller();
  const [project, data] = await Promise.all([loadOrNotFound(readProject(projectId)), loadOrNotFound(caller.monitoring.channels({ projectId }))]);
  const canEdit = project.access.permissions.includes('project:edit');
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/p/${projectId}/monitors`} className="text-sm text-fg-muted hover:underline">
            ← Monitors
          </Link>
        }
        title="Alerts"
        description="Where we tell you that a monitor went down, came back or got slow, and that the scheduled checks found a new or returning critical or high problem. Each change is sent once per channel; failed sends are retried, then the fallback contact is told."
      />
      <Card>
        <CardHeader>
          <CardTitle>Channels</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-6">
          {data.channels.length === 0 ? (
            <p className="text-sm text-fg-muted">No channels yet{data.fallbackEmail ? ': alerts go to the fallback contact.' : '. Add one so outages reach someone.'}</p>
          ) : (
            <Table aria-label="Alert channels">
              <THead>
                <TR>
                  <TH>Name</TH>
                  <TH>Kind</TH>
                  <TH>Sends to</TH>
                  {canEdit ? <TH><span className="sr-only">Actions</span></TH> : null}
                </TR>
              </THead>
              <TBody>
                {data.channels.map((c) => (
                  <TR key={c.id}>
                    <TD className="font-medium">{c.name}</TD>
                    <TD>{KIND_LABELS[c.kind]}</TD>
                    <TD className="text-sm text-fg-muted">{c.target}</TD>
                    {canEdit ? (
                      <TD>
                        <ChannelButtons projectId={projectId} channelId={c.id} name={c.name} />
                      </TD>
                    ) : null}
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          {canEdit ? <AddChannelForm projectId={projectId} /> : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Fallback contact</CardTitle>
          <CardDescription>{canEdit ? null : (data.fallbackEmail ?? 'Not set.')}</CardDescription>
        </CardHeader>
        {canEdit ? (
          <CardContent>
            <FallbackForm projectId={projectId} current={data.fallbackEmail} />
          </CardContent>
        ) : null}
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Recent alerts</CardTitle>
        </CardHeader>
        <CardContent>
          {data.recent.length === 0 ? (
            <p className="text-sm text-fg-muted">Nothing sent yet.</p>
          ) : (
            <Table aria-label="Recent alerts">
              <THead>
                <TR>
                  <TH>When</TH>
                  <TH>What</TH>
                  <TH>To</TH>
                  <TH>Delivery</TH>
                </TR>
              </THead>
              <TBody>
                {data.recent.map((d) => (
                  <TR key={d.id}>
                    <TD className="text-sm">{when(d.createdAt)}</TD>
                    <TD className="text-sm">
                      {EVENT_LABELS[d.kind]}
                      {d.kind === 'test' ? '' : `: ${d.about}`}
                    </TD>
                    <TD className="text-sm">{d.to}</TD>
                    <TD>
                      <Badge tone={STATUS_TONES[d.status]}>{d.status === 'pending' && d.attempts > 0 ? `retrying (${d.attempts} tries)` : d.status}</Badge>
                      {d.lastError ? <div className="mt-1 text-xs text-danger-700">{d.lastError}</div> : null}
                    </TD>
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
