'use client';
/** The repeatable rows of the project form: key endpoints and environments. */
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { PlusIcon, XIcon } from '@/components/ui/icons';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { FieldErrors } from '@/app/_lib/trpc';
import { ENDPOINT_KIND_LABELS, ENDPOINT_KINDS, HTTP_METHODS, type EndpointKind, type HttpMethod } from '@/lib/vocabulary/projects';

export type EndpointRow = { rowId: number; kind: EndpointKind; method: HttpMethod; url: string; label?: string };
export type EnvironmentRow = { rowId: number; name: string; url: string };

type RowsProps<T> = { rows: T[]; onChange: (rows: T[]) => void; errors: FieldErrors; newRowId: () => number };

function replace<T extends { rowId: number }>(rows: T[], rowId: number, patch: Partial<T>): T[] {
  return rows.map((row) => (row.rowId === rowId ? { ...row, ...patch } : row));
}

export function EndpointRows({ rows, onChange, errors, newRowId }: RowsProps<EndpointRow>) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Key endpoints</CardTitle>
        <CardDescription>
          The requests your members depend on. Latency, rate-limit and uptime checks use them. A path like /api/login is read relative to the production URL.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {errors.endpoints ? <p className="text-sm text-danger-700">{errors.endpoints}</p> : null}
        {rows.map((row, index) => (
          <fieldset key={row.rowId} className="grid items-start gap-2 sm:grid-cols-[11rem_7rem_1fr_auto]">
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
            <Button
              variant="ghost"
              className="sm:mt-6"
              aria-label={`Remove endpoint ${index + 1}`}
              onClick={() => onChange(rows.filter((r) => r.rowId !== row.rowId))}
            >
              <XIcon aria-hidden="true" className="size-4" />
            </Button>
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
