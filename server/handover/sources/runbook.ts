/** Deployment runbook, rollback path, incident template and the release checklist. */
import { asc, eq } from 'drizzle-orm';
import { projectDocuments, releaseSteps } from '@/db/schema';
import type { RunbookSection } from '../types';
import type { SourceContext } from './context';

const PHASE_ORDER = { build: 0, migrate: 1, verify: 2, rollback: 3 } as const;

export async function buildRunbook(ctx: SourceContext): Promise<RunbookSection> {
  const [docs, steps] = await Promise.all([
    ctx.db.select({ kind: projectDocuments.kind, body: projectDocuments.body }).from(projectDocuments).where(eq(projectDocuments.projectId, ctx.projectId)),
    ctx.db
      .select({ phase: releaseSteps.phase, title: releaseSteps.title, position: releaseSteps.position, checkedAt: releaseSteps.checkedAt })
      .from(releaseSteps)
      .where(eq(releaseSteps.projectId, ctx.projectId))
      .orderBy(asc(releaseSteps.position)),
  ]);
  const body = (kind: string) => docs.find((d) => d.kind === kind)?.body.trim() || null;
  return {
    deployment: body('deployment_runbook'),
    rollback: body('rollback_path'),
    incidentTemplate: body('incident_template'),
    releaseSteps: steps
      .sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || a.position - b.position)
      .map((s) => ({ phase: s.phase, title: s.title, done: s.checkedAt !== null })),
  };
}
