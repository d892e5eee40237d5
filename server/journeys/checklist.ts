/**
 * Settles the items that name the 'sign-in-journey' check (the playbook's "more than 99 % of test
 * sign-ins succeed") from the enabled sign-in journeys' measured success rate, as monitoring
 * settles its items (server/monitoring/checklist.ts): met → passed when the check verifies the
 * item, "check passed — a person confirms" when it only supports it; no longer met → back to to
 * do. Evidence is recorded whenever the verdict or its reason changes (not on every run, when only
 * the figures move; then every 6 hours) and says why: no journey, not run yet, no run in the last 24 hours (stale),
 * too few runs to show the rate, or under the target.
 */
import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { checklistItems, itemEvidence, journeys, projectRoadmaps } from '@/db/schema';
import { recordActivity, quoted } from '@/server/services/activity';
import { UNDECLARED_CHECK_ROLE } from '@/server/roadmap/check-roles';
import { nextStatus } from '@/server/monitoring/checklist';
import { formatUptime } from '@/server/monitoring/uptime';
import { meetsTarget, MIN_RUNS_FOR_VERDICT, projectJourneyRates, runsSentence, successPercent, successTargetFor } from './success-rate';

const STALE_AFTER_MS = 24 * 3_600_000;
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export type SignInVerdict = { passed: boolean; why: string };

/** The sign-in evidence of a project now: what settles the item. */
export async function signInVerdict(db: Database, projectId: string, now: Date): Promise<SignInVerdict> {
  const [list, [roadmap], rates] = await Promise.all([
    db.select().from(journeys).where(and(eq(journeys.projectId, projectId), eq(journeys.kind, 'sign-in'), eq(journeys.enabled, true))),
    db.select({ snapshot: projectRoadmaps.snapshot }).from(projectRoadmaps).where(eq(projectRoadmaps.projectId, projectId)),
    projectJourneyRates(db, projectId, now),
  ]);
  if (list.length === 0) return { passed: false, why: 'No sign-in journey is running: add one under Monitoring → Journeys, with a test account.' };
  const lines: string[] = [];
  let passed = true;
  for (const journey of list) {
    const rate = rates.get(journey.id);
    const target = successTargetFor(journey, roadmap?.snapshot.targets ?? null);
    if (!rate || rate.lastRunAt === null) {
      passed = false;
      lines.push(`“${journey.name}” has not run yet, so there is no measurement.`);
      continue;
    }
    if (now.getTime() - rate.lastRunAt.getTime() > STALE_AFTER_MS) {
      passed = false;
      lines.push(`“${journey.name}” last ran ${when(rate.lastRunAt)}: the measurement is stale (no run in the last 24 hours).`);
      continue;
    }
    const week = successPercent(rate.last7d)!;
    const figures = `7-day success ${formatUptime(week)} (${runsSentence(rate.last7d)}), last 24 h ${formatUptime(successPercent(rate.last24h) ?? 0)}; target ${target.label}; last run ${when(rate.lastRunAt)}`;
    if (!meetsTarget(week, target)) {
      passed = false;
      lines.push(`“${journey.name}” is under target: ${figures}.`);
    } else if (rate.last7d.runs < MIN_RUNS_FOR_VERDICT) {
      passed = false;
      lines.push(`“${journey.name}” has ${rate.last7d.runs} of the ${MIN_RUNS_FOR_VERDICT} runs needed to show the rate: ${figures}.`);
    } else lines.push(`“${journey.name}”: ${figures}.`);
  }
  return { passed, why: lines.join(' ') };
}

/** The same reason is written again after this long, so the figures a person reads stay recent. */
const REFRESH_MS = 6 * 3_600_000;

/** The reason without its numbers: the same reason with newer figures is not new evidence. */
const withoutFigures = (text: string) => text.replace(/[\d.,:-]+/g, '#');

async function latestEvidence(db: Database, projectId: string, itemIds: string[]) {
  const rows = await db
    .select({ itemId: itemEvidence.itemId, checkStatus: itemEvidence.checkStatus, body: itemEvidence.body, createdAt: itemEvidence.createdAt })
    .from(itemEvidence)
    .where(and(eq(itemEvidence.projectId, projectId), inArray(itemEvidence.itemId, itemIds), eq(itemEvidence.kind, 'check')))
    .orderBy(desc(itemEvidence.createdAt));
  const latest = new Map<string, { checkStatus: string | null; body: string; createdAt: Date }>();
  for (const row of rows) if (!latest.has(row.itemId)) latest.set(row.itemId, row);
  return latest;
}

const STATUS_WORDS: Record<string, string> = { passed: 'passed', in_progress: 'check passed — a person confirms', todo: 'to do' };

export async function settleSignInChecklist(db: Database, projectId: string, actorId: string | null, now = new Date()): Promise<number> {
  const items = await db
    .select({ id: checklistItems.id, title: checklistItems.title, status: checklistItems.status, statusSource: checklistItems.statusSource, checkRole: checklistItems.checkRole })
    .from(checklistItems)
    .where(and(eq(checklistItems.projectId, projectId), eq(checklistItems.automatedCheck, 'sign-in-journey'), ne(checklistItems.status, 'not_applicable'), isNull(checklistItems.overrideReason)));
  if (items.length === 0) return 0;
  const [verdict, latest] = await Promise.all([signInVerdict(db, projectId, now), latestEvidence(db, projectId, items.map((i) => i.id))]);
  const body = `Sign-in journey: ${verdict.why}`;
  let changed = 0;
  for (const item of items) {
    const status = nextStatus(verdict.passed, item.checkRole ?? UNDECLARED_CHECK_ROLE, item);
    const moves = status !== null && status !== item.status;
    // Evidence when the verdict or its reason changes, so the item always says what the latest measurement shows.
    const previous = latest.get(item.id);
    const turned =
      !previous || previous.checkStatus !== (verdict.passed ? 'pass' : 'fail') || withoutFigures(previous.body) !== withoutFigures(body) || now.getTime() - previous.createdAt.getTime() > REFRESH_MS;
    if (!moves && !turned) continue;
    if (moves) changed += 1;
    await db.transaction(async (tx) => {
      if (moves) await tx.update(checklistItems).set({ status, statusSource: 'check', updatedAt: now, updatedBy: actorId }).where(eq(checklistItems.id, item.id));
      await tx.insert(itemEvidence).values({ itemId: item.id, projectId, kind: 'check', body, checkStatus: verdict.passed ? 'pass' : 'fail', createdBy: actorId });
      if (moves) await recordActivity(tx, { projectId, actorId, action: 'item.check', summary: `the sign-in journey marked ${quoted(item.title)} as ${STATUS_WORDS[status!] ?? status}`, details: { itemId: item.id } });
    });
  }
  return changed;
}

/** Projects with a sign-in item to keep fresh: settled again by housekeeping, so staleness shows without a new run. */
export async function projectsWithSignInJourneys(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ projectId: journeys.projectId }).from(journeys).where(eq(journeys.kind, 'sign-in'));
  return rows.map((r) => r.projectId);
}
