import type { RescuePlan } from '@/lib/vocabulary/roadmap-template';

export interface DecisionResult {
  answered: number;
  noCount: number;
  /** True when the "no" answers reach the rule's threshold: audit before scaling further. */
  auditFirst: boolean;
  /** Keys of questions not answered yet (they count neither way). */
  unanswered: string[];
}

/** Scores the founder decision checklist of a rescue template. `answers` maps question key → yes (true) / no (false). */
export function evaluateDecisionChecklist(
  checklist: RescuePlan['decisionChecklist'],
  answers: Readonly<Record<string, boolean | undefined>>,
): DecisionResult {
  let answered = 0;
  let noCount = 0;
  const unanswered: string[] = [];
  for (const q of checklist.questions) {
    const a = answers[q.key];
    if (a === undefined) {
      unanswered.push(q.key);
      continue;
    }
    answered++;
    if (!a) noCount++;
  }
  return { answered, noCount, auditFirst: noCount >= checklist.rule.noAnswersForAuditFirst, unanswered };
}
