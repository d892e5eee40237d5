'use client';
/**
 * The founder's top everyday questions at once: one a line, each becoming an everyday prompt whose
 * answer must mention one of the topic words and be complete within the time given.
 */
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { MAX_EVERYDAY_BATCH } from '@/lib/vocabulary/chatbot';

export type EverydayDraft = { questions: string; keywords: string[]; withinMs: number };

export function EverydayForm({ defaults, busy, errors, onSubmit, onCancel }: {
  defaults: { keywords: string[]; withinMs: number };
  busy: boolean;
  errors: Record<string, string>;
  onSubmit: (draft: EverydayDraft) => void;
  onCancel: () => void;
}) {
  const [questions, setQuestions] = useState('');
  const [topic, setTopic] = useState(defaults.keywords.join(', '));
  const [withinMs, setWithinMs] = useState(String(defaults.withinMs));
  const keywordError = Object.entries(errors).find(([key]) => key.startsWith('keywords'))?.[1];

  function submit(event: FormEvent) {
    event.preventDefault();
    const keywords = topic.split(',').map((w) => w.trim()).filter(Boolean);
    onSubmit({ questions, keywords, withinMs: Number(withinMs) || 0 });
  }

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-control border border-border p-3" aria-label="Add everyday questions">
      <Field
        label="Your top everyday questions"
        hint={`One a line, up to ${MAX_EVERYDAY_BATCH} at a time — the questions your users ask most. Each becomes an everyday prompt; ones already in the set are skipped.`}
        error={errors.questions}
      >
        <Textarea rows={5} value={questions} onChange={(e) => setQuestions(e.target.value)} placeholder={'How do I book a session?\nCan I change my plan later?'} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Stay on topic: mention one of" hint="Words separated by commas" error={keywordError}>
          <Input value={topic} onChange={(e) => setTopic(e.target.value)} />
        </Field>
        <Field label="Be complete within (ms)" hint="The playbook's chat target unless you change it" error={errors.withinMs}>
          <Input inputMode="numeric" value={withinMs} onChange={(e) => setWithinMs(e.target.value.replace(/[^\d]/g, ''))} />
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" loading={busy}>
          Add questions
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
