/** Stage-by-stage status, each item with the evidence that closed it (or shows it failing). */
import { STAGE_LABELS } from '@/lib/vocabulary/projects';
import type { StageSection } from '../types';
import type { SourceContext } from './context';

export function buildStages(ctx: SourceContext): StageSection[] {
  return ctx.stages.map((stage) => {
    const own = ctx.items.filter((i) => i.stageKey === stage.key);
    const summary = ctx.assessment.stages.find((s) => s.key === stage.key);
    const count = (pred: (s: string) => boolean) => own.filter((i) => pred(i.status)).length;
    return {
      key: stage.key,
      label: STAGE_LABELS[stage.key],
      goal: stage.goal,
      progress: summary?.progress ?? 0,
      readinessScore: summary?.readiness.score ?? null,
      counts: {
        passed: count((s) => s === 'passed'),
        failed: count((s) => s === 'failed'),
        open: count((s) => s === 'todo' || s === 'in_progress'),
        notApplicable: count((s) => s === 'not_applicable'),
      },
      items: own.map((i) => ({
        title: i.title,
        severity: i.severity,
        status: i.status,
        owner: i.ownerUserName ?? i.ownerName,
        dueDate: i.dueDate,
        evidence: ctx.evidenceByItem.get(i.id) ?? [],
        notes: i.notes,
        notApplicableReason: i.notApplicableReason,
      })),
    };
  });
}
