'use client';
/**
 * The Chatbot section (performance and perimeter stages of the AI playbooks): the request
 * template and the leak canary, the prompt set with the playbook's suggestions, runs against the
 * chat endpoint with their results, and the weekly re-run. Every figure is from a stored run,
 * with its date; nothing here is estimated.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { fieldErrorsOf, messageOf, useTRPC, type FieldErrors } from '@/app/_lib/trpc';
import { DEFAULT_CHAT_TEMPLATE } from '@/server/chat/template';
import { PROMPT_CATEGORY_LABELS } from '@/lib/vocabulary/chatbot';
import { EverydayForm } from './everyday-form';
import { PromptForm, type PromptDraft } from './prompt-form';
import { RunResults } from './run-results';

const when = (d: Date) => d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function SetUp({ projectId, settings, canEdit }: { projectId: string; settings: { requestTemplate: string; answerPath: string | null; scheduleEnabled: boolean; scheduleEveryDays: number } | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const toast = useToast();
  const [template, setTemplate] = useState(settings?.requestTemplate ?? DEFAULT_CHAT_TEMPLATE);
  const [answerPath, setAnswerPath] = useState(settings?.answerPath ?? '');
  const [scheduled, setScheduled] = useState(settings?.scheduleEnabled ?? true);
  const [days, setDays] = useState(String(settings?.scheduleEveryDays ?? 7));
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation(trpc.chatbot.saveSettings.mutationOptions());
  if (!canEdit) return null;
  return (
    <form
      className="grid gap-3"
      aria-label="Chat request set-up"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await save.mutateAsync({ projectId, requestTemplate: template, answerPath: answerPath || null, scheduleEnabled: scheduled, scheduleEveryDays: Number(days) || 7 });
          setErrors({});
          await client.invalidateQueries({ queryKey: trpc.chatbot.pathKey() });
          toast.success('Chatbot set-up saved');
        } catch (error) {
          setErrors(fieldErrorsOf(error));
          toast.error('Could not save', messageOf(error));
        }
      }}
    >
      <Field label="Request template" hint="The JSON body your chat endpoint expects; {{prompt}} marks where each question goes (it is escaped for JSON)." error={errors.requestTemplate}>
        <Textarea className="font-mono text-xs" rows={3} value={template} onChange={(e) => setTemplate(e.target.value)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Answer path" optional hint="Where the answer is in a JSON reply or event, e.g. choices.0.message.content. Empty: the usual places." error={errors.answerPath}>
          <Input value={answerPath} onChange={(e) => setAnswerPath(e.target.value)} />
        </Field>
        <div className="grid gap-2">
          <Checkbox label="Re-run the set on a schedule" checked={scheduled} onChange={(e) => setScheduled(e.target.checked)} hint="An alert goes to the project's alert channels when a critical prompt that passed now fails." />
          <Field label="Every (days)" error={errors.scheduleEveryDays}>
            <Input inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value.replace(/[^\d]/g, ''))} />
          </Field>
        </div>
      </div>
      <div>
        <Button type="submit" size="sm" loading={save.isPending}>
          Save set-up
        </Button>
      </div>
    </form>
  );
}

export function ChatbotPanel({ projectId, canEdit, canRun }: { projectId: string; canEdit: boolean; canRun: boolean }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const toast = useToast();
  const router = useRouter();
  const overview = useQuery(trpc.chatbot.overview.queryOptions({ projectId }));
  const [runId, setRunId] = useState<string | null>(null);
  const shownRunId = runId ?? overview.data?.runs[0]?.id ?? null;
  const run = useQuery({
    ...trpc.chatbot.run.queryOptions({ projectId, runId: shownRunId ?? '' }),
    enabled: shownRunId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
  const [adding, setAdding] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const invalidate = () => client.invalidateQueries({ queryKey: trpc.chatbot.pathKey() });
  const start = useMutation(trpc.chatbot.start.mutationOptions());
  const addPrompt = useMutation(trpc.chatbot.addPrompt.mutationOptions());
  const updatePrompt = useMutation(trpc.chatbot.updatePrompt.mutationOptions());
  const removePrompt = useMutation(trpc.chatbot.removePrompt.mutationOptions());
  const addSuggested = useMutation(trpc.chatbot.addSuggested.mutationOptions());
  const addEveryday = useMutation(trpc.chatbot.addEverydayQuestions.mutationOptions());
  const newCanary = useMutation(trpc.chatbot.newCanary.mutationOptions());

  const status = run.data?.status;
  const wasRunning = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to the run's status only; invalidate and router are stable for this purpose
  useEffect(() => {
    if (status === 'running') wasRunning.current = true;
    else if (wasRunning.current && status) {
      wasRunning.current = false;
      void invalidate();
      router.refresh();
    }
  }, [status]);

  const data = overview.data;
  if (!data) return null;
  const limits = data.limits;

  async function act<T>(label: string, action: () => Promise<T>, done?: string) {
    try {
      const value = await action();
      setErrors({});
      await invalidate();
      if (done) toast.success(done);
      return value;
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      toast.error(label, messageOf(error));
      return undefined;
    }
  }
  const save = (draft: PromptDraft, promptId?: string) =>
    act(
      'Could not save the prompt',
      async () => {
        if (promptId) await updatePrompt.mutateAsync({ projectId, promptId, ...draft });
        else await addPrompt.mutateAsync({ projectId, ...draft });
        return true;
      },
      'Prompt saved',
    ).then((ok) => {
      if (ok) {
        setAdding(false);
        setEditing(null);
      }
    });

  const target = data.targets.startMs ? `the reply starting within ${data.targets.startMs.toLocaleString('en')} ms` : `a complete reply within ${(data.targets.completeMs ?? 2000).toLocaleString('en')} ms`;
  const redTeam = data.prompts.filter((p) => p.category !== 'everyday').length;

  return (
    <Card id="chatbot">
      <CardHeader
        // On a phone the button goes under the description instead of squeezing it into a narrow column.
        className="max-sm:flex-wrap"
        actions={
          canRun ? (
            <Button
              size="sm"
              loading={start.isPending || status === 'running'}
              loadingText="Sending prompts…"
              onClick={async () => {
                const started = await act('Could not start the run', () => start.mutateAsync({ projectId }));
                if (started) {
                  wasRunning.current = true;
                  setRunId(started.runId);
                }
              }}
            >
              Run the prompt set
            </Button>
          ) : null
        }
      >
        <CardTitle>Chatbot</CardTitle>
        <CardDescription>
          Test prompts sent to your chat endpoint: everyday questions and {redTeam} red-team prompt{redTeam === 1 ? '' : 's'} (the playbooks ask for 10–20), judged against what each answer must do and against {target}. At most {limits.requestsPerHour} prompts an hour, two at a time, only to your verified domain.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <section aria-labelledby="chatbot-endpoint" className="grid gap-3">
          <h3 id="chatbot-endpoint" className="text-sm font-semibold text-fg">
            Endpoint and set-up
          </h3>
          <p className="text-sm text-fg">
            {data.endpoint ? (
              <>
                Chat endpoint: <code className="break-all">{data.endpoint.url}</code> ({data.endpoint.method === 'PUT' || data.endpoint.method === 'PATCH' ? data.endpoint.method : 'POST'}).
              </>
            ) : (
              'No chat endpoint yet: add it in project settings (kind "Chat").'
            )}{' '}
            {data.ownershipVerified ? 'Domain ownership verified.' : 'Prove you own the domain (project settings) before prompts can be sent.'}
          </p>
          <SetUp key={data.settings?.requestTemplate ?? 'new'} projectId={projectId} settings={data.settings} canEdit={canEdit} />
          {data.settings?.canary ? (
            <div className="grid gap-1 rounded-control border border-border p-3 text-sm">
              <p className="font-medium text-fg">Leak canary</p>
              <p className="text-fg-muted">
                Put this line in your bot’s system prompt. It means nothing to anyone, so any answer that contains it — or a large part of it — fails, in every run, and counts as a critical finding.
              </p>
              {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the browser spec finds the canary by this name; a named region would be the real fix */}
              <code className="w-fit rounded-control bg-surface-sunken px-2 py-1 text-sm break-all" aria-label="Leak canary">
                {data.settings.canary}
              </code>
              {canEdit ? (
                <div>
                  <Button size="sm" variant="ghost" loading={newCanary.isPending} onClick={() => act('Could not make a new canary', () => newCanary.mutateAsync({ projectId }), 'New canary made: update your system prompt.')}>
                    Make a new canary
                  </Button>
                </div>
              ) : null}
            </div>
          ) : null}
        </section>

        <section aria-labelledby="chatbot-prompts" className="grid gap-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id="chatbot-prompts" className="text-sm font-semibold text-fg">
              Prompt set{data.settings ? ` · version ${data.settings.promptSetVersion}` : ''} · {data.prompts.length} prompt{data.prompts.length === 1 ? '' : 's'}
            </h3>
            {canEdit ? (
              <div className="flex flex-wrap gap-2">
                {data.suggestions.length > 0 ? (
                  <Button size="sm" variant="secondary" loading={addSuggested.isPending} onClick={() => act('Could not add the suggestions', () => addSuggested.mutateAsync({ projectId }), 'Suggested prompts added')}>
                    Add {data.suggestions.length} suggested prompt{data.suggestions.length === 1 ? '' : 's'}
                  </Button>
                ) : null}
                <Button size="sm" variant="secondary" onClick={() => setPasting(true)}>
                  Add everyday questions
                </Button>
                <Button size="sm" variant="secondary" onClick={() => setAdding(true)}>
                  Add a prompt
                </Button>
              </div>
            ) : null}
          </div>
          {pasting ? (
            <EverydayForm
              defaults={data.everydayDefaults}
              busy={addEveryday.isPending}
              errors={errors}
              onCancel={() => setPasting(false)}
              onSubmit={async (draft) => {
                const added = await act('Could not add the questions', () => addEveryday.mutateAsync({ projectId, ...draft }));
                if (!added) return;
                setPasting(false);
                toast.success(
                  `${added.added} everyday question${added.added === 1 ? '' : 's'} added`,
                  added.skipped > 0 ? `${added.skipped} ${added.skipped === 1 ? 'was' : 'were'} already in the set.` : undefined,
                );
              }}
            />
          ) : null}
          {adding ? <PromptForm submitLabel="Add prompt" busy={addPrompt.isPending} errors={errors} refusalPhrases={limits.refusalPhrases} onSubmit={(draft) => void save(draft)} onCancel={() => setAdding(false)} /> : null}
          {data.prompts.length === 0 ? <p className="text-sm text-fg-muted">No prompts yet. Start with the suggested ones, then add the questions your users ask most.</p> : null}
          <ol className="grid gap-2" aria-label="Prompts">
            {data.prompts.map((p) => (
              <li key={p.id} className="rounded-control border border-border p-3 text-sm">
                {editing === p.id ? (
                  <PromptForm initial={p} submitLabel="Save prompt" busy={updatePrompt.isPending} errors={errors} refusalPhrases={limits.refusalPhrases} onSubmit={(draft) => void save(draft, p.id)} onCancel={() => setEditing(null)} />
                ) : (
                  <div className="flex flex-wrap items-start justify-between gap-2 sm:flex-nowrap">
                    <div className="grid min-w-0 gap-0.5 wrap-anywhere">
                      <span className="font-medium text-fg">
                        {p.title} <Badge tone={p.severity === 'critical' || p.severity === 'high' ? 'danger' : 'neutral'}>{p.severity}</Badge>
                      </span>
                      <span className="text-xs text-fg-muted">{PROMPT_CATEGORY_LABELS[p.category]}</span>
                      <span className="text-fg-muted">{p.prompt}</span>
                    </div>
                    {canEdit ? (
                      <div className="flex gap-1">
                        <Button size="sm" variant="ghost" onClick={() => setEditing(p.id)}>
                          Edit
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => act('Could not remove the prompt', () => removePrompt.mutateAsync({ projectId, promptId: p.id }), 'Prompt removed')}>
                          Remove
                        </Button>
                      </div>
                    ) : null}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="chatbot-runs" className="grid gap-3">
          <h3 id="chatbot-runs" className="text-sm font-semibold text-fg">
            Runs
          </h3>
          {data.runs.length === 0 ? <p className="text-sm text-fg-muted">Not run yet.</p> : null}
          {data.runs.length > 1 ? (
            <ol className="flex flex-wrap gap-2 text-xs" aria-label="Earlier runs">
              {data.runs.map((r) => (
                <li key={r.id}>
                  <button type="button" className={r.id === shownRunId ? 'font-semibold text-fg underline' : 'text-brand-700 hover:underline'} onClick={() => setRunId(r.id)}>
                    {when(r.startedAt)} · {r.summary ? `${r.summary.passed}/${r.summary.total} passed` : r.status}
                    {r.trigger === 'schedule' ? ' (scheduled)' : ''}
                  </button>
                </li>
              ))}
            </ol>
          ) : null}
          {data.settings?.nextRunAt ? <p className="text-xs text-fg-muted">Next scheduled run: {when(data.settings.nextRunAt)} UTC.</p> : null}
          {run.data ? (
            <div className="grid gap-3">
              <p className="text-sm font-medium text-fg" role="status">
                {run.data.status === 'running'
                  ? 'Sending prompts…'
                  : run.data.status === 'failed'
                    ? (run.data.error ?? 'The run stopped before it finished.')
                    : `Run of ${when(run.data.startedAt)} UTC${run.data.startedBy ? ` by ${run.data.startedBy}` : run.data.trigger === 'schedule' ? ' (scheduled)' : ''}: ${run.data.summary?.passed ?? 0} of ${run.data.summary?.total ?? 0} prompts passed, ${run.data.summary?.failed ?? 0} failed${run.data.summary?.errored ? `, ${run.data.summary.errored} got no answer` : ''}; p95 complete reply ${run.data.summary?.p95TotalMs?.toLocaleString('en') ?? '—'} ms.`}
              </p>
              {run.data.status === 'done' ? (
                <p className="text-sm text-fg-muted">
                  Verdict for the checklist: {run.data.verdict.status === 'pass' ? 'passed' : run.data.verdict.status === 'fail' ? 'failed' : 'not yet'}
                  {run.data.verdict.reasons.length > 0 ? ` — ${run.data.verdict.reasons.join(' ')}` : '.'}
                </p>
              ) : null}
              {run.data.status !== 'running' ? <RunResults projectId={projectId} run={run.data} canReview={canEdit} /> : null}
            </div>
          ) : null}
        </section>
      </CardContent>
    </Card>
  );
}
