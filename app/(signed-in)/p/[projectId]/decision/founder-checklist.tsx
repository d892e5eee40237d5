'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { useToast } from '@/components/ui/toast';
import { messageOf, useTRPC } from '@/app/_lib/trpc';

type Checklist = {
  questions: { key: string; text: string; answer: boolean | null }[];
  rule: string;
  result: { answered: number; noCount: number; auditFirst: boolean };
};

/** The founder's quick self-assessment: yes / no per question; the rule says when to audit first. */
export function FounderChecklist({ projectId, checklist, canAnswer }: { projectId: string; checklist: Checklist; canAnswer: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const answer = useMutation(trpc.roadmap.answerFounder.mutationOptions());

  async function onAnswer(questionKey: string, value: boolean) {
    try {
      await answer.mutateAsync({ projectId, questionKey, answer: value });
      router.refresh();
    } catch (error) {
      toast.error('Could not save the answer', messageOf(error));
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Founder decision checklist</CardTitle>
        <CardDescription>{checklist.rule}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {checklist.result.answered > 0 ? (
          <Alert tone={checklist.result.auditFirst ? 'warning' : 'success'}>
            {checklist.result.auditFirst
              ? `${checklist.result.noCount} “no” answers: start with an audit before adding features or traffic.`
              : `${checklist.result.noCount} “no” answer${checklist.result.noCount === 1 ? '' : 's'} so far (${checklist.result.answered} of ${checklist.questions.length} answered).`}
          </Alert>
        ) : null}
        <ol className="grid gap-2">
          {checklist.questions.map((q, index) => (
            <li key={q.key} className="flex flex-col gap-2 rounded-control border border-border p-3 sm:flex-row sm:items-center sm:justify-between">
              <span className="text-sm text-fg">
                {index + 1}. {q.text}
              </span>
              {canAnswer ? (
                <fieldset className="flex shrink-0 gap-1">
                  <legend className="sr-only">{q.text}</legend>
                  {[true, false].map((value) => (
                    <label
                      key={String(value)}
                      className={cn(
                        'cursor-pointer rounded-control border px-3 py-1 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-focus',
                        q.answer === value ? (value ? 'border-success-600 bg-success-50 text-success-700' : 'border-danger-600 bg-danger-50 text-danger-700') : 'border-border text-fg-muted',
                      )}
                    >
                      <input type="radio" className="sr-only" name={q.key} checked={q.answer === value} onChange={() => onAnswer(q.key, value)} />
                      {value ? 'Yes' : 'No'}
                    </label>
                  ))}
                </fieldset>
              ) : (
                // Read-only: the answer as text, not buttons that do nothing.
                <Badge className="self-start sm:self-auto" tone={q.answer === null ? 'neutral' : q.answer ? 'success' : 'danger'}>
                  {q.answer === null ? 'Not answered' : q.answer ? 'Yes' : 'No'}
                </Badge>
              )}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
