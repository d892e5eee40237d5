/** Checklist items tied to given automated checks: what people verified by hand, with evidence. */
import { STAGE_LABELS } from '@/lib/vocabulary/projects';
import type { ChecklistSignal } from '../types';
import type { SourceContext } from './context';

export function checklistSignals(ctx: SourceContext, checks: readonly string[]): ChecklistSignal[] {
  return ctx.items
    .filter((i) => i.automatedCheck !== null && checks.includes(i.automatedCheck))
    .map((i) => ({ title: i.title, stage: STAGE_LABELS[i.stageKey], status: i.status, evidence: ctx.evidenceByItem.get(i.id) ?? [] }));
}
