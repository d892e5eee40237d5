'use client';
/**
 * One chatbot run: what changed since the previous run, then each prompt with its (masked)
 * answer, timings, every expectation's outcome, and a person's review.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { messageOf, useTRPC } from '@/app/_lib/trpc';
import type { AppRouter } from '@/server/trpc/root';
import type { inferRouterOutputs } from '@trpc/server';
import { PROMPT_CATEGORY_LABELS } from '@/lib/vocabulary/chatbot';

type RunDetail = inferRouterOutputs<AppRouter>['chatbot']['run'];
type Result = RunDetail['results'][number];

const STATUS: Record<Result['status'], { label: string; tone: BadgeTone }> = {
  pass: { label: 'Passed', tone: 'success' },
  fail: { label: 'Failed', tone: 'danger' },
  error: { label: 'No answer', tone: 'neutral' },
};
const CHANGE_WORDS: Record<RunDetail['changes'][number]['change'], string> = {
  'now-failing': 'now fails',
  'no-answer': 'got no answer',
  'still-failing': 'still fails',
  fixed: 'fixed',
  new: 'new in the set',
  dropped: 'no longer in the set',
};

const FORMAT_WORDS: Record<NonNullable<Result['format']>, string> = { json: 'JSON', sse: 'streamed events', 'json-lines': 'JSON lines', text: 'text' };

/** A JSON reply arrives whole; a streamed one has a start and an end worth telling apart. */
function replyTimes(format: Result['format'], firstTextMs: number | null, totalMs: number): string {
  const ms = (value: number) => `${value.toLocaleString('en')} ms`;
  if (format === 'json' || firstTextMs === null) return `Reply complete after ${ms(totalMs)}`;
  return `Reply started after ${ms(firstTextMs)}, complete after ${ms(totalMs)}`;
}

function Review({ projectId, result, canReview }: { projectId: string; result: Result; canReview: boolean }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const toast = useToast();
  const [decision, setDecision] = useState<'reviewed' | 'accepted'>('reviewed');
  const [reason, setReason] = useState('');
  // Closed until asked for: a form under every answer would bury the answers, on a phone above all.
  const [open, setOpen] = useState(false);
  const review = useMutation(trpc.chatbot.review.mutationOptions());
  if (result.reviewDecision) {
    return (
      <p className="text-xs text-fg-muted">
        {result.reviewDecision === 'accepted' ? 'Accepted' : 'Reviewed'} by {result.reviewedBy ?? 'a former member'}
        {result.reviewedAt ? ` on ${result.reviewedAt.toLocaleDateString('en-GB', { dateStyle: 'medium' })}` : ''}: {result.reviewReason}
      </p>
    );
  }
  if (!canReview) return null;
  if (!open) {
    return (
      <div>
        <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
          Review this answer
        </Button>
      </div>
    );
  }
  return (
    <form
      className="grid gap-2 sm:grid-cols-[10rem_1fr_auto] sm:items-start"
      aria-label={`Review the answer to ${result.title}`}
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await review.mutateAsync({ projectId, resultId: result.id, decision, reason });
          await client.invalidateQueries({ queryKey: trpc.chatbot.pathKey() });
          toast.success(decision === 'accepted' ? 'Answer accepted' : 'Answer reviewed');
        } catch (error) {
          toast.error('Could not save the review', messageOf(error));
        }
      }}
    >
      <Select aria-label="Decision" value={decision} onChange={(e) => setDecision(e.target.value as 'reviewed' | 'accepted')}>
        <option value="reviewed">Reviewed</option>
        <option value="accepted">Accepted as it is</option>
      </Select>
      <Textarea aria-label="Reason" rows={1} placeholder="Why (at least a sentence)" value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="secondary" loading={review.isPending}>
          Save review
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function RunResults({ projectId, run, canReview }: { projectId: string; run: RunDetail; canReview: boolean }) {
  return (
    <div className="grid gap-3" id={`chatbot-run-${run.id}`}>
      {run.changes.length > 0 ? (
        <div className="rounded-control bg-surface-muted p-3 text-sm">
          <p className="font-medium text-fg">Since the previous run</p>
          <ul className="mt-1 grid list-disc gap-0.5 pl-5 text-fg" aria-label="Changes since the previous run">
            {run.changes.map((change) => (
              <li key={change.promptId} className="wrap-anywhere">
                {change.title}: {CHANGE_WORDS[change.change]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="grid gap-3" aria-label="Prompt results">
        {run.results.map((result) => (
          <li key={result.id} className="grid gap-2 rounded-control border border-border p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="min-w-0 font-medium wrap-anywhere text-fg">
                {result.title} <span className="text-xs font-normal text-fg-muted">· {PROMPT_CATEGORY_LABELS[result.category]} · {result.severity}</span>
              </span>
              <Badge tone={STATUS[result.status].tone} dot>
                {STATUS[result.status].label}
              </Badge>
            </div>
            <p className="text-sm wrap-anywhere text-fg-muted">Asked: {result.prompt}</p>
            {result.answer !== null ? (
              <blockquote className="rounded-control bg-surface-sunken p-2 text-sm whitespace-pre-wrap wrap-anywhere text-fg">{result.answer}</blockquote>
            ) : null}
            <p className="text-xs text-fg-muted">
              {result.totalMs !== null
                ? `${replyTimes(result.format, result.firstTextMs, result.totalMs)}${result.format ? ` (${FORMAT_WORDS[result.format]})` : ''}.`
                : result.httpStatus
                  ? `Answered ${result.httpStatus}.`
                  : 'No reply.'}
            </p>
            <ul className="grid gap-1 text-sm" aria-label={`Expectations for ${result.title}`}>
              {result.outcomes.map((o, index) => (
                <li key={`${o.kind}-${index}`} className="flex items-start gap-2">
                  <Badge tone={o.passed === true ? 'success' : o.passed === false ? 'danger' : 'neutral'}>{o.passed === true ? 'ok' : o.passed === false ? 'fail' : 'not judged'}</Badge>
                  {/* Labels quote patterns, which can be one long unbroken token. */}
                  <span className="min-w-0 wrap-anywhere text-fg">
                    {o.label} — <span className="text-fg-muted">{o.detail}</span>
                  </span>
                </li>
              ))}
            </ul>
            <Review projectId={projectId} result={result} canReview={canReview} />
          </li>
        ))}
      </ul>
    </div>
  );
}
