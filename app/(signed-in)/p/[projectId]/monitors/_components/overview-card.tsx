/** The monitoring summary shown on the project overview: 7-day numbers and daily response times. */
import { ButtonLink } from '@/components/ui/button-link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { LatencyChart } from '@/components/charts/latency-chart';
import { PanelSummaryStats } from '@/components/charts/panel-summary';
import { serverCaller } from '@/server/trpc/server-caller';

export async function MonitoringOverviewCard({ projectId }: { projectId: string }) {
  const caller = await serverCaller();
  const [list, panel] = await Promise.all([caller.monitoring.list({ projectId }), caller.monitoring.projectSummary({ projectId })]);
  const down = list.monitors.filter((m) => m.enabled && m.state === 'down');
  const paused = list.monitors.filter((m) => !m.enabled);
  const checking = list.monitors.length - paused.length;
  return (
    <Card>
      <CardHeader actions={<ButtonLink href={`/p/${projectId}/monitors`} variant="secondary" size="sm">Open monitors</ButtonLink>}>
        <CardTitle>Monitoring, last 7 days</CardTitle>
        <CardDescription>
          {list.monitors.length === 0
            ? 'Nothing is monitored yet: one click sets up the homepage, login, API health and webhooks.'
            : checking === 0
              ? `${list.monitors.length === 1 ? 'The only monitor is' : 'Every monitor is'} paused: nothing is being checked, so nobody would hear about an outage. The figures below stop at the last check, and paused time counts neither as up nor as down.`
              : down.length > 0
                ? `Down now: ${down.map((m) => m.name).join(', ')}.${paused.length > 0 ? ` ${paused.length} paused.` : ''}`
                : `${checking} monitor${checking === 1 ? '' : 's'} checking, none down right now${paused.length > 0 ? `; ${paused.length} paused (not checked)` : ''}.`}
        </CardDescription>
      </CardHeader>
      {list.monitors.length > 0 ? (
        <CardContent className="grid gap-4">
          <PanelSummaryStats summary={panel.last7d} targets={panel.targets} period="7 days" monitoring={checking === 0 ? undefined : panel.monitoring} />
          <LatencyChart points={panel.daily} resolution="day" span="week" targets={panel.targets.p95Lines} title="Response time per day" />
        </CardContent>
      ) : null}
    </Card>
  );
}
