'use client';
/** The repeatable rows of the project form: key endpoints and environments. */
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { PlusIcon, XIcon } from '@/components/ui/icons';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { FieldErrors } from '@/app/_lib/trpc';
import { Checkbox } from '@/components/ui/checkbox';
import { Textarea } from '@/components/ui/textarea';
import { HeadersEditor, type HeaderRow } from '@/app/(signed-in)/p/[projectId]/monitors/new/request-fields';
import { ENDPOINT_KIND_LABELS, ENDPOINT_KINDS, HTTP_METHODS, type EndpointKind, type HttpMethod } from '@/lib/vocabulary/projects';

export type EndpointRow = {
  rowId: number;
  kind: EndpointKind;
  method: HttpMethod;
  url: string;
  label?: string;
  p95TargetMs?: number;
  signingSecret?: string;
  headers?: HeaderRow[];
  body?: string | null;
  safeToReplay?: boolean;
};
export type EnvironmentRow = { rowId: number; name: string; url: string };

type RowsProps<T> = { rows: T[]; onChange: (rows: T[]) => void; errors: FieldErrors; newRowId: () => number };

function replace<T extends { rowId: number }>(rows: T[], rowId: number, patch: Partial<T>): T[] {
  return rows.map((row) => (row.rowId === rowId ? { ...row, ...patch } : row));
}

