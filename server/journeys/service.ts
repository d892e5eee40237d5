/**
 * Journeys for the router: list with 24-hour and 7-day success rates against their targets, one
 * journey with its latest runs, and the editing verbs (editors only, checked by the router). The
 * schedule follows monitors' grid (server/monitoring/schedule.ts). What is returned never holds
 * a secret value: steps hold {{secret.NAME}} only, runs are masked when written.
 */
import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { journeyRuns, journeys, journeyScreenshots, projectRoadmaps } from '@/db/schema';
import { badInput, notFound } from '@/server/errors';
import { firstSlot } from '@/server/monitoring/schedule';
import { quoted, recordActivity } from '@/server/services/activity';
import { settleSignInChecklist } from './checklist';
import { referencedSecretNames } from './secret-box';
import { signInSteps, type SignInPreset } from './sign-in-preset';
import { journeyStepsSchema, type JourneyFields } from './steps';
import { meetsTarget, projectJourneyRates, runsSentence, successPercent, successTargetFor, type JourneyRates } from './success-rate';

type Scope = { projectId: string; actorId: string };
type JourneyRow = typeof journeys.$inferSelect;

async function loginTarget(db: Database, projectId: string) {
  const [row] = await db.select({ snapshot: projectRoadmaps.snapshot }).from(projectRoadmaps).where(eq(projectRoadmaps.projectId, projectId));
  return row?.snapshot.targets ?? null;
}

function describe(j: JourneyRow, rate: JourneyRates | undefined, targets: Awaited<ReturnType<typeof loginTarget>>) {
  const target = successTargetFor(j, targets);
  const figures = (counts: { runs: number; passed: number }) => {
    const percent = successPercent(counts);
    return { ...counts, percent, sentence: runsSentence(counts), meetsTarget: percent === null ? null : meetsTarget(percent, target) };
  };
  return {
    id: j.id,
    name: j.name,
    kind: j.kind,
    enabled: j.enabled,
    state: j.state,
    intervalSeconds: j.intervalSeconds,
    stepCount: j.kind === 'browser' ? j.browserSteps.length : j.steps.length,
    lastRunAt: j.lastRunAt,
    lastOk: j.lastOk,
    lastError: j.lastError,
    target: { percent: target.percent, label: target.label },
    last24h: figures(rate?.last24h ?? { runs: 0, passed: 0 }),
    last7d: figures(rate?.last7d ?? { runs: 0, passed: 0 }),
  };
}
export type JourneySummary = ReturnType<typeof describe>;

export async function listJourneys(db: Database, projectId: string, now = new Date()): Promise<JourneySummary[]> {
  const [rows, rates, targets] = await Promise.all([db.select().from(journeys).where(eq(journeys.projectId, projectId)).orderBy(journeys.createdAt), projectJourneyRates(db, projectId, now), loginTarget(db, projectId)]);
  return rows.map((j) => describe(j, rates.get(j.id), targets));
}

async function ownJourney(db: Database, projectId: string, journeyId: string): Promise<JourneyRow> {
  const [row] = await db.select().from(journeys).where(and(eq(journeys.id, journeyId), eq(journeys.projectId, projectId)));
  if (!row) throw notFound('Journey');
  return row;
}

export async function getJourney(db: Database, projectId: string, journeyId: string, now = new Date()) {
  const journey = await ownJourney(db, projectId, journeyId);
  const [rates, targets, runs, shots] = await Promise.all([
    projectJourneyRates(db, projectId, now),
    loginTarget(db, projectId),
    db
      .select({ scheduledAt: journeyRuns.scheduledAt, startedAt: journeyRuns.startedAt, ok: journeyRuns.ok, failedStep: journeyRuns.failedStep, failReason: journeyRuns.failReason, steps: journeyRuns.steps, totalMs: journeyRuns.totalMs })
      .from(journeyRuns)
      .where(eq(journeyRuns.journeyId, journey.id))
      .orderBy(desc(journeyRuns.scheduledAt))
      .limit(30),
    db.select().from(journeyScreenshots).where(eq(journeyScreenshots.journeyId, journey.id)),
  ]);
  const shot = shots[0];
  const secretNames = referencedSecretNames(JSON.stringify([journey.steps, journey.browserSteps]));
  return {
    summary: describe(journey, rates.get(journey.id), targets),
    fields: { name: journey.name, kind: journey.kind, steps: journey.steps, browserSteps: journey.browserSteps, intervalSeconds: journey.intervalSeconds, targetSuccessPercent: journey.targetSuccessPercent, failThreshold: journey.failThreshold, recoverThreshold: journey.recoverThreshold },
    secretNames,
    runs,
    /** The latest failure's screenshot (browser journeys): one small PNG, sent inline so the page needs no second, separately guarded route. */
    screenshot: shot ? { scheduledAt: shot.scheduledAt, takenAt: shot.takenAt, failedStep: shot.failedStep, pageUrl: shot.pageUrl, dataUrl: `data:image/png;base64,${shot.png.toString('base64')}` } : null,
  };
}

