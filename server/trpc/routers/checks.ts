import { z } from 'zod';
import { idSchema, projectProcedure, router } from '../init';
import { notFound } from '@/server/errors';
import { getRun, listResults, listRuns, previousResults } from '@/db/queries/check-runs';
import { STAGE_KEYS } from '@/lib/vocabulary/projects';
import { diffRuns } from '@/server/check-runs/diff';
import { failAbandonedRuns, startCheckRun } from '@/server/check-runs/run';
import { orderResults, summariseResults } from '@/server/check-runs/summary';
import { checkRunReport, checkTitle } from '@/server/check-runs/report';
import { checkOwnership, issueOwnershipToken, ownershipState } from '@/server/check-runs/ownership';
import { readSchedule, setSchedule } from '@/server/scheduled-checks/settings';
import { CHECK_SCHEDULE_FREQUENCIES } from '@/db/schema';
import { isCheckId, OLDER_FORMAT, readEvidence } from '@/server/checks/evidence';
import { projectScope } from '@/server/services/scope';

export const checksRouter = router({
  /** Recent runs, newest first. */
  runs: projectProcedure('project:read')
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }))
    .query(async ({ ctx, input }) => {
      await failAbandonedRuns(ctx.db, ctx.project.projectId);
      return listRuns(ctx.db, { projectId: ctx.project.projectId, limit: input.limit });
    }),

  /** One run with its results and what changed since the previous results of the same checks. */
  run: projectProcedure('project:read')
    .input(z.object({ runId: idSchema }))
    .query(async ({ ctx, input }) => {
      const projectId = ctx.project.projectId;
      const run = await getRun(ctx.db, { projectId, runId: input.runId });
      if (!run) throw notFound('Check run');
      const results = await listResults(ctx.db, { projectId, runId: run.id });
      const previous = await previousResults(ctx.db, { projectId, before: run.startedAt, checkIds: run.checkIds });
      const ordered = orderResults(results);
      return {
        ...run,
        summary: run.status === 'done' ? summariseResults(ordered) : null,
        // What each check looked at, read through its evidence contract (never guessed at).
        results: ordered.map((r) => ({ ...r, title: checkTitle(r.checkId), evidence: isCheckId(r.checkId) ? readEvidence(r.checkId, r.evidence) : ({ state: 'older-format', note: OLDER_FORMAT } as const) })),
        changes: run.status === 'done' ? diffRuns(previous, results) : [],
      };
    }),

  /** One run for its own page: results, findings by severity, changes since the earlier results, the run before. */
  report: projectProcedure('project:read')
    .input(z.object({ runId: idSchema }))
    .query(async ({ ctx, input }) => {
      await failAbandonedRuns(ctx.db, ctx.project.projectId);
      return checkRunReport(ctx.db, ctx.project.projectId, input.runId);
    }),

  /** Whether the project has proved it owns its domain, and how to. */
  ownership: projectProcedure('project:read').query(({ ctx }) => ownershipState(ctx.db, ctx.project.projectId)),

  issueOwnershipToken: projectProcedure('project:edit').mutation(({ ctx }) => issueOwnershipToken(ctx.db, projectScope(ctx))),

  verifyOwnership: projectProcedure('project:edit').mutation(({ ctx }) => checkOwnership({ db: ctx.db, checkDeps: ctx.checkDeps() }, projectScope(ctx))),

  /** How often the whole catalogue runs again on its own, when next, and how the last scheduled run went. */
  schedule: projectProcedure('project:read').query(({ ctx }) => readSchedule(ctx.db, ctx.project.projectId)),

  setSchedule: projectProcedure('project:edit')
    .input(
      z.object({
        frequency: z.enum(CHECK_SCHEDULE_FREQUENCIES, 'Choose off, every day or every week.'),
        hourUtc: z.number('Choose an hour of the day.').int('Choose a whole hour.').min(0, 'Choose an hour from 00 to 23.').max(23, 'Choose an hour from 00 to 23.'),
      }),
    )
    .mutation(({ ctx, input }) => setSchedule(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input)),

  /** Starts every applicable check (whole project), or the checks one stage's items name. */
  start: projectProcedure('item:update')
    .input(z.object({ stageKey: z.enum(STAGE_KEYS, 'Unknown stage.').optional() }))
    .mutation(async ({ ctx, input }) => {
      const { runId } = await startCheckRun({ db: ctx.db, checkDeps: ctx.checkDeps }, { projectId: ctx.project.projectId, stageKey: input.stageKey, actorId: ctx.user.id });
      return { runId };
    }),
});
