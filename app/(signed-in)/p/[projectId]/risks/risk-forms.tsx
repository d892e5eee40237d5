'use client';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ImpactValue, SeverityValue } from '@/components/roadmap/labels';
import { ImpactField, SeverityField } from '@/components/roadmap/severity-impact-fields';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';

export function AddRiskForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.roadmap.addRisk.mutationOptions());
  const { errors, submit } = useFormAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    await submit(
      () =>
        add.mutateAsync({
        projectId,
        title: String(form.get('title')),
        severity: String(form.get('severity')) as SeverityValue,
        impact: String(form.get('impact')) as ImpactValue,
        ownerName: String(form.get('ownerName') ?? '') || null,
        deadline: String(form.get('deadline') ?? '') || null,
      }),
      { success: 'Risk added', failure: 'Could not add the risk', reset: formElement },
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Add a risk</CardTitle>
      </CardHeader>
      <CardContent>
        <form method="post" onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" noValidate aria-label="Add a risk">
          <Field label="Risk" error={errors.title} className="sm:col-span-2 lg:col-span-3">
            <Input name="title" maxLength={200} required placeholder="e.g. Only one person can deploy" />
          </Field>
          <SeverityField defaultValue="high" error={errors.severity} />
          <ImpactField defaultValue="operations" error={errors.impact} />
          <Field label="Owner" optional error={errors.ownerName}>
            <Input name="ownerName" maxLength={80} />
          </Field>
          <Field label="Deadline" optional error={errors.deadline}>
            <Input name="deadline" type="date" />
          </Field>
          <div className="sm:col-span-2 lg:col-span-3">
            <Button type="submit" variant="secondary" loading={add.isPending}>
              Add risk
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

export function RiskStatusButton({ projectId, riskId }: { projectId: string; riskId: string }) {
  const trpc = useTRPC();
  const setStatus = useMutation(trpc.roadmap.setRiskStatus.mutationOptions());
  const { submit } = useFormAction();
  const close = (status: 'mitigated' | 'accepted') =>
    submit(() => setStatus.mutateAsync({ projectId, riskId, status }), { success: status === 'mitigated' ? 'Risk marked mitigated' : 'Risk accepted' });
  return (
    <div className="flex flex-wrap gap-2">
      <Button size="sm" variant="secondary" onClick={() => close('mitigated')}>
        Mark mitigated
      </Button>
      <Button size="sm" variant="ghost" onClick={() => close('accepted')}>
        Accept risk
      </Button>
    </div>
  );
}
