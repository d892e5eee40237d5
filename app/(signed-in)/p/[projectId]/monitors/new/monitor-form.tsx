'use client';
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

const num = (form: FormData, name: string) => {
  const raw = String(form.get(name) ?? '').trim();
  return raw === '' ? undefined : Number(raw);
};

export function MonitorForm({ projectId, defaultUrl }: { projectId: string; defaultUrl: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const create = useMutation(trpc.monitoring.create.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [kind, setKind] = useState<'http' | 'certificate'>('http');
  const [status, setStatus] = useState('success');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const exact = String(form.get('exactStatus') ?? '').trim();
    try {
      const created = await create.mutateAsync({
        projectId,
        name: String(form.get('name') ?? ''),
        kind,
        url: String(form.get('url') ?? ''),
        method: (String(form.get('method') ?? 'GET') as 'GET' | 'HEAD' | 'POST'),
        expectedStatus: status === 'exact' ? exact : status,
        keyword: String(form.get('keyword') ?? '') || null,
        intervalSeconds: num(form, 'intervalSeconds') ?? 60,
        timeoutMs: (num(form, 'timeoutSeconds') ?? 10) * 1000,
        p95TargetMs: num(form, 'p95TargetMs') ?? null,
        failThreshold: num(form, 'failThreshold') ?? 2,
        recoverThreshold: num(form, 'recoverThreshold') ?? 2,
      });
      toast.success('Monitor created', 'Its first check runs within one interval.');
      router.push(`/p/${projectId}/monitors/${created.id}`);
      router.refresh();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors({ ...fields, timeoutSeconds: fields.timeoutMs ?? '' });
      if (Object.keys(fields).length === 0) toast.error('Could not create the monitor', messageOf(error));
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="New monitor" className="grid max-w-2xl gap-4">
      {errors._form ? <Alert tone="danger" role="alert">{errors._form}</Alert> : null}
      <Field label="What to check" error={errors.kind}>
        <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as 'http' | 'certificate')}>
          <option value="http">A web page or API address (HTTP/HTTPS)</option>
          <option value="certificate">Certificate expiry (checked daily)</option>
        </Select>
      </Field>
      <Field label="Name" error={errors.name}>
        <Input name="name" required maxLength={120} placeholder="e.g. Pricing page" />
      </Field>
      <Field label="Address" hint={kind === 'certificate' ? 'The site whose certificate to watch; you hear about it 14 days before it expires.' : 'The full address, including https://.'} error={errors.url}>
        <Input name="url" required defaultValue={defaultUrl} inputMode="url" />
      </Field>
      {kind === 'http' ? (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Method" error={errors.method}>
              <Select name="method" defaultValue="GET">
                <option>GET</option>
                <option>HEAD</option>
                <option>POST</option>
              </Select>
            </Field>
            <Field label="Counts as working when it answers" error={errors.expectedStatus} className="sm:col-span-2">
              <Select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="success">with 2xx or 3xx</option>
                <option value="no-server-error">with anything below 500 (forms, webhooks)</option>
                <option value="exact">with one exact status…</option>
              </Select>
            </Field>
          </div>
          {status === 'exact' ? (
            <Field label="Exact status" error={errors.expectedStatus}>
              <Input name="exactStatus" inputMode="numeric" placeholder="200" maxLength={3} />
            </Field>
          ) : null}
          <Field label="Text the page must contain (optional)" hint="Catches error pages that still answer 200." error={errors.keyword}>
            <Input name="keyword" maxLength={200} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Check every (seconds)" hint="30 to 300" error={errors.intervalSeconds}>
              <Input name="intervalSeconds" type="number" min={30} max={300} defaultValue={60} />
            </Field>
            <Field label="Give up after (seconds)" hint="1 to 30" error={errors.timeoutSeconds}>
              <Input name="timeoutSeconds" type="number" min={1} max={30} defaultValue={10} />
            </Field>
            <Field label="p95 target (ms, optional)" hint="Empty: the playbook's target" error={errors.p95TargetMs}>
              <Input name="p95TargetMs" type="number" min={10} max={60000} />
            </Field>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Down after this many failed checks in a row" error={errors.failThreshold}>
              <Input name="failThreshold" type="number" min={1} max={10} defaultValue={2} />
            </Field>
            <Field label="Back up after this many good checks in a row" error={errors.recoverThreshold}>
              <Input name="recoverThreshold" type="number" min={1} max={10} defaultValue={2} />
            </Field>
          </div>
        </>
      ) : null}
      <div>
        <Button type="submit" loading={create.isPending} loadingText="Creating…">
          Create monitor
        </Button>
      </div>
    </form>
  );
}
