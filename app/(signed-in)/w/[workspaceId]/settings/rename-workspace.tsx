'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { fieldErrorsOf, useTRPC } from '@/app/_lib/trpc';

export function RenameWorkspace({ workspaceId, name }: { workspaceId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string | undefined>();
  const rename = useMutation(trpc.workspace.rename.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await rename.mutateAsync({ workspaceId, name: String(new FormData(event.currentTarget).get('name')) });
      setError(undefined);
      toast.success('Workspace renamed');
      router.refresh();
    } catch (failure) {
      setError(fieldErrorsOf(failure).name);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Workspace name</CardTitle>
      </CardHeader>
      <CardContent>
        <form method="post" onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
          <Field label="Name" error={error} className="grow">
            <Input name="name" defaultValue={name} maxLength={80} required />
          </Field>
          <Button type="submit" className="sm:mt-6" variant="secondary" loading={rename.isPending}>
            Rename
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
