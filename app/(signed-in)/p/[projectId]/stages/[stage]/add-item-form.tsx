'use client';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { ImpactValue, SeverityValue } from '@/components/roadmap/labels';
import { ImpactField, SeverityField } from '@/components/roadmap/severity-impact-fields';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { StageKey } from '@/lib/vocabulary/projects';
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
          <SeverityField defaultValue="medium" error={errors.severity} />
          <ImpactField defaultValue="operations" error={errors.impact} />
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
