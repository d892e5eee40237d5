import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { formatDateTime } from '@/components/ui/dates';

export const metadata: Metadata = { title: 'Activity' };

export default async function ActivityPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const activity = await loadOrNotFound((await serverCaller()).roadmap.activity({ projectId, limit: 200 }));
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <PageHeader title="Activity" description="Who changed what, newest first." />
      {activity.length === 0 ? (
        <EmptyState title="No activity yet" />
      ) : (
        <ol className="grid gap-0 border-l border-border" aria-label="Activity">
          {activity.map((entry) => (
            <li key={entry.id} className="relative py-2 pl-5">
              <span aria-hidden="true" className="absolute top-3.5 -left-1 size-2 rounded-full bg-border-strong" />
              <p className="text-sm text-fg">
                <span className="font-medium">{entry.actor ?? (entry.action.startsWith('schedule.') ? 'Scheduled checks' : 'Someone no longer here')}</span> {entry.summary}
              </p>
              <time className="text-xs text-fg-muted" dateTime={entry.createdAt.toISOString()}>
                {formatDateTime(entry.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
