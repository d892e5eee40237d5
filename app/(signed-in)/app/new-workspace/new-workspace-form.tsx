'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { fieldErrorsOf, useTRPC } from '@/app/_lib/trpc';

export function NewWorkspaceForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation(trpc.workspace.create.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name'));
    try {
      const workspace = await create.mutateAsync({ name });
      router.push(`/w/${workspace.id}`);
      router.refresh();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
    }
  }

  return (
    <Card>
      <CardContent>
        <form method="post" onSubmit={onSubmit} className="grid gap-4" noValidate>
          <Field label="Workspace name" hint="For example your studio or company name." error={errors.name}>
            <Input name="name" required maxLength={80} autoFocus />
          </Field>
          <div>
            <Button type="submit" loading={create.isPending} loadingText="Creating…">
              Create workspace
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
