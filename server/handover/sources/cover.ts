/** Cover page facts: project, workspace, who prepared it, the verdict and the latest decision. */
import { getRoadmapRow, listDecisions } from '@/db/queries/roadmap';
import type { Cover } from '../types';
import { isoDate, type SourceContext } from './context';

export async function buildCover(ctx: SourceContext, preparedBy: string): Promise<Cover> {
  const [roadmap, decisions] = await Promise.all([getRoadmapRow(ctx.db, { projectId: ctx.projectId }), listDecisions(ctx.db, { projectId: ctx.projectId })]);
  const latest = decisions[0];
  const { readiness, recommendation } = ctx.assessment;
  return {
    projectName: ctx.project.name,
    workspaceName: ctx.workspaceName,
    primaryDomain: ctx.project.primaryDomain,
    productionUrl: ctx.project.productionUrl,
    playbook: roadmap?.snapshot.name ?? null,
    preparedBy,
    date: isoDate(ctx.now),
    verdict: recommendation.verdict,
    verdictReasons: recommendation.reasons.map((r) => r.text),
    decision: latest
      ? { decision: latest.decision, reason: latest.reason, decidedAt: isoDate(latest.decidedAt), decidedBy: latest.decidedBy }
      : null,
    readinessScore: readiness.score,
    readinessSummary: readiness.summary,
  };
}
