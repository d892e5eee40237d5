'use client';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { VerdictValue } from '@/components/roadmap/labels';

export function DecisionForm({ projectId, recommended }: { projectId: string; recommended: VerdictValue }) {
  const trpc = useTRPC();
  const decide = useMutation(trpc.roadmap.decide.mutationOptions());
  const { errors, submit } = useFormAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    await submit(() => decide.mutateAsync({ projectId, decision: String(form.get('decision')) as 'go' | 'no_go', reason: String(form.get('reason')) }), {
      success: 'Decision recorded',
      failure: 'Could not record the decision',
      reset: formElement,
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Record a decision</CardTitle>
      </CardHeader>
      <CardContent>
        <form method="post" onSubmit={onSubmit} className="grid gap-3" noValidate aria-label="Record a decision">
          <Field label="Decision" error={errors.decision}>
            <Select name="decision" defaultValue={recommended === 'go' ? 'go' : 'no_go'}>
              <option value="go">Go: put paying users on it</option>
              <option value="no_go">No-go: fix first</option>
            </Select>
          </Field>
          <Field label="Why" hint="A sentence or two the team will read later." error={errors.reason}>
            <Textarea name="reason" rows={3} maxLength={2000} required />
          </Field>
          <div>
            <Button type="submit" loading={decide.isPending}>
              Record decision
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
