/**
 * Settles the observability items that name an automated check from what is configured:
 * - `monitors`: enabled HTTP monitors cover the homepage and, where the project lists them, login,
 *   API health and payment webhooks;
 * - `alerts`: at least one enabled channel and a fallback contact;
 * - `latency` (observability stage only): an HTTP monitor with a p95 target is running.
 * Items marked not applicable, or where a person overrode the check, are left alone. A met
 * verdict passes only the items it verifies; items it merely supports wait for a person
 * ("check passed — confirm", docs/decisions/0010).
 */
import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { alertChannels, alertSettings, checklistItems, itemEvidence, monitors, projectStages, projects } from '@/db/schema';
import { recordActivity, quoted } from '@/server/services/activity';
import { projectTargets } from './panels';
import { UNDECLARED_CHECK_ROLE } from '@/server/roadmap/check-roles';
import type { ItemStatus } from '@/server/roadmap/assessment-types';
import type { CheckRole } from '@/lib/vocabulary/roadmap-template';

type Verdict = { passed: boolean; why: string };

async function verdicts(db: Database, projectId: string): Promise<Record<'monitors' | 'alerts' | 'latency', Verdict>> {
  const [[project], active, channels, [settings], targets] = await Promise.all([
    db.select({ endpoints: projects.endpoints }).from(projects).where(eq(projects.id, projectId)),
    db.select({ purpose: monitors.purpose, kind: monitors.kind, p95: monitors.p95TargetMs }).from(monitors).where(and(eq(monitors.projectId, projectId), eq(monitors.enabled, true))),
    db.select({ id: alertChannels.id }).from(alertChannels).where(and(eq(alertChannels.projectId, projectId), eq(alertChannels.enabled, true))),
    db.select().from(alertSettings).where(eq(alertSettings.projectId, projectId)),
    projectTargets(db, projectId),
  ]);
  const http = active.filter((m) => m.kind === 'http');
  const needed = ['homepage'];
  const kinds = new Set((project?.endpoints ?? []).map((e) => e.kind));
  if (kinds.has('login')) needed.push('login');
  if (kinds.has('api-health')) needed.push('api-health');
  if (kinds.has('payment-webhook')) needed.push('webhook');
  const missing = needed.filter((p) => !http.some((m) => m.purpose === p));
  const hasTarget = http.some((m) => (m.p95 ?? targets.p95Ms) !== null);
  return {
    monitors: missing.length === 0 ? { passed: true, why: `Monitors run on ${needed.join(', ')}.` } : { passed: false, why: `No monitor yet on ${missing.join(', ')}.` },
    alerts:
      channels.length > 0 && settings?.fallbackEmail
        ? { passed: true, why: `${channels.length} alert channel(s) with a fallback contact.` }
        : { passed: false, why: channels.length === 0 ? 'No alert channel is set up.' : 'No fallback contact is set.' },
    latency: hasTarget ? { passed: true, why: 'p95 response time is tracked against a target by the monitors.' } : { passed: false, why: 'No monitor tracks p95 against a target yet.' },
  };
}

/** What a monitoring verdict does to an item: met → passed or "confirm"; no longer met → back to to do. */
export function nextStatus(passed: boolean, role: CheckRole, item: { status: ItemStatus; statusSource: 'person' | 'check' }): ItemStatus | null {
  if (passed) return role === 'verifies' ? 'passed' : item.status === 'passed' ? null : 'in_progress';
  return item.status === 'passed' || (item.status === 'in_progress' && item.statusSource === 'check') ? 'todo' : null;
}

/** The verdict of each item's latest check evidence (what a person would be confirming). */
async function latestCheckVerdicts(db: Database, projectId: string, itemIds: string[]): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ itemId: itemEvidence.itemId, checkStatus: itemEvidence.checkStatus })
    .from(itemEvidence)
    .where(and(eq(itemEvidence.projectId, projectId), inArray(itemEvidence.itemId, itemIds), eq(itemEvidence.kind, 'check')))
    .orderBy(desc(itemEvidence.createdAt));
  const latest = new Map<string, string | null>();
  for (const row of rows) if (!latest.has(row.itemId)) latest.set(row.itemId, row.checkStatus);
  return latest;
}

const STATUS_WORDS: Partial<Record<ItemStatus, string>> = { passed: 'passed', in_progress: 'check passed — a person confirms', todo: 'to do' };

export async function settleMonitoringChecklist(db: Database, projectId: string, actorId: string | null): Promise<number> {
  const items = await db
    .select({
      id: checklistItems.id,
      title: checklistItems.title,
      status: checklistItems.status,
      statusSource: checklistItems.statusSource,
      check: checklistItems.automatedCheck,
      checkRole: checklistItems.checkRole,
      stage: projectStages.key,
    })
    .from(checklistItems)
    .innerJoin(projectStages, eq(projectStages.id, checklistItems.stageId))
    .where(
      and(
        eq(checklistItems.projectId, projectId),
        inArray(checklistItems.automatedCheck, ['monitors', 'alerts', 'latency']),
        ne(checklistItems.status, 'not_applicable'),
        isNull(checklistItems.overrideReason),
      ),
    );
  const relevant = items.filter((i) => i.check !== 'latency' || i.stage === 'observability');
  if (relevant.length === 0) return 0;
  const [v, latest] = await Promise.all([verdicts(db, projectId), latestCheckVerdicts(db, projectId, relevant.map((i) => i.id))]);
  let changed = 0;
  for (const item of relevant) {
    const verdict = v[item.check as keyof typeof v];
    const status = nextStatus(verdict.passed, item.checkRole ?? UNDECLARED_CHECK_ROLE, item);
    const moves = status !== null && status !== item.status;
    // A met verdict is recorded even when the status stays, so a person has a pass to confirm.
    const newPass = verdict.passed && latest.get(item.id) !== 'pass';
    if (!moves && !newPass) continue;
    if (moves) changed += 1;
    await db.transaction(async (tx) => {
      if (moves) await tx.update(checklistItems).set({ status, statusSource: 'check', updatedAt: new Date(), updatedBy: actorId }).where(eq(checklistItems.id, item.id));
      await tx.insert(itemEvidence).values({ itemId: item.id, projectId, kind: 'check', body: `Monitoring: ${verdict.why}`, checkStatus: verdict.passed ? 'pass' : 'fail', createdBy: actorId });
      if (moves) {
        await recordActivity(tx, { projectId, actorId, action: 'item.check', summary: `monitoring marked ${quoted(item.title)} as ${STATUS_WORDS[status] ?? status}`, details: { itemId: item.id } });
      }
    });
  }
  return changed;
}
