'use client';
/**
 * Creates or changes a journey: ordered steps, each a request with its checks and the values it
 * captures for later steps. Headers and captures are one per line, so the editor stays a single
 * column that fits a phone. The server validates everything (addresses, placeholders, secrets).
 */
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { fieldErrorsOf, messageOf, useTRPC, type FieldErrors } from '@/app/_lib/trpc';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type CaptureFrom = 'json' | 'header' | 'form-field';

export type EditorStep = {
  name: string;
  method: Method;
  url: string;
  headers: { name: string; value: string }[];
  body: string | null;
  expect: { status: string; jsonPath: string | null; jsonEquals: string | null; keyword: string | null; maxMs: number | null };
  captures: { name: string; from: CaptureFrom; path: string }[];
  timeoutMs: number;
};
export type EditorInitial = { id: string; name: string; kind: 'sign-in' | 'api' | 'browser'; intervalSeconds: number; targetSuccessPercent: number | null; steps: EditorStep[] };

/** What the editor holds per step: the structured fields plus the two one-per-line texts. */
type Draft = Omit<EditorStep, 'headers' | 'captures' | 'expect'> & { headersText: string; capturesText: string; status: string; jsonPath: string; jsonEquals: string; keyword: string; maxMs: string };

const toDraft = (s: EditorStep): Draft => ({
  name: s.name,
  method: s.method,
  url: s.url,
  body: s.body,
  timeoutMs: s.timeoutMs,
  headersText: s.headers.map((h) => `${h.name}: ${h.value}`).join('\n'),
  capturesText: s.captures.map((c) => `${c.name} = ${c.from} ${c.path}`).join('\n'),
  status: s.expect.status,
  jsonPath: s.expect.jsonPath ?? '',
  jsonEquals: s.expect.jsonEquals ?? '',
  keyword: s.expect.keyword ?? '',
  maxMs: s.expect.maxMs === null ? '' : String(s.expect.maxMs),
});

const blank = (origin: string): Draft => toDraft({ name: 'Load a page', method: 'GET', url: `${origin}/`, headers: [], body: null, expect: { status: 'success', jsonPath: null, jsonEquals: null, keyword: null, maxMs: null }, captures: [], timeoutMs: 10_000 });

function fromDraft(d: Draft): EditorStep {
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    name: d.name,
    method: d.method,
    url: d.url,
    timeoutMs: d.timeoutMs,
    body: d.method === 'GET' || !d.body?.trim() ? null : d.body,
    headers: lines(d.headersText).map((line) => {
      const at = line.indexOf(':');
      return at < 0 ? { name: line, value: '' } : { name: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
    }),
    // "token = json data.token" · "csrf = form-field csrf_token" · "rid = header x-request-id"
    captures: lines(d.capturesText).map((line) => {
      const match = /^([^=\s]+)\s*=\s*(json|header|form-field)\s+(.+)$/.exec(line);
      return match ? { name: match[1]!, from: match[2] as CaptureFrom, path: match[3]!.trim() } : { name: line, from: 'json' as const, path: '' };
    }),
    expect: { status: d.status.trim() || 'success', jsonPath: d.jsonPath.trim() || null, jsonEquals: d.jsonEquals.trim() || null, keyword: d.keyword.trim() || null, maxMs: d.maxMs.trim() ? Number(d.maxMs) : null },
  };
}

