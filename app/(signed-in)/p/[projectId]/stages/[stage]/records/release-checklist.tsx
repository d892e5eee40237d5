'use client';
/**
 * The release checklist: steps grouped by phase, ticked during a release and reset for the
 * next one. Readers see who ticked what; editors tick, add, edit and remove steps.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { CheckIcon } from '@/components/ui/icons';
import { Input } from '@/components/ui/input';
import { ProgressBar } from '@/components/ui/progress';
import { Select } from '@/components/ui/select';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import { RELEASE_PHASE_LABELS, RELEASE_PHASES, type ReleasePhase } from '@/server/records/vocabulary';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { dateTime } from './format';
import type { ReleasePhaseView, ReleaseStepView } from './types';

type Props = { projectId: string; phases: ReleasePhaseView[]; total: number; done: number; canEdit: boolean };

export function ReleaseChecklist({ projectId, phases, total, done, canEdit }: Props) {
  const trpc = useTRPC();
  const tick = useMutation(trpc.deployment.tickReleaseStep.mutationOptions());
  const reset = useMutation(trpc.deployment.resetReleaseChecklist.mutationOptions());
  const standard = useMutation(trpc.deployment.addStandardReleaseSteps.mutationOptions());
  const remove = useMutation(trpc.deployment.removeReleaseStep.mutationOptions());
  const { submit } = useFormAction();
  const [editing, setEditing] = useState<ReleaseStepView | null>(null);

  // The box flips at once; if the server refuses, it flips back.
  async function onTick(step: ReleaseStepView, box: HTMLInputElement) {
    const checked = box.checked;
    const ok = await submit(() => tick.mutateAsync({ projectId, stepId: step.id, done: checked }), { failure: 'Could not tick the step' });
    if (!ok) box.checked = !checked;
  }
  const addStandard = () => submit(() => standard.mutateAsync({ projectId }), { success: 'Standard steps added', successDetail: 'Edit or remove any that do not fit.' });

  return (
    <Card>
      <CardHeader
        actions={
          canEdit && total > 0 ? (
            <ConfirmButton
              variant="secondary"
              label="Reset for the next release"
              title="Reset the release checklist?"
              description="Every tick is cleared so the next release starts from an empty list. The steps stay."
              confirmLabel="Reset"
              pending={reset.isPending}
              onConfirm={() => submit(() => reset.mutateAsync({ projectId }), { success: 'Checklist reset for the next release' })}
            />
          ) : null
        }
      >
        <CardTitle>Release checklist</CardTitle>
        <CardDescription>Tick each step as you release: build, migrate, verify, and know how to roll back. Reset it when the release is done.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {total === 0 ? (
          <EmptyState
            titleAs="h3"
            title="No release steps yet"
            description="Start from the usual steps for a web product and adapt them, or add your own below."
            action={
              canEdit ? (
                <Button variant="secondary" onClick={addStandard} loading={standard.isPending}>
                  Add the usual steps
                </Button>
              ) : null
            }
          />
        ) : (
          <>
            <div className="grid gap-1.5">
              <p className="text-sm text-fg">
                {done === total ? 'Every step is ticked for this release.' : `${done} of ${total} steps ticked for this release.`}
              </p>
              <ProgressBar value={(done / total) * 100} label="Release checklist progress" tone={done === total ? 'success' : 'brand'} />
            </div>
            <div className="grid gap-4 md:grid-cols-2">
              {phases.map(({ phase, steps }) => (
                <section key={phase} aria-labelledby={`phase-${phase}`} className="grid content-start gap-2">
                  <h3 id={`phase-${phase}`} className="text-sm font-semibold text-fg">
                    {RELEASE_PHASE_LABELS[phase]}
                  </h3>
                  {steps.length === 0 ? <p className="text-sm text-fg-muted">No steps.</p> : null}
                  <ul className="grid gap-2">
                    {steps.map((step) => (
                      <li key={step.id} className="flex items-start justify-between gap-2 rounded-control border border-border px-3 py-2">
                        <div className="min-w-0">
                          {canEdit ? (
                            <Checkbox
                              key={`${step.id}:${step.checkedAt ?? ''}`}
                              label={step.title}
                              defaultChecked={step.checkedAt !== null}
                              onChange={(e) => void onTick(step, e.currentTarget)}
                            />
                          ) : (
                            <p className="flex items-start gap-2.5 text-sm font-medium text-fg">
                              <span aria-hidden="true" className={cn('mt-0.5 flex size-4 shrink-0 items-center justify-center', step.checkedAt ? 'text-success-600' : 'text-fg-subtle')}>
                                {step.checkedAt ? <CheckIcon className="size-4" /> : '○'}
                              </span>
                              <span>
                                {step.title}
                                <span className="sr-only">{step.checkedAt ? ' (done)' : ' (not done)'}</span>
                              </span>
                            </p>
                          )}
                          {step.checkedAt ? (
                            <p className="mt-0.5 pl-6.5 text-xs text-fg-muted">
                              Ticked {dateTime(step.checkedAt)}
                              {step.checkedBy ? ` by ${step.checkedBy}` : ''}
                            </p>
                          ) : null}
                        </div>
                        {canEdit ? (
                          <div className="flex shrink-0">
                            <Button variant="ghost" size="sm" onClick={() => setEditing(step)} aria-label={`Edit “${step.title}”`}>
                              Edit
                            </Button>
                            <ConfirmButton
                              label="Remove"
                              aria-label={`Remove “${step.title}”`}
                              title="Remove this step?"
                              description={step.title}
                              confirmLabel="Remove"
                              pending={remove.isPending}
                              onConfirm={() => submit(() => remove.mutateAsync({ projectId, stepId: step.id }), { success: 'Step removed' })}
                            />
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          </>
        )}
        {canEdit ? <StepForm projectId={projectId} /> : null}
      </CardContent>
      {canEdit ? (
        <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title="Edit the step">
          {editing ? <StepForm projectId={projectId} step={editing} onDone={() => setEditing(null)} /> : null}
        </Dialog>
      ) : null}
    </Card>
  );
}

/** Adds a step (under the list) or edits one (in the dialog). */
function StepForm({ projectId, step, onDone }: { projectId: string; step?: ReleaseStepView; onDone?: () => void }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.deployment.addReleaseStep.mutationOptions());
  const update = useMutation(trpc.deployment.updateReleaseStep.mutationOptions());
  const { errors, submit } = useFormAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const fields = { phase: String(form.get('phase')) as ReleasePhase, title: String(form.get('title') ?? '') };
    const ok = await submit(() => (step ? update.mutateAsync({ projectId, stepId: step.id, ...fields }) : add.mutateAsync({ projectId, ...fields })), {
      success: step ? 'Step saved' : 'Step added',
      reset: step ? undefined : formElement,
    });
    if (ok) onDone?.();
  }

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label={step ? 'Edit the step' : 'Add a release step'}
      className={step ? 'grid gap-3' : 'grid gap-3 border-t border-border pt-4 sm:grid-cols-[12rem_1fr_auto] sm:items-start'}
    >
      <Field label="Phase" error={errors.phase}>
        <Select name="phase" defaultValue={step?.phase ?? 'verify'}>
          {RELEASE_PHASES.map((p) => (
            <option key={p} value={p}>
              {RELEASE_PHASE_LABELS[p]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={step ? 'Step' : 'New step'} error={errors.title}>
        <Input name="title" defaultValue={step?.title ?? ''} maxLength={200} placeholder="e.g. Try a checkout on production" required />
      </Field>
      <div className={step ? 'flex justify-end gap-2' : 'sm:mt-6'}>
        {step ? (
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" variant={step ? 'primary' : 'secondary'} loading={add.isPending || update.isPending}>
          {step ? 'Save' : 'Add step'}
        </Button>
      </div>
    </form>
  );
}