/** `secretNames`: the project's secrets (edit only), offered as a payment webhook's signing secret. */
export function EndpointRows({ rows, onChange, errors, newRowId, secretNames }: RowsProps<EndpointRow> & { secretNames?: string[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Key endpoints</CardTitle>
        <CardDescription>
          The requests your members depend on. Latency, rate-limit and uptime checks use them. A path like /api/login is read relative to the production URL. Leave the p95 target empty to use the playbook's for the endpoint's kind: common reads, heavier actions (anything that changes data, checkout, payment webhooks) or chat replies.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {errors.endpoints ? <p className="text-sm text-danger-700">{errors.endpoints}</p> : null}
        {rows.map((row, index) => (
          <fieldset key={row.rowId} className="grid items-start gap-2 sm:grid-cols-[11rem_7rem_1fr_8rem_auto]">
            <legend className="sr-only">Endpoint {index + 1}</legend>
            <Field label="What it is" error={errors[`endpoints.${index}.kind`]}>
              <Select value={row.kind} onChange={(e) => onChange(replace(rows, row.rowId, { kind: e.target.value as EndpointKind }))}>
                {ENDPOINT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {ENDPOINT_KIND_LABELS[kind]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Method" error={errors[`endpoints.${index}.method`]}>
              <Select value={row.method} onChange={(e) => onChange(replace(rows, row.rowId, { method: e.target.value as HttpMethod }))}>
                {HTTP_METHODS.map((method) => (
                  <option key={method}>{method}</option>
                ))}
              </Select>
            </Field>
            <Field label="URL or path" error={errors[`endpoints.${index}.url`]}>
              <Input value={row.url} placeholder="/api/login" onChange={(e) => onChange(replace(rows, row.rowId, { url: e.target.value }))} spellCheck={false} />
            </Field>
            <Field label="p95 target, ms" optional error={errors[`endpoints.${index}.p95TargetMs`]}>
              <Input
                type="number"
                inputMode="numeric"
                min={10}
                max={60000}
                placeholder="playbook"
                value={row.p95TargetMs ?? ''}
                onChange={(e) => onChange(replace(rows, row.rowId, { p95TargetMs: e.target.value === '' ? undefined : Number(e.target.value) }))}
              />
            </Field>
            {row.kind === 'payment-webhook' && secretNames ? (
              <Field
                className="sm:col-span-3 sm:row-start-2"
                label="Signing secret"
                optional
                hint={secretNames.length === 0 ? 'Add the test-mode signing secret (whsec_…) under Secrets below first.' : 'The secret holding this endpoint’s test-mode signing secret; the payment webhook check signs its test events with it.'}
                error={errors[`endpoints.${index}.signingSecret`]}
              >
                <Select value={row.signingSecret ?? ''} onChange={(e) => onChange(replace(rows, row.rowId, { signingSecret: e.target.value || undefined }))}>
                  <option value="">None</option>
                  {[...new Set([...secretNames, ...(row.signingSecret ? [row.signingSecret] : [])])].map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
            <Button
              variant="ghost"
              className="sm:col-start-5 sm:row-start-1 sm:mt-6"
              aria-label={`Remove endpoint ${index + 1}`}
              onClick={() => onChange(rows.filter((r) => r.rowId !== row.rowId))}
            >
              <XIcon aria-hidden="true" className="size-4" />
            </Button>
            <RequestDetails row={row} index={index} errors={errors} onChange={(patch) => onChange(replace(rows, row.rowId, patch))} />
          </fieldset>
        ))}
        <div>
          <Button variant="secondary" size="sm" onClick={() => onChange([...rows, { rowId: newRowId(), kind: 'dashboard', method: 'GET', url: '' }])}>
            <PlusIcon aria-hidden="true" className="size-4" /> Add endpoint
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}

/**
 * Headers every measurement sends (secrets as {{secret.NAME}}) and, for a write, whether the
 * latency check may replay it and with which body. Folded away until someone needs it.
 */
function RequestDetails({ row, index, errors, onChange }: { row: EndpointRow; index: number; errors: FieldErrors; onChange: (patch: Partial<EndpointRow>) => void }) {
  const write = row.method !== 'GET';
  const prefix = `endpoints.${index}`;
  const open = Boolean(row.headers?.length || row.safeToReplay || Object.keys(errors).some((key) => key.startsWith(`${prefix}.headers`) || key === `${prefix}.body`));
  return (
    <details open={open} className="sm:col-span-full">
      <summary className="cursor-pointer text-sm text-fg-muted">Headers{write ? ' and safe replay' : ''}</summary>
      <div className="mt-3 grid gap-3">
        <HeadersEditor headers={row.headers ?? []} onChange={(headers) => onChange({ headers })} errors={errors} prefix={`${prefix}.headers`} />
        {write ? (
          <>
            <Checkbox
              label="Safe to replay: the latency check may send this request again"
              hint="Only for calls that create nothing real (a sandbox, an idempotent call). Sent at most 10 times a run, and only once the domain is verified."
              checked={Boolean(row.safeToReplay)}
              onChange={(e) => onChange({ safeToReplay: e.target.checked })}
            />
            {row.safeToReplay ? (
              <Field label="Body to send" hint='e.g. {"plan":"test","token":"{{secret.SANDBOX_KEY}}"}' error={errors[`${prefix}.body`]}>
                <Textarea rows={3} value={row.body ?? ''} onChange={(e) => onChange({ body: e.target.value })} maxLength={16384} spellCheck={false} className="font-mono text-sm" />
              </Field>
            ) : null}
          </>
        ) : null}
      </div>
    </details>
  );
}

export function EnvironmentRows({ rows, onChange, errors, newRowId }: RowsProps<EnvironmentRow>) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Environments</CardTitle>
        <CardDescription>Where the product runs, e.g. production, preview, staging, local.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {errors.environments ? <p className="text-sm text-danger-700">{errors.environments}</p> : null}
        {rows.map((row, index) => (
          <fieldset key={row.rowId} className="grid items-start gap-2 sm:grid-cols-[12rem_1fr_auto]">
            <legend className="sr-only">Environment {index + 1}</legend>
            <Field label="Name" error={errors[`environments.${index}.name`]}>
              <Input value={row.name} onChange={(e) => onChange(replace(rows, row.rowId, { name: e.target.value }))} />
            </Field>
            <Field label="URL" optional error={errors[`environments.${index}.url`]}>
              <Input value={row.url} type="url" placeholder="https://" onChange={(e) => onChange(replace(rows, row.rowId, { url: e.target.value }))} />
            </Field>
            <Button
              variant="ghost"
              className="sm:mt-6"
              aria-label={`Remove environment ${index + 1}`}
              onClick={() => onChange(rows.filter((r) => r.rowId !== row.rowId))}
            >
              <XIcon aria-hidden="true" className="size-4" />
            </Button>
          </fieldset>
        ))}
        <div>
          <Button variant="secondary" size="sm" onClick={() => onChange([...rows, { rowId: newRowId(), name: '', url: '' }])}>
            <PlusIcon aria-hidden="true" className="size-4" /> Add environment
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
