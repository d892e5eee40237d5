'use client';
/**
 * Run the automated checks and watch them finish: progress refreshes every second while the run
 * is going (from whichever server runs it); results show each finding with how to fix it, and
 * what changed since the previous run.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ProgressBar } from '@/components/ui/progress';
import { useToast } from '@/components/ui/toast';
import { messageOf, useTRPC } from '@/app/_lib/trpc';
import type { StageKey } from '@/lib/vocabulary/projects';
import { RESULT_TONES, SEVERITY_TONES, SkippedReason } from './check-labels';

type Props = { projectId: string; stageKey?: StageKey; latestRunId: string | null; canRun: boolean };

export function CheckRunPanel({ projectId, stageKey, latestRunId, canRun }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [runId, setRunId] = useState(latestRunId);
  const start = useMutation(trpc.checks.start.mutationOptions());
  const run = useQuery({
    ...trpc.checks.run.queryOptions({ projectId, runId: runId ?? '' }),
    enabled: runId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
  const status = run.data?.status;
  const wasRunning = useRef(false);

  // When a run finishes, the checklist items it settled change: refresh the page's data.
  useEffect(() => {
    if (status === 'running') wasRunning.current = true;
    else if (wasRunning.current && status) {
      wasRunning.current = false;
      router.refresh();
    }
  }, [status, router]);

  async function onStart() {
    try {
      const { runId: started } = await start.mutateAsync({ projectId, stageKey });
      // Fast runs can finish before the first poll sees "running": the page refreshes either way.
      wasRunning.current = true;
      setRunId(started);
    } catch (error) {
      toast.error('Could not start the checks', messageOf(error));
    }
  }

  const data = run.data;
  return (
    <Card>
      <CardHeader
        actions={
          canRun ? (
            <Button size="sm" onClick={onStart} loading={start.isPending || status === 'running'} loadingText="Checking…">
              {stageKey ? 'Run this stage’s checks' : 'Run all checks'}
            </Button>
          ) : null
        }
      >
        <CardTitle>Automated checks</CardTitle>
        <CardDescription>
          Launch Ready checks the live product and closes the items each check settles, with the evidence attached.
        </CardDescription>
      </CardHeader>
      {data ? (
        <CardContent className="grid gap-4">
          {data.status === 'running' ? (
            <div role="status" className="grid gap-2">
              <ProgressBar value={(data.progress.done / Math.max(1, data.progress.total)) * 100} label={`${data.progress.done} of ${data.progress.total} checks done`} />
              <p className="text-sm text-fg-muted">
                {data.progress.done} of {data.progress.total} done{data.progress.current.length > 0 ? ` · now checking ${data.progress.current.join(', ')}` : ''}
              </p>
            </div>
          ) : null}
          {data.status === 'failed' ? <p className="text-sm text-danger-700">{data.error ?? 'The run stopped before it finished.'}</p> : null}
          {data.summary ? (
            <p className="text-sm font-medium text-fg" role="status">
              {data.summary}{' '}
              <Link className="font-medium whitespace-nowrap text-brand-700 underline" href={`/p/${projectId}/check-runs/${data.id}`}>
                Open this run →
              </Link>
            </p>
          ) : null}
          {data.changes.length > 0 ? (
            <div className="rounded-control bg-surface-muted p-3 text-sm">
              <p className="font-medium text-fg">Since the previous run</p>
              <ul className="mt-1 grid list-disc gap-0.5 pl-5 text-fg">
                {data.changes.map((change) => (
                  <li key={change.checkId}>
                    {data.results.find((r) => r.checkId === change.checkId)?.title ?? change.checkId}:{' '}
                    {change.before ? `${RESULT_TONES[change.before].label.toLowerCase()} → ${RESULT_TONES[change.after].label.toLowerCase()}` : `first result: ${RESULT_TONES[change.after].label.toLowerCase()}`}
                    {change.resolved.length > 0 ? `; fixed: ${change.resolved.map((f) => f.message).join(' ')}` : ''}
                    {change.appeared.length > 0 ? `; new: ${change.appeared.map((f) => f.message).join(' ')}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ul className="grid gap-3" aria-label="Check results">
            {data.results.map((result) => (
              <li key={result.checkId} id={result.checkId} className="rounded-control border border-border p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium text-fg">{result.title}</span>
                  <Badge tone={RESULT_TONES[result.status].tone} dot>
                    {RESULT_TONES[result.status].label}
                  </Badge>
                </div>
                {result.findings.length === 0 ? <p className="mt-1 text-sm text-fg-muted">Nothing to fix.</p> : null}
                {result.status === 'skipped' ? (
                  <SkippedReason projectId={projectId} finding={result.findings[0]} />
                ) : (
                <ul className="mt-2 grid gap-2">
                  {result.findings.map((finding, index) => (
                    <li key={`${finding.code}-${index}`} className="text-sm">
                      <div className="flex items-start gap-2">
                        <Badge tone={SEVERITY_TONES[finding.severity] ?? 'neutral'}>{finding.severity}</Badge>
                        <p className="min-w-0 text-fg">{finding.message}</p>
                      </div>
                      {finding.severity !== 'info' ? <p className="mt-1 pl-1 text-fg-muted">How to fix: {finding.fix}</p> : null}
                      {finding.evidence !== null && finding.evidence !== undefined ? (
                        <details className="mt-1 pl-1">
                          <summary className="cursor-pointer text-xs text-fg-muted">Evidence</summary>
                          <pre tabIndex={0} className="mt-1 max-h-60 overflow-auto rounded-control bg-surface-sunken p-2 text-xs">{JSON.stringify(finding.evidence, null, 2)}</pre>
                        </details>
                      ) : null}
                    </li>
                  ))}
                </ul>
                )}
                {result.evidence.state === 'read' ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-xs text-fg-muted">What the check looked at</summary>
                    <pre tabIndex={0} className="mt-1 max-h-60 overflow-auto rounded-control bg-surface-sunken p-2 text-xs">{JSON.stringify(result.evidence.evidence, null, 2)}</pre>
                  </details>
                ) : result.evidence.state === 'older-format' ? (
                  <p className="mt-2 text-xs text-fg-muted">{result.evidence.note}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </CardContent>
      ) : null}
    </Card>
  );
}
