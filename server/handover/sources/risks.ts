/** The risk list in fix order: concrete findings with their fix, people's risks with their detail, unverified critical items. */
import { listManualRisks } from '@/db/queries/roadmap';
import { STAGE_LABELS } from '@/lib/vocabulary/projects';
import type { RiskRow } from '../types';
import type { SourceContext } from './context';

export async function buildRisks(ctx: SourceContext): Promise<RiskRow[]> {
  const manual = await listManualRisks(ctx.db, { projectId: ctx.projectId });
  const detail = new Map(manual.map((r) => [r.id, r.detail]));
  return ctx.assessment.risks.map((r) => ({
    rank: r.rank,
    title: r.title,
    // Findings and checks that could not run carry how to fix them; people's risks their own detail.
    detail: r.source === 'manual' ? (detail.get(r.id) ?? null) : r.fix ? `Fix: ${r.fix}` : null,
    severity: r.severity,
    impact: r.impact,
    state: r.state,
    owner: r.owner,
    deadline: r.deadline,
    stage: r.stageKey ? STAGE_LABELS[r.stageKey] : null,
  }));
}
