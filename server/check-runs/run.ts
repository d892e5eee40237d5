/**
 * A check run. A project run executes every check in the catalogue that the project's fields
 * make applicable (a stage run only the checks its items name); a check that applies but lacks
 * what it needs is stored as skipped with the reason and the action that unblocks it. Checks run
 * with bounded concurrency and a time cap each; progress is written as each finishes (pages poll
 * it, from any web process); then items are settled and findings updated in one transaction.
 */
import { loggableMessage } from '@/server/db-errors';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Database, DbOrTx, Tx } from '@/db/types';
import { chatbotSettings, checkResults, checkRuns, checklistItems, domainOwnership, projectStages, projects, type StoredFinding } from '@/db/schema';
import { chatTargetFor } from '@/server/chatbot/chat-target';
import { getRoadmapRow } from '@/db/queries/roadmap';
import { getProject } from '@/db/queries/projects';
import type { StageKey } from '@/lib/vocabulary/projects';
import type { CheckDeps, CheckResult } from '@/server/checks/types';
import { appliesTo, inRunOrder, runOne } from '@/server/checks/catalogue';
import { mapBounded } from '@/server/checks/support/pool';
import { recordActivity } from '@/server/services/activity';
import { recordFindings, type FindingTransition } from '@/server/findings/record';
import { blockerFor, type Blocker } from './applicability';
import { badInput, conflict, notFound, tooMany } from '@/server/errors';
import { CHECKS, type RegisteredCheck } from './registry';
import { settleItems } from './settle';
import { buildCheckTarget, type ProjectCheckTarget } from './target';
import { openProjectSecrets } from '@/server/vault/box';
import { referencedSecretNames } from '@/server/vault/placeholders';
import { withWebhookSecrets } from './webhook-secrets';

const CONCURRENCY = 4;
const CHECK_TIME_LIMIT_MS = 20_000;
/** Runs probe a live product: one at a time per project, and a bounded number an hour. */
export const RUNS_PER_HOUR = 12;

export type RunDeps = { db: Database; checkDeps: () => CheckDeps };

/** The domain a check's findings are about when their evidence names no host. */
function pointedAt(check: RegisteredCheck, target: ProjectCheckTarget): string {
  return check.targetFor(target).domain;
}

function skippedFindings(blocker: Blocker): StoredFinding[] {
  return [{ severity: 'info', code: blocker.code, message: blocker.reason, fix: blocker.action, evidence: { where: blocker.where } }];
}

async function checksNamedByItems(db: Database, projectId: string, stageKey: StageKey | undefined): Promise<RegisteredCheck[]> {
  const rows = await db
    .selectDistinct({ check: checklistItems.automatedCheck })
    .from(checklistItems)
    .innerJoin(projectStages, eq(projectStages.id, checklistItems.stageId))
    .where(and(eq(checklistItems.projectId, projectId), sql`${checklistItems.automatedCheck} is not null`, stageKey ? eq(projectStages.key, stageKey) : undefined));
  const named = new Set(rows.map((r) => r.check));
  return CHECKS.filter((c) => named.has(c.id));
}

async function loadTarget(db: Database, projectId: string): Promise<ProjectCheckTarget> {
  const [row, roadmap, [ownership], [chatbot]] = await Promise.all([
    getProject(db, { projectId }),
    getRoadmapRow(db, { projectId }),
    db.select({ verifiedAt: domainOwnership.verifiedAt, domain: domainOwnership.domain }).from(domainOwnership).where(eq(domainOwnership.projectId, projectId)),
    db.select().from(chatbotSettings).where(eq(chatbotSettings.projectId, projectId)),
  ]);
  if (!row || !roadmap) throw notFound('Project');
  const verified = Boolean(ownership?.verifiedAt && ownership.domain === row.project.primaryDomain);
  const target = buildCheckTarget(row.project, roadmap.snapshot.targets, verified);
  const chat = chatTargetFor(target.endpoints, chatbot, roadmap.snapshot.targets);
  return chat ? { ...target, chat } : target;
}

type Planned = { check: RegisteredCheck; blocker: Blocker | null };
type Finished = { checkId: string; status: CheckResult['status'] | 'skipped'; findings: StoredFinding[]; pointedAt: string };

/** A run that has been recorded as started and not yet executed. */
export type StartedRun = { runId: string; projectId: string; actorId: string | null; planned: Planned[]; target: ProjectCheckTarget };

export type RunHooks = {
  /** Asked before each check: once true, no further check starts and the run ends with RunStoppedError. */
  stopped?: () => boolean;
  /** Runs inside the transaction that stores the run, after its findings are recorded. */
  finish?: (tx: Tx, outcome: { runId: string; transitions: FindingTransition[] }) => Promise<void>;
};

/** The run was stopped before every check ran (its worker is stopping or lost its claim). */
export class RunStoppedError extends Error {
  constructor() {
    super('The run was stopped before every check ran.');
    this.name = 'RunStoppedError';
  }
}

/** The run had already been closed (as abandoned, or taken over) when it finished: nothing of it is stored. */
export class RunClosedError extends Error {
  constructor() {
    super('The run had been closed before it finished.');
    this.name = 'RunClosedError';
  }
}