export function JourneyEditor({ projectId, origin, initial, kind }: { projectId: string; origin: string; initial?: EditorInitial; kind: 'sign-in' | 'api' }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const create = useMutation(trpc.journeys.create.mutationOptions());
  const update = useMutation(trpc.journeys.update.mutationOptions());
  const [steps, setSteps] = useState<Draft[]>(() => (initial ? initial.steps.map(toDraft) : [blank(origin)]));
  const [errors, setErrors] = useState<FieldErrors>({});

  const change = (index: number, patch: Partial<Draft>) => setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1) =>
    setSteps((all) => {
      const next = [...all];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step!);
      return next;
    });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = String(form.get('targetSuccessPercent') ?? '').trim();
    const fields = {
      name: String(form.get('name') ?? ''),
      kind: initial?.kind === 'browser' ? ('api' as const) : (initial?.kind ?? kind),
      steps: steps.map(fromDraft),
      intervalSeconds: Number(String(form.get('intervalMinutes') ?? '5') || '5') * 60,
      targetSuccessPercent: target ? Number(target) : null,
    };
    try {
      const saved = initial ? await update.mutateAsync({ projectId, journeyId: initial.id, fields }) : await create.mutateAsync({ projectId, ...fields });
      toast.success(initial ? 'Journey saved' : 'Journey created', initial ? undefined : 'Its first run starts within one interval.');
      setErrors({});
      router.push(`/p/${projectId}/monitors/journeys/${saved.id}`);
      router.refresh();
    } catch (error) {
      const found = Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([k, v]) => [k.replace(/^fields\./, ''), v]));
      setErrors(found);
      toast.error(initial ? 'Could not save the journey' : 'Could not create the journey', Object.keys(found).length > 0 ? 'Look at the fields marked below.' : messageOf(error));
    }
  }

  const err = (i: number, ...path: string[]) => {
    const prefix = `steps.${i}.${path.join('.')}`;
    const hit = Object.entries(errors).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`));
    return hit.length > 0 ? hit.map(([, v]) => v) : undefined;
  };

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={initial ? 'Change journey' : 'New journey'} className="grid max-w-3xl gap-4">
      {errors._form || errors.steps ? (
        <Alert tone="danger" role="alert">
          {errors._form ?? errors.steps}
        </Alert>
      ) : null}
      <Field label="Name" error={errors.name}>
        <Input name="name" required maxLength={120} defaultValue={initial?.name ?? 'Dashboard API'} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Run every (minutes)" hint="1 to 60" error={errors.intervalSeconds}>
          <Input name="intervalMinutes" type="number" min={1} max={60} defaultValue={initial ? initial.intervalSeconds / 60 : 5} />
        </Field>
        <Field label="Success-rate target (%)" hint="Empty: more than 99 %, the playbooks’ sign-in target." optional error={errors.targetSuccessPercent}>
          <Input name="targetSuccessPercent" type="number" min={50} max={100} step="0.1" defaultValue={initial?.targetSuccessPercent ?? undefined} />
        </Field>
      </div>
      <p className="text-sm text-fg-muted">
        Steps run in order and share cookies. Use <code>{'{{vars.name}}'}</code> for a value an earlier step captured and <code>{'{{secret.NAME}}'}</code> for a stored secret such as a test
        account’s password — never paste the password itself.
      </p>
      <ol className="grid gap-4">
        {steps.map((step, i) => (
          <li key={i}>
            <fieldset className="grid gap-3 rounded-lg border border-border p-3 sm:p-4">
              <legend className="px-1 text-sm font-semibold">Step {i + 1}</legend>
              <Field label="What this step does" error={err(i, 'name')}>
                <Input value={step.name} onChange={(e) => change(i, { name: e.target.value })} maxLength={80} />
              </Field>
              <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
                <Field label="Method" error={err(i, 'method')}>
                  <Select value={step.method} onChange={(e) => change(i, { method: e.target.value as Method })}>
                    {METHODS.map((m) => (
                      <option key={m}>{m}</option>
                    ))}
                  </Select>
                </Field>
                <Field label="Address" error={err(i, 'url')}>
                  <Input value={step.url} onChange={(e) => change(i, { url: e.target.value })} inputMode="url" />
                </Field>
              </div>
              <Field label="Headers, one per line" hint="name: value — e.g. authorization: Bearer {{vars.token}}" optional error={err(i, 'headers')}>
                <Textarea rows={2} value={step.headersText} onChange={(e) => change(i, { headersText: e.target.value })} />
              </Field>
              {step.method !== 'GET' ? (
                <Field label="Body" hint="JSON or form fields; values filled in are escaped to fit." optional error={err(i, 'body')}>
                  <Textarea rows={3} value={step.body ?? ''} onChange={(e) => change(i, { body: e.target.value })} />
                </Field>
              ) : null}
              <div className="grid gap-3 sm:grid-cols-3">
                <Field label="Expected status" hint="success, no-server-error or a code" error={err(i, 'expect', 'status')}>
                  <Input value={step.status} onChange={(e) => change(i, { status: e.target.value })} />
                </Field>
                <Field label="Time limit (ms)" optional error={err(i, 'expect', 'maxMs')}>
                  <Input type="number" min={10} max={60000} value={step.maxMs} onChange={(e) => change(i, { maxMs: e.target.value })} />
                </Field>
                <Field label="Text the answer contains" optional error={err(i, 'expect', 'keyword')}>
                  <Input value={step.keyword} onChange={(e) => change(i, { keyword: e.target.value })} />
                </Field>
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label="JSON path that must exist" hint="e.g. user.email or items.0.id" optional error={err(i, 'expect', 'jsonPath')}>
                  <Input value={step.jsonPath} onChange={(e) => change(i, { jsonPath: e.target.value })} />
                </Field>
                <Field label="…and equal" optional error={err(i, 'expect', 'jsonEquals')}>
                  <Input value={step.jsonEquals} onChange={(e) => change(i, { jsonEquals: e.target.value })} />
                </Field>
              </div>
              <Field label="Values to keep for later steps, one per line" hint="token = json data.token · csrf = form-field csrf_token · rid = header x-request-id" optional error={err(i, 'captures')}>
                <Textarea rows={2} value={step.capturesText} onChange={(e) => change(i, { capturesText: e.target.value })} />
              </Field>
              <div className="flex flex-wrap gap-2">
                <Button type="button" variant="ghost" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move up (step ${i + 1})`}>
                  Move up
                </Button>
                <Button type="button" variant="ghost" size="sm" disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={`Move down (step ${i + 1})`}>
                  Move down
                </Button>
                <Button type="button" variant="ghost" size="sm" disabled={steps.length === 1} onClick={() => setSteps((all) => all.filter((_, k) => k !== i))} aria-label={`Remove (step ${i + 1})`}>
                  Remove
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" disabled={steps.length >= 10} onClick={() => setSteps((all) => [...all, blank(origin)])}>
          Add a step
        </Button>
        <Button type="submit" loading={create.isPending || update.isPending} loadingText="Saving…">
          {initial ? 'Save changes' : 'Create journey'}
        </Button>
      </div>
    </form>
  );
}
