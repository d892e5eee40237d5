import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { MonitoringPanels } from '@/components/charts/monitoring-panels';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';

/** The observability stage shows what the monitors measured: 7-day uptime, error rate and p95 against the targets. */
export async function ObservabilityPanel({ projectId }: { projectId: string }) {
  const panel = await loadOrNotFound((await serverCaller()).monitoring.projectPanel({ projectId }));
  return (
    <Card>
      <CardHeader
        actions={
          <Link className="text-sm text-brand-700 hover:underline" href={`/p/${projectId}/monitors`}>
            Monitors and alerts
          </Link>
        }
      >
        <CardTitle>Uptime, errors and latency</CardTitle>
        <CardDescription>
          {panel.monitorCount === 0
            ? 'No monitors yet: set them up to see uptime, error rate and p95 here.'
            : `All ${panel.monitorCount} website monitor${panel.monitorCount === 1 ? '' : 's'} together. Times in UTC.`}
        </CardDescription>
      </CardHeader>
      {panel.monitorCount > 0 ? (
        <CardContent>
          <MonitoringPanels panel={panel} />
        </CardContent>
      ) : null}
    </Card>
  );
}