/** The project's secrets go along only when an endpoint names one (docs/decisions/0014). */
async function withSecrets(checkDeps: CheckDeps, db: Database, projectId: string, target: ProjectCheckTarget): Promise<CheckDeps> {
  const named = target.endpoints.some((e) => (e.headers ?? []).some((h) => referencedSecretNames(h.value).length > 0) || referencedSecretNames(e.body ?? '').length > 0);
  return named ? { ...checkDeps, secrets: await openProjectSecrets(db, projectId) } : checkDeps;
}

/** The payment webhook check, with its signing secret opened from the vault for this run only. */
async function runWebhookCheck(db: Database, projectId: string, check: RegisteredCheck, target: ProjectCheckTarget, checkDeps: CheckDeps): Promise<CheckResult> {
  const secrets = await withWebhookSecrets(db, projectId, target);
  return secrets.mask(await runOne(check, secrets.target, checkDeps, CHECK_TIME_LIMIT_MS));
}

export async function executeRun(deps: RunDeps, started: StartedRun, hooks: RunHooks = {}) {
  const { runId, projectId, actorId, planned, target } = started;
  const { db } = deps;
  const checkDeps = await withSecrets(deps.checkDeps(), db, projectId, target);
  const finished: Finished[] = [];
  const blocked = planned.filter((p) => p.blocker);
  if (blocked.length > 0) {
    const rows = blocked.map(({ check, blocker }) => ({ runId, projectId, checkId: check.id, status: 'skipped' as const, findings: skippedFindings(blocker!), evidence: null, durationMs: 0 }));
    await db.insert(checkResults).values(rows);
    await db.update(checkRuns).set({ progress: sql`jsonb_set(${checkRuns.progress}, '{done}', to_jsonb((${checkRuns.progress}->>'done')::int + ${blocked.length}))` }).where(eq(checkRuns.id, runId));
    for (const row of rows) finished.push({ checkId: row.checkId, status: 'skipped', findings: row.findings, pointedAt: pointedAt(blocked.find((b) => b.check.id === row.checkId)!.check, target) });
  }
  const checks = inRunOrder(planned.filter((p) => !p.blocker).map((p) => p.check));
  // The catalogue's runner gives each check its time limit and turns a crash into an error result.
  let stoppedEarly = false;
  await mapBounded(checks, CONCURRENCY, async (check) => {
    if (hooks.stopped?.()) {
      stoppedEarly = true;
      return;
    }
    await db.update(checkRuns).set({ progress: sql`jsonb_set(${checkRuns.progress}, '{current}', (${checkRuns.progress}->'current') || ${JSON.stringify([check.id])}::jsonb)` }).where(eq(checkRuns.id, runId));
    const started = Date.now();
    const result = check.id === 'payment-webhook' ? await runWebhookCheck(db, projectId, check, target, checkDeps) : await runOne(check, check.targetFor(target), checkDeps, CHECK_TIME_LIMIT_MS);
    const findings: StoredFinding[] = result.findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message, evidence: f.evidence, fix: f.fix }));
    await db.insert(checkResults).values({ runId, projectId, checkId: check.id, status: result.status, findings, evidence: result.evidence ?? null, durationMs: Date.now() - started });
    await db
      .update(checkRuns)
      .set({
        progress: sql`jsonb_build_object('total', ${checkRuns.progress}->'total', 'done', (${checkRuns.progress}->>'done')::int + 1, 'current', (${checkRuns.progress}->'current') - ${check.id})`,
      })
      .where(eq(checkRuns.id, runId));
    finished.push({ checkId: check.id, status: result.status, findings, pointedAt: pointedAt(check, target) });
  });
  if (stoppedEarly) throw new RunStoppedError();
  await db.transaction(async (tx) => {
    // Only a run still running is stored: one closed meanwhile (abandoned, taken over) changes nothing.
    const closed = await tx.update(checkRuns).set({ status: 'done', finishedAt: new Date() }).where(and(eq(checkRuns.id, runId), eq(checkRuns.status, 'running'))).returning({ id: checkRuns.id });
    if (closed.length === 0) throw new RunClosedError();
    const titles = Object.fromEntries(planned.map((p) => [p.check.id, p.check.title]));
    const verdicts = finished.flatMap((r) => (r.status === 'skipped' ? [] : [{ ...r, status: r.status }]));
    const scheduled = hooks.finish !== undefined;
    await settleItems(tx, { projectId, runId, actorId, results: verdicts, titles, scheduled });
    const { transitions } = await recordFindings(tx, { projectId, runId, results: finished });
    await hooks.finish?.(tx, { runId, transitions });
  });
}

/**
 * Plans a run and records it as started (one running run per project; people's runs also count
 * against the hourly limit). Scheduled runs pass `scheduledFor` and no actor, and run it themselves.
 */
