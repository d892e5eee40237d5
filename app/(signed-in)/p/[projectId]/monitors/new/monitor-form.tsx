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
import { HeadersEditor, RequestAndAnswerFields, type HeaderRow, type RequestInitial } from './request-fields';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
const SENDS_BODY: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

const num = (form: FormData, name: string) => {
  const raw = String(form.get(name) ?? '').trim();
  return raw === '' ? undefined : Number(raw);
};

export type MonitorInitial = {
  id: string;
  name: string;
  kind: 'http' | 'certificate';
  url: string;
  method: string;
  expectedStatus: string;
  keyword: string | null;
  timeoutMs: number;
  intervalSeconds: number;
  p95TargetMs: number | null;
  failThreshold: number;
  recoverThreshold: number;
  headers: HeaderRow[];
} & RequestInitial;

const RULES = ['success', 'no-server-error'];

/** Creates a monitor, or changes one when `initial` is given. */
export function MonitorForm({ projectId, defaultUrl, initial }: { projectId: string; defaultUrl: string; initial?: MonitorInitial }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const create = useMutation(trpc.monitoring.create.mutationOptions());
  const update = useMutation(trpc.monitoring.update.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [kind, setKind] = useState<'http' | 'certificate'>(initial?.kind ?? 'http');
  const [method, setMethod] = useState<Method>((initial?.method as Method | undefined) ?? 'GET');
  const [headers, setHeaders] = useState<HeaderRow[]>(initial?.headers ?? []);
  const [status, setStatus] = useState(initial ? (RULES.includes(initial.expectedStatus) ? initial.expectedStatus : 'exact') : 'success');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const exact = String(form.get('exactStatus') ?? '').trim();
    try {
      const fields = {
        name: String(form.get('name') ?? ''),
        kind,
        url: String(form.get('url') ?? ''),
        method,
        headers: headers.filter((h) => h.name.trim() || h.value.trim()),
        body: SENDS_BODY.includes(method) ? String(form.get('body') ?? '') || null : null,
        jsonPath: String(form.get('jsonPath') ?? '') || null,
        jsonExpected: String(form.get('jsonExpected') ?? '') || null,
        maxLatencyMs: num(form, 'maxLatencyMs') ?? null,
        expectedStatus: status === 'exact' ? exact : status,
        keyword: String(form.get('keyword') ?? '') || null,
        intervalSeconds: num(form, 'intervalSeconds') ?? 60,
        timeoutMs: (num(form, 'timeoutSeconds') ?? 10) * 1000,
        p95TargetMs: num(form, 'p95TargetMs') ?? null,
        failThreshold: num(form, 'failThreshold') ?? 2,
        recoverThreshold: num(form, 'recoverThreshold') ?? 2,
      };
      const saved = initial ? await update.mutateAsync({ projectId, monitorId: initial.id, fields }) : await create.mutateAsync({ projectId, ...fields });
      if (initial) toast.success('Monitor saved');
      else toast.success('Monitor created', 'Its first check runs within one interval.');
      router.push(`/p/${projectId}/monitors/${saved.id}`);
      router.refresh();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const unprefixed = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^fields\./, ''), v]));
      setErrors(unprefixed.timeoutMs ? { ...unprefixed, timeoutSeconds: unprefixed.timeoutMs } : unprefixed);
      if (Object.keys(fields).length === 0) toast.error(initial ? 'Could not save the monitor' : 'Could not create the monitor', messageOf(error));
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={initial ? 'Change monitor' : 'New monitor'} className="grid max-w-2xl gap-4">
      {errors._form ? <Alert tone="danger" role="alert">{errors._form}</Alert> : null}
      <Field label="What to check" error={errors.kind}>
        <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as 'http' | 'certificate')}>
          <option value="http">A web page or API address (HTTP/HTTPS)</option>
          <option value="certificate">Certificate expiry (checked daily)</option>
        </Select>
      </Field>
      <Field label="Name" error={errors.name}>
        <Input name="name" required maxLength={120} placeholder="e.g. Pricing page" defaultValue={initial?.name} />
      </Field>
      <Field label="Address" hint={kind === 'certificate' ? 'The site whose certificate to watch; you hear about it 14 days before it expires.' : 'The full address, including https://.'} error={errors.url}>
        <Input name="url" required defaultValue={initial?.url ?? defaultUrl} inputMode="url" />
      </Field>
      {kind === 'http' ? (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Method" error={errors.method}>
              <Select name="method" value={method} onChange={(e) => setMethod(e.target.value as Method)}>
                {METHODS.map((m) => (
                  <option key={m}>{m}</option>
                ))}
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
              <Input name="exactStatus" inputMode="numeric" placeholder="200" maxLength={3} defaultValue={initial && !RULES.includes(initial.expectedStatus) ? initial.expectedStatus : undefined} />
            </Field>
          ) : null}
          <Field label="Text the page must contain (optional)" hint="Catches error pages that still answer 200." error={errors.keyword}>
            <Input name="keyword" maxLength={200} defaultValue={initial?.keyword ?? undefined} />
          </Field>
          <HeadersEditor headers={headers} onChange={setHeaders} errors={errors} />
          <RequestAndAnswerFields initial={initial} errors={errors} sendsBody={SENDS_BODY.includes(method)} />
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Check every (seconds)" hint="30 to 300" error={errors.intervalSeconds}>
              <Input name="intervalSeconds" type="number" min={30} max={300} defaultValue={initial && initial.kind === 'http' ? initial.intervalSeconds : 60} />
            </Field>
            <Field label="Give up after (seconds)" hint="1 to 30" error={errors.timeoutSeconds}>
              <Input name="timeoutSeconds" type="number" min={1} max={30} defaultValue={initial ? initial.timeoutMs / 1000 : 10} />
            </Field>
            <Field label="p95 target (ms, optional)" hint="Empty: the endpoint's, or the playbook's for its kind (common read, heavier action, chat)" error={errors.p95TargetMs}>
              <Input name="p95TargetMs" type="number" min={10} max={60000} defaultValue={initial?.p95TargetMs ?? undefined} />
            </Field>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Down after this many failed checks in a row" error={errors.failThreshold}>
              <Input name="failThreshold" type="number" min={1} max={10} defaultValue={initial?.failThreshold ?? 2} />
            </Field>
            <Field label="Back up after this many good checks in a row" error={errors.recoverThreshold}>
              <Input name="recoverThreshold" type="number" min={1} max={10} defaultValue={initial?.recoverThreshold ?? 2} />
            </Field>
          </div>
        </>
      ) : null}
      <div>
        <Button type="submit" loading={create.isPending || update.isPending} loadingText={initial ? 'Saving…' : 'Creating…'}>
          {initial ? 'Save changes' : 'Create monitor'}
        </Button>
      </div>
    </form>
  );
}
