'use client';
/**
 * What a monitor sends beyond its address (headers, a body) and what its answer must show
 * (a JSON value, a time limit). Secrets are written as {{secret.NAME}} and filled when sent.
 */
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { FieldErrors } from '@/app/_lib/trpc';

export type HeaderRow = { name: string; value: string };

const MAX_HEADERS = 20;

export function HeadersEditor({ headers, onChange, errors, prefix = 'headers' }: { headers: HeaderRow[]; onChange: (rows: HeaderRow[]) => void; errors: FieldErrors; prefix?: string }) {
  const set = (index: number, patch: Partial<HeaderRow>) => onChange(headers.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 text-sm font-medium">Headers (optional)</legend>
      {headers.map((row, index) => (
        <div key={index} className="grid gap-2 rounded-card border border-border p-3 sm:grid-cols-[1fr_2fr_auto] sm:items-start sm:border-0 sm:p-0">
          <Field label={`Header ${index + 1} name`} error={errors[`${prefix}.${index}.name`]}>
            <Input value={row.name} onChange={(e) => set(index, { name: e.target.value })} placeholder="Authorization" maxLength={100} spellCheck={false} autoCapitalize="off" />
          </Field>
          <Field label={`Header ${index + 1} value`} error={errors[`${prefix}.${index}.value`]}>
            <Input value={row.value} onChange={(e) => set(index, { value: e.target.value })} placeholder="Bearer {{secret.API_KEY}}" maxLength={2000} spellCheck={false} autoCapitalize="off" />
          </Field>
          <Button variant="ghost" size="sm" className="sm:mt-7" onClick={() => onChange(headers.filter((_, i) => i !== index))} aria-label={`Remove header ${index + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      {headers.length < MAX_HEADERS ? (
        <div>
          <Button variant="secondary" size="sm" onClick={() => onChange([...headers, { name: '', value: '' }])}>
            Add a header
          </Button>
        </div>
      ) : null}
      <p className="text-sm text-fg-muted">Write a stored secret as {'{{secret.NAME}}'} (Project settings → Secrets): it is sent, never shown, and masked in results.</p>
    </fieldset>
  );
}

export type RequestInitial = { body: string | null; jsonPath: string | null; jsonExpected: string | null; maxLatencyMs: number | null };

/** The body and the answer's assertions; read back through FormData by their names. */
export function RequestAndAnswerFields({ initial, errors, sendsBody }: { initial?: RequestInitial; errors: FieldErrors; sendsBody: boolean }) {
  return (
    <>
      {sendsBody ? (
        <Field label="Body (optional)" hint='Sent as JSON when it starts with { or [. Secrets: {"password":"{{secret.TEST_PASSWORD}}"}. Empty: a POST sends {}.' error={errors.body}>
          <Textarea name="body" rows={4} maxLength={16384} spellCheck={false} defaultValue={initial?.body ?? undefined} className="font-mono text-sm" />
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="JSON value to check (optional)" hint="A path of names and positions, e.g. data.items.0.status" error={errors.jsonPath}>
          <Input name="jsonPath" maxLength={200} spellCheck={false} autoCapitalize="off" defaultValue={initial?.jsonPath ?? undefined} />
        </Field>
        <Field label="It must equal (optional)" hint="Text, or a number, true, false or null. Empty: any value." error={errors.jsonExpected}>
          <Input name="jsonExpected" maxLength={500} spellCheck={false} defaultValue={initial?.jsonExpected ?? undefined} />
        </Field>
      </div>
      <Field label="Time limit (ms, optional)" hint="A slower answer counts as a failed check; must be under the give-up time." error={errors.maxLatencyMs}>
        <Input name="maxLatencyMs" type="number" min={10} max={30000} defaultValue={initial?.maxLatencyMs ?? undefined} className="sm:max-w-48" />
      </Field>
    </>
  );
}