export async function beginCheckRun(
  deps: RunDeps,
  input: { projectId: string; stageKey?: StageKey; actorId: string | null; only?: string[]; scheduledFor?: Date; alsoInTx?: (tx: Tx, runId: string) => Promise<void> },
): Promise<StartedRun> {
  const { db } = deps;
  // A project run: the whole catalogue (what applies is decided per check below); a stage run: what its items name.
  let checks = input.stageKey ? await checksNamedByItems(db, input.projectId, input.stageKey) : [...CHECKS];
  if (input.only) checks = checks.filter((c) => input.only!.includes(c.id));
  if (checks.length === 0) {
    throw badInput('No automated check settles an item here yet.');
  }
  const target = await loadTarget(db, input.projectId);
  // Checks with nothing to look at (the chat check on a project without a chat) are not run at all.
  checks = checks.filter((check) => appliesTo(check, check.targetFor(target)));
  const planned: Planned[] = checks.map((check) => ({ check, blocker: blockerFor(check, target) }));
  await failAbandonedRuns(db, input.projectId);
  const scheduled = input.scheduledFor !== undefined;
  const runId = await db.transaction(async (tx) => {
    await assertRunAllowed(tx, input.projectId, { scheduled });
    const [run] = await tx
      .insert(checkRuns)
      .values({
        projectId: input.projectId,
        stageKey: input.stageKey ?? null,
        checkIds: checks.map((c) => c.id),
        target,
        startedBy: input.actorId,
        scheduledFor: input.scheduledFor ?? null,
        progress: { total: checks.length, done: 0, current: [] },
      })
      .returning({ id: checkRuns.id });
    const count = `${checks.length} automated check${checks.length === 1 ? '' : 's'}`;
    await recordActivity(tx, {
      projectId: input.projectId,
      actorId: input.actorId,
      ...(scheduled ? { action: 'schedule.run', summary: `ran ${count} on schedule` } : { action: 'checks.start', summary: `ran ${count}` }),
    });
    await input.alsoInTx?.(tx, run!.id);
    return run!.id;
  });
  return { runId, projectId: input.projectId, actorId: input.actorId, planned, target };
}

/**
 * Starts a person's run and returns at once with its id; `finished` settles when the run is
 * stored (tests await it; the web request does not).
 */
export async function startCheckRun(deps: RunDeps, input: { projectId: string; stageKey?: StageKey; actorId: string; only?: string[] }) {
  const { db } = deps;
  const started = await beginCheckRun(deps, input);
  const { runId } = started;
  const finished = executeRun(deps, started)
    .catch(async (error: unknown) => {
      console.error(`[checks] run ${runId} failed: ${loggableMessage(error)}`);
      await markRunFailed(db, runId, 'The run stopped unexpectedly.');
    })
    .catch((error: unknown) => console.error(`[checks] run ${runId} could not be marked failed: ${loggableMessage(error)}`))
    .finally(() => inFlight.delete(finished));
  inFlight.add(finished);
  return { runId, finished };
}

/** Closes a run that did not finish, unless it was already closed. */
export async function markRunFailed(db: DbOrTx, runId: string, error: string) {
  await db.update(checkRuns).set({ status: 'failed', finishedAt: new Date(), error }).where(and(eq(checkRuns.id, runId), eq(checkRuns.status, 'running')));
}

const inFlight = new Set<Promise<void>>();

/**
 * One running check run per project and at most RUNS_PER_HOUR an hour. The project row is
 * locked first, so two requests at the same moment (from any web process) cannot both start.
 * Scheduled runs wait for a running run like anyone, but neither count against people's hourly
 * limit nor are held back by it: there is at most one a day (docs/decisions/0013).
 */
async function assertRunAllowed(tx: Tx, projectId: string, options: { scheduled: boolean }) {
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
  const [counts] = await tx
    .select({
      running: sql<number>`count(*) filter (where ${checkRuns.status} = 'running')::int`,
      lastHour: sql<number>`count(*) filter (where ${checkRuns.scheduledFor} is null)::int`,
    })
    .from(checkRuns)
    .where(and(eq(checkRuns.projectId, projectId), gte(checkRuns.startedAt, sql`now() - interval '1 hour'`)));
  if (Number(counts?.running ?? 0) > 0) {
    throw conflict('Checks are already running for this project. Wait for them to finish, then run them again.');
  }
  if (!options.scheduled && Number(counts?.lastHour ?? 0) >= RUNS_PER_HOUR) {
    throw tooMany(`Checks can run ${RUNS_PER_HOUR} times an hour per project, since they probe your live product. Try again later.`);
  }
}

/** Resolves when every run this process started has finished (graceful shutdown, tests). */
export async function waitForRunsInFlight(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** Runs left "running" by a process that died are shown as failed rather than spinning forever. */
export async function failAbandonedRuns(db: Database, projectId: string, olderThanMs = 10 * 60_000) {
  await db
    .update(checkRuns)
    .set({ status: 'failed', finishedAt: new Date(), error: 'The process running these checks stopped before they finished.' })
    .where(and(eq(checkRuns.projectId, projectId), eq(checkRuns.status, 'running'), sql`${checkRuns.startedAt} < now() - make_interval(secs => ${olderThanMs / 1000})`));
}


