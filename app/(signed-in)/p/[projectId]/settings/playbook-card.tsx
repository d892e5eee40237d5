'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { messageOf, useTRPC } from '@/app/_lib/trpc';

type Props = {
  projectId: string;
  current: string | null;
  suggested: { id: string; reason: string };
  templates: { id: string; name: string; summary: string }[];
  updateAvailable: number | null;
};

/** Which playbook the roadmap follows: switch it before work starts, or take a newer version of it. */
export function PlaybookCard({ projectId, current, suggested, templates, updateAvailable }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [choice, setChoice] = useState(current ?? suggested.id);
  const change = useMutation(trpc.roadmap.changeTemplate.mutationOptions());
  const update = useMutation(trpc.roadmap.applyTemplateUpdate.mutationOptions());

  async function act(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      toast.success(done);
      router.refresh();
    } catch (error) {
      toast.error('That did not work', messageOf(error));
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Roadmap playbook</CardTitle>
        <CardDescription>Suggested for this product: {templates.find((t) => t.id === suggested.id)?.name}. {suggested.reason}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {updateAvailable ? (
          <Alert
            tone="info"
            title={`Version ${updateAvailable} of this playbook is out`}
            action={
              <Button size="sm" variant="secondary" loading={update.isPending} onClick={() => act(() => update.mutateAsync({ projectId }), 'Roadmap updated')}>
                Apply update
              </Button>
            }
          >
            Wording and new items arrive; your statuses, owners, notes and evidence stay.
          </Alert>
        ) : null}
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field label="Playbook" className="grow">
            <Select value={choice} onChange={(e) => setChoice(e.target.value)}>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            variant="secondary"
            disabled={choice === current}
            loading={change.isPending}
            onClick={() => act(() => change.mutateAsync({ projectId, templateId: choice }), 'Playbook switched')}
          >
            Switch playbook
          </Button>
        </div>
        <p className="text-sm text-fg-muted">{templates.find((t) => t.id === choice)?.summary}</p>
      </CardContent>
    </Card>
  );
}