export async function createJourney(db: Database, scope: Scope, fields: JourneyFields) {
  const id = crypto.randomUUID();
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.insert(journeys).values({ id, projectId: scope.projectId, createdBy: scope.actorId, ...fields, nextRunAt: firstSlot(id, fields.intervalSeconds, now) });
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'journey.create', summary: `added the journey ${quoted(fields.name)}`, details: { journeyId: id } });
  });
  await settleSignInChecklist(db, scope.projectId, scope.actorId);
  return { id };
}

/** The sign-in preset: its steps are written from the answers, then checked like any others. */
export async function createSignInJourney(db: Database, scope: Scope, input: { name: string; intervalSeconds: number; preset: SignInPreset }) {
  const parsed = journeyStepsSchema.safeParse(signInSteps(input.preset));
  if (!parsed.success) throw badInput(parsed.error.issues[0]?.message ?? 'These answers do not make a valid journey.');
  return createJourney(db, scope, { name: input.name, kind: 'sign-in', steps: parsed.data, browserSteps: [], intervalSeconds: input.intervalSeconds, targetSuccessPercent: null, failThreshold: 2, recoverThreshold: 2 });
}

export async function updateJourney(db: Database, scope: Scope, journeyId: string, fields: JourneyFields) {
  const current = await ownJourney(db, scope.projectId, journeyId);
  const now = new Date();
  const reschedule = current.intervalSeconds !== fields.intervalSeconds;
  await db.transaction(async (tx) => {
    await tx
      .update(journeys)
      .set({ ...fields, ...(reschedule ? { nextRunAt: firstSlot(journeyId, fields.intervalSeconds, now), leaseUntil: null, leaseOwner: null } : {}), updatedAt: now })
      .where(eq(journeys.id, journeyId));
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'journey.update', summary: `changed the journey ${quoted(fields.name)}`, details: { journeyId } });
  });
  await settleSignInChecklist(db, scope.projectId, scope.actorId);
  return { id: journeyId };
}

export async function setJourneyEnabled(db: Database, scope: Scope, journeyId: string, enabled: boolean) {
  const current = await ownJourney(db, scope.projectId, journeyId);
  const now = new Date();
  await db.transaction(async (tx) => {
    // Resuming starts at the next grid slot: the paused time is not run late.
    await tx
      .update(journeys)
      .set({ enabled, ...(enabled ? { nextRunAt: firstSlot(journeyId, current.intervalSeconds, now), leaseUntil: null, leaseOwner: null } : {}), updatedAt: now })
      .where(eq(journeys.id, journeyId));
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: enabled ? 'journey.resume' : 'journey.pause', summary: `${enabled ? 'resumed' : 'paused'} the journey ${quoted(current.name)}`, details: { journeyId } });
  });
  await settleSignInChecklist(db, scope.projectId, scope.actorId);
}

export async function removeJourney(db: Database, scope: Scope, journeyId: string) {
  const current = await ownJourney(db, scope.projectId, journeyId);
  await db.transaction(async (tx) => {
    await tx.delete(journeys).where(eq(journeys.id, journeyId));
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'journey.remove', summary: `removed the journey ${quoted(current.name)}`, details: { journeyId } });
  });
  await settleSignInChecklist(db, scope.projectId, scope.actorId);
}
