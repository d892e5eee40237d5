'use client';
/**
 * Creates or changes a browser journey: ordered actions run in real Chromium — open a page, type
 * into a field, press a button or link, then check the text shown or the address reached. One
 * column, so it fits a phone. The server validates everything (addresses, secrets, order).
 */
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { fieldErrorsOf, messageOf, useTRPC, type FieldErrors } from '@/app/_lib/trpc';

type Action = 'visit' | 'fill' | 'click' | 'expect-text' | 'expect-url';
export type BrowserEditorStep = { name: string; action: Action; target: string; value: string | null; timeoutMs: number };
export type BrowserEditorInitial = { id: string; name: string; intervalSeconds: number; targetSuccessPercent: number | null; browserSteps: BrowserEditorStep[] };

const ACTIONS: { value: Action; label: string; target: string; hint: string }[] = [
  { value: 'visit', label: 'Open a page', target: 'Address', hint: 'A full address, e.g. https://app.example.com/login' },
  { value: 'fill', label: 'Type into a field', target: 'Field', hint: 'Its label (Email) or a selector (#email)' },
  { value: 'click', label: 'Press a button or link', target: 'Button or link', hint: 'Its text (Sign in) or a selector (#submit)' },
  { value: 'expect-text', label: 'Check the page shows text', target: 'Text', hint: 'Words only a working page shows, e.g. Welcome back' },
  { value: 'expect-url', label: 'Check the address reached', target: 'Address or path', hint: '/dashboard, or a full address; * matches anything' },
];

const blank = (action: Action, origin: string): BrowserEditorStep => ({ name: action === 'visit' ? 'Open the sign-in page' : 'Next step', action, target: action === 'visit' ? `${origin}/login` : '', value: null, timeoutMs: 10_000 });

export function BrowserJourneyEditor({ projectId, origin, initial }: { projectId: string; origin: string; initial?: BrowserEditorInitial }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const create = useMutation(trpc.journeys.create.mutationOptions());
  const update = useMutation(trpc.journeys.update.mutationOptions());
  const [steps, setSteps] = useState<BrowserEditorStep[]>(() => initial?.browserSteps ?? [blank('visit', origin)]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = (index: number, patch: Partial<BrowserEditorStep>) => setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));
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
      kind: 'browser' as const,
      steps: [],
      browserSteps: steps.map((s) => ({ ...s, value: s.action === 'fill' ? (s.value ?? '') : null })),
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
  const err = (i: number, field: string) => errors[`browserSteps.${i}.${field}`];

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={initial ? 'Change browser journey' : 'New browser journey'} className="grid max-w-3xl gap-4">
      {errors._form || errors.browserSteps ? (
        <Alert tone="danger" role="alert">
          {errors._form ?? errors.browserSteps}
        </Alert>
      ) : null}
      <Field label="Name" error={errors.name}>
        <Input name="name" required maxLength={120} defaultValue={initial?.name ?? 'Sign in in a browser'} />
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
        Steps run in order in a real browser, starting with “Open a page”. Type a test account’s password as <code>{'{{secret.NAME}}'}</code> (a stored secret) — never paste the password
        itself. When a step fails, a screenshot of that moment is kept.
      </p>
      <ol className="grid gap-4">
        {steps.map((step, i) => {
          const meta = ACTIONS.find((a) => a.value === step.action)!;
          return (
            <li key={i}>
              <fieldset className="grid gap-3 rounded-lg border border-border p-3 sm:p-4">
                <legend className="px-1 text-sm font-semibold">Step {i + 1}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field label="Action" error={err(i, 'action')}>
                    <Select value={step.action} onChange={(e) => change(i, { action: e.target.value as Action })}>
                      {ACTIONS.map((a) => (
                        <option key={a.value} value={a.value}>
                          {a.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label="What this step does" error={err(i, 'name')}>
                    <Input value={step.name} onChange={(e) => change(i, { name: e.target.value })} maxLength={80} />
                  </Field>
                </div>
                <Field label={meta.target} hint={meta.hint} error={err(i, 'target')}>
                  <Input value={step.target} onChange={(e) => change(i, { target: e.target.value })} inputMode={step.action === 'visit' ? 'url' : undefined} />
                </Field>
                {step.action === 'fill' ? (
                  <Field label="Value to type" hint="e.g. qa@example.com, or {{secret.QA_PASSWORD}}" error={err(i, 'value')}>
                    <Input value={step.value ?? ''} onChange={(e) => change(i, { value: e.target.value })} autoComplete="off" />
                  </Field>
                ) : null}
                <Field label="Time limit (seconds)" hint="1 to 30" error={err(i, 'timeoutMs')}>
                  <Input type="number" min={1} max={30} value={step.timeoutMs / 1000} onChange={(e) => change(i, { timeoutMs: Math.round(Number(e.target.value || '10') * 1000) })} />
                </Field>
                <div className="flex flex-wrap gap-2">
                  <Button type="button" variant="ghost" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move step ${i + 1} up`}>
                    Up
                  </Button>
                  <Button type="button" variant="ghost" size="sm" disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={`Move step ${i + 1} down`}>
                    Down
                  </Button>
                  <Button type="button" variant="ghost" size="sm" disabled={steps.length === 1} onClick={() => setSteps((all) => all.filter((_, k) => k !== i))} aria-label={`Remove step ${i + 1}`}>
                    Remove
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={steps.length >= 15} onClick={() => setSteps((all) => [...all, blank('expect-text', origin)])}>
          Add a step
        </Button>
        <Button type="submit" loading={create.isPending || update.isPending} loadingText="Saving…">
          {initial ? 'Save journey' : 'Create journey'}
        </Button>
      </div>
    </form>
  );
}
