import { describe, expect, it } from 'vitest';
import { chapterLabel } from './chapters';
import { evaluateDecisionChecklist } from './decision';
import { getTemplate, TEMPLATES } from './templates';

describe('chapterLabel', () => {
  it('credits the playbook stage, or the sprint day', () => {
    const coach = getTemplate('coach-chatbot-launch');
    const perimeter = coach?.stages.find((s) => s.key === 'perimeter');
    expect(perimeter?.chapters.map((ch) => chapterLabel(coach!, ch))).toEqual([
      'Stage 3 of 7 — Edge protection and delivery',
      'Stage 4 of 7 — Email trust setup',
    ]);
    const rescue = getTemplate('membership-rescue');
    const deployment = rescue?.stages.find((s) => s.key === 'deployment');
    expect(deployment?.chapters.map((ch) => chapterLabel(rescue!, ch))).toEqual([
      'Day 5 of 7 — Regression checks and release prep',
      'Day 6 of 7 — Redeploy and verify production behavior',
    ]);
  });
});

describe('getTemplate', () => {
  it('finds templates by id and returns undefined otherwise', () => {
    for (const t of TEMPLATES) expect(getTemplate(t.id)).toBe(t);
    expect(getTemplate('nope')).toBeUndefined();
  });
});

describe('evaluateDecisionChecklist', () => {
  const checklist = getTemplate('membership-rescue')?.rescue?.decisionChecklist;
  if (!checklist) throw new Error('rescue template has no decision checklist');
  const keys = checklist.questions.map((q) => q.key);

  it('has ten questions and the "two or more no answers" rule', () => {
    expect(keys).toHaveLength(10);
    expect(checklist.rule.noAnswersForAuditFirst).toBe(2);
  });

  it('recommends an audit at two "no" answers, not at one', () => {
    const allYes = Object.fromEntries(keys.map((k) => [k, true]));
    expect(evaluateDecisionChecklist(checklist, allYes)).toEqual({ answered: 10, noCount: 0, auditFirst: false, unanswered: [] });
    expect(evaluateDecisionChecklist(checklist, { ...allYes, [keys[0]!]: false }).auditFirst).toBe(false);
    expect(evaluateDecisionChecklist(checklist, { ...allYes, [keys[0]!]: false, [keys[9]!]: false })).toMatchObject({ noCount: 2, auditFirst: true });
  });

  it('does not count unanswered questions', () => {
    const r = evaluateDecisionChecklist(checklist, { [keys[2]!]: false });
    expect(r).toMatchObject({ answered: 1, noCount: 1, auditFirst: false });
    expect(r.unanswered).toHaveLength(9);
  });
});
