/**
 * Scheduled re-runs (weekly by default). Any number of workers may call `runDueChatbotChecks`:
 * each claims due projects with FOR UPDATE SKIP LOCKED and a lease, so two workers never run the
 * same project, and a worker that dies mid-run leaves a lease that expires (another one then runs
 * it). A run whose critical prompts passed last time and fail now records an alert through the
 * monitoring alert channels (one per run and channel, by its event key).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { chatbotSettings, type ChatbotRunSummary } from '@/db/schema';
import type { CheckDeps } from '@/server/checks/types';
import { loggableMessage } from '@/server/db-errors';
import { enqueueAlerts } from '@/server/monitoring/alerts/enqueue';
import { nextRunAfter } from './settings-service';
import { startChatbotRun } from './run';

/** Longer than a run can take (40 prompts, two at a time, 20 s each). */
export const LEASE_MS = 15 * 60_000;

export async function claimDueChatbotRuns(db: Database, options: { workerId: string; now: Date; limit: number; leaseMs?: number }): Promise<string[]> {
  const leaseUntil = new Date(options.now.getTime() + (options.leaseMs ?? LEASE_MS));
  const rows = await db.execute<{ project_id: string }>(sql`
    update ${chatbotSettings} set lease_until = ${leaseUntil.toISOString()}, leased_by = ${options.workerId}
    where project_id in (
      select project_id from ${chatbotSettings}
      where schedule_enabled and next_run_at <= ${options.now.toISOString()} and (lease_until is null or lease_until < ${options.now.toISOString()})
      order by next_run_at
      for update skip locked
      limit ${options.limit}
    )
    returning project_id`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { project_id: string }[] }).rows;
  return list.map((r) => r.project_id);
}

/** The alert for a run whose critical prompts regressed. */
export async function alertOnRegression(db: Database, run: { runId: string; projectId: string; summary: ChatbotRunSummary; endpointUrl: string; at: Date }) {
  if (run.summary.criticalRegressions.length === 0) return 0;
  const titles = run.summary.criticalRegressions.map((t) => `“${t}”`).join(', ');
  return db.transaction((tx) =>
    enqueueAlerts(tx, [
      {
        projectId: run.projectId,
        eventKey: `chatbot-regression:${run.runId}`,
        payload: { kind: 'chatbot', monitorId: null, monitorName: 'Chatbot launch checks', url: run.endpointUrl, at: run.at.toISOString(), cause: `Critical prompts that passed last time now fail: ${titles}.`, incidentId: null },
      },
    ]),
  );
}

/** Claims due projects and runs each once; returns how many ran. */
export async function runDueChatbotChecks(options: { db: Database; checkDeps: () => CheckDeps; workerId: string; now?: Date; limit?: number; log?: (message: string) => void }): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const claimed = await claimDueChatbotRuns(db, { workerId: options.workerId, now, limit: options.limit ?? 2 });
  let ran = 0;
  for (const projectId of claimed) {
    try {
      const { finished } = await startChatbotRun(
        { db, checkDeps: options.checkDeps },
        { projectId, actorId: null, trigger: 'schedule', afterRun: async (run) => void (await alertOnRegression(db, run)) },
      );
      await finished;
      ran += 1;
    } catch (error) {
      // It cannot run now (no prompts, ownership lapsed, the hourly budget): try again after the interval.
      (options.log ?? console.error)(`[chatbot schedule] project ${projectId}: ${loggableMessage(error)}`);
      const [row] = await db.select({ everyDays: chatbotSettings.scheduleEveryDays }).from(chatbotSettings).where(eq(chatbotSettings.projectId, projectId));
      if (row) await db.update(chatbotSettings).set({ nextRunAt: nextRunAfter(now, row.everyDays, now) }).where(eq(chatbotSettings.projectId, projectId));
    } finally {
      await db.update(chatbotSettings).set({ leaseUntil: null, leasedBy: null }).where(and(eq(chatbotSettings.projectId, projectId), eq(chatbotSettings.leasedBy, options.workerId)));
    }
  }
  return ran;
}
