'use client';
/** A finding's history (opened, fixed, came back, accepted, reopened, assigned), read when it is opened. */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { useTRPC } from '@/app/_lib/trpc';
import { formatDateTime } from '@/components/ui/dates';

const EVENT_LABELS = {
  opened: 'Found',
  fixed: 'Fixed (a run no longer saw it)',
  regressed: 'Came back',
  accepted: 'Accepted',
  reopened: 'Acceptance taken back',
  assigned: 'Owner or due date changed',
} as const;

const when = (at: Date) => formatDateTime(at);

export function FindingHistory({ projectId, findingId }: { projectId: string; findingId: string }) {
  const [open, setOpen] = useState(false);
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.findings.history.queryOptions({ projectId, findingId }), enabled: open });
  return (
    <details className="text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-fg-muted select-none hover:text-fg">History</summary>
      {history.isPending && open ? (
        <p className="mt-2 flex items-center gap-2 text-fg-muted">
          <Spinner /> Loading…
        </p>
      ) : null}
      {history.isError ? <p className="mt-2 text-danger-700">Could not load the history. Try again.</p> : null}
      {history.data ? (
        <ol className="mt-2 grid gap-1.5 border-l border-border pl-3" aria-label="Finding history">
          {history.data.map((event) => (
            <li key={event.id}>
              <span className="font-medium text-fg">{EVENT_LABELS[event.kind]}</span>{' '}
              <span className="text-xs text-fg-muted">
                {when(event.at)} UTC{event.actor ? ` · ${event.actor}` : ''}
                {!event.actor && event.runId ? (
                  <>
                    {' · '}
                    <Link href={`/p/${projectId}/check-runs/${event.runId}`} className="text-brand-700 hover:underline">
                      automated check run
                    </Link>
                  </>
                ) : null}
              </span>
              {event.note ? <p className="break-words text-fg-muted">{event.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
