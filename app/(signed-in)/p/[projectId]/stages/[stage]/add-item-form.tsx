'use client';
import { type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { IMPACT_LABELS, SEVERITY_LABELS, type ImpactValue, type SeverityValue } from '@/components/roadmap/labels';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { StageKey } from '@/server/projects/kinds';
import { useStageMutations } from './use-stage-mutations';

/** Adds an item the playbook did not have (e.g. a product-specific check). */
export function AddItemForm({ projectId, stageKey }: { projectId: string; stageKey: StageKey }) {
  const { addItem } = useStageMutations(stageKey);
  const { errors, submit } = useFormAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    await submit(
      () =>
        addItem.mutateAsync({
        projectId,
        title: String(form.get('title')),
        kind: String(form.get('kind')) as 'check' | 'deliverable',
        severity: String(form.get('severity')) as SeverityValue,
        impact: String(form.get('impact')) as ImpactValue,
      }),
      { success: 'Item added', failure: 'Could not add the item', reset: formElement },
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Add an item</CardTitle>
      </CardHeader>
      <CardContent>
        <form method="post" onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="Add an item">
          <Field label="Title" error={errors.title} className="sm:col-span-2">
            <Input name="title" maxLength={200} required />
          </Field>
          <Field label="Kind" error={errors.kind}>
            <Select name="kind" defaultValue="check">
              <option value="check">Check</option>
              <option value="deliverable">Deliverable</option>
            </Select>
          </Field>
          <Field label="Severity" error={errors.severity}>
            <Select name="severity" defaultValue="medium">
              {(Object.keys(SEVERITY_LABELS) as SeverityValue[]).map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_LABELS[s]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Business impact" error={errors.impact}>
            <Select name="impact" defaultValue="operations">
              {(Object.keys(IMPACT_LABELS) as ImpactValue[]).map((i) => (
                <option key={i} value={i}>
                  {IMPACT_LABELS[i]}
                </option>
              ))}
            </Select>
          </Field>
          <div className="sm:col-span-2">
            <Button type="submit" variant="secondary" loading={addItem.isPending}>
              Add item
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
