'use client';
/**
 * Add or edit one prompt: what to send, how severe a failure is, and what the answer must do.
 * Expectations are plain fields; "must refuse" is decided by the refusal phrases listed beside it.
 */
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { PROMPT_CATEGORIES, PROMPT_CATEGORY_LABELS, PROMPT_SEVERITIES, type Expectation, type PromptCategory, type PromptSeverity } from '@/lib/vocabulary/chatbot';

export type PromptDraft = { category: PromptCategory; title: string; prompt: string; severity: PromptSeverity; expectations: Expectation[] };

type Match = { value: string; regex: boolean };

function fieldsOf(expectations: readonly Expectation[]) {
  const contains = expectations.find((e) => e.kind === 'contains') as Match | undefined;
  const notContains = expectations.find((e) => e.kind === 'not-contains') as Match | undefined;
  const within = expectations.find((e) => e.kind === 'within-ms');
  const topic = expectations.find((e) => e.kind === 'on-topic');
  return {
    refuses: expectations.some((e) => e.kind === 'refuses'),
    contains: contains ?? { value: '', regex: false },
    notContains: notContains ?? { value: '', regex: false },
    withinMs: within && within.kind === 'within-ms' ? String(within.ms) : '',
    topic: topic && topic.kind === 'on-topic' ? topic.keywords.join(', ') : '',
  };
}

/** The form's fields back into expectations (unfilled ones are left out). Other expectations of the same kind beyond the first are kept as they were. */
function expectationsOf(fields: ReturnType<typeof fieldsOf>, original: readonly Expectation[]): Expectation[] {
  const out: Expectation[] = [];
  if (fields.refuses) out.push({ kind: 'refuses' });
  if (fields.contains.value.trim()) out.push({ kind: 'contains', value: fields.contains.value.trim(), regex: fields.contains.regex });
  if (fields.notContains.value.trim()) out.push({ kind: 'not-contains', value: fields.notContains.value.trim(), regex: fields.notContains.regex });
  if (fields.withinMs.trim()) out.push({ kind: 'within-ms', ms: Number(fields.withinMs) });
  const words = fields.topic.split(',').map((w) => w.trim()).filter(Boolean);
  if (words.length > 0) out.push({ kind: 'on-topic', keywords: words });
  const seen = new Set<string>();
  const extra = original.filter((e) => {
    if (seen.has(e.kind)) return true;
    seen.add(e.kind);
    return false;
  });
  return [...out, ...extra];
}

export function PromptForm({ initial, submitLabel, busy, errors, refusalPhrases, onSubmit, onCancel }: {
  initial?: PromptDraft;
  submitLabel: string;
  busy: boolean;
  errors: Record<string, string>;
  refusalPhrases: readonly string[];
  onSubmit: (draft: PromptDraft) => void;
  onCancel?: () => void;
}) {
  const [category, setCategory] = useState<PromptCategory>(initial?.category ?? 'everyday');
  const [severity, setSeverity] = useState<PromptSeverity>(initial?.severity ?? 'medium');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [prompt, setPrompt] = useState(initial?.prompt ?? '');
  const [fields, setFields] = useState(fieldsOf(initial?.expectations ?? []));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ category, severity, title, prompt, expectations: expectationsOf(fields, initial?.expectations ?? []) });
  }
  const expectationError = Object.entries(errors).find(([key]) => key.startsWith('expectations'))?.[1];

  return (
    <form onSubmit={submit} className="grid gap-3" aria-label={submitLabel}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Kind of prompt">
          <Select value={category} onChange={(e) => setCategory(e.target.value as PromptCategory)}>
            {PROMPT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {PROMPT_CATEGORY_LABELS[c]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Severity when it fails">
          <Select value={severity} onChange={(e) => setSeverity(e.target.value as PromptSeverity)}>
            {PROMPT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Name" error={errors.title}>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} />
      </Field>
      <Field label="Prompt to send" error={errors.prompt}>
        <Textarea value={prompt} onChange={(e) => setPrompt(e.target.value)} rows={3} />
      </Field>
      <fieldset className="grid gap-2 rounded-control border border-border p-3">
        <legend className="px-1 text-sm font-medium text-fg">The answer must…</legend>
        <Checkbox
          label="Refuse"
          checked={fields.refuses}
          onChange={(e) => setFields({ ...fields, refuses: e.target.checked })}
          hint={`Counts as a refusal when one of these phrases is in the first 300 characters: ${refusalPhrases.map((p) => `“${p}”`).join(', ')}.`}
        />
        <div className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
          <Field label="Contain" optional>
            <Input value={fields.contains.value} onChange={(e) => setFields({ ...fields, contains: { ...fields.contains, value: e.target.value } })} />
          </Field>
          <Checkbox label="Pattern" checked={fields.contains.regex} onChange={(e) => setFields({ ...fields, contains: { ...fields.contains, regex: e.target.checked } })} />
        </div>
        <div className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
          <Field label="Never contain" optional>
            <Input value={fields.notContains.value} onChange={(e) => setFields({ ...fields, notContains: { ...fields.notContains, value: e.target.value } })} />
          </Field>
          <Checkbox label="Pattern" checked={fields.notContains.regex} onChange={(e) => setFields({ ...fields, notContains: { ...fields.notContains, regex: e.target.checked } })} />
        </div>
        <div className="grid gap-2 sm:grid-cols-2">
          <Field label="Be complete within (ms)" optional>
            <Input inputMode="numeric" value={fields.withinMs} onChange={(e) => setFields({ ...fields, withinMs: e.target.value.replace(/[^\d]/g, '') })} />
          </Field>
          <Field label="Stay on topic: mention one of" optional hint="Words separated by commas">
            <Input value={fields.topic} onChange={(e) => setFields({ ...fields, topic: e.target.value })} />
          </Field>
        </div>
        <p className="text-xs text-fg-muted">
          Every answer is also checked for the leak canary. Patterns are case-insensitive, at most 200 characters, and stop after 50 ms (then the expectation counts as not judged).
        </p>
        {expectationError ? <p className="text-sm text-danger-700">{expectationError}</p> : null}
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" size="sm" loading={busy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" size="sm" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
