/**
 * Settles the observability items that name an automated check from what is configured:
 * - `monitors`: enabled HTTP monitors cover the homepage and, where the project lists them, login,
 *   API health and payment webhooks;
 * - `alerts`: at least one enabled channel and a fallback contact;
 * - `latency` (observability stage only): an HTTP monitor with a p95 target is running.
 * Items marked not applicable, or where a person overrode the check, are left alone.
 */
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { alertChannels, alertSettings, checklistItems, itemEvidence, monitors, projectStages, projects } from '@/db/schema';
import { recordActivity, quoted } from '@/server/services/activity';
import { projectTargets } from './panels';

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

export async function settleMonitoringChecklist(db: Database, projectId: string, actorId: string | null): Promise<number> {
  const items = await db
    .select({ id: checklistItems.id, title: checklistItems.title, status: checklistItems.status, check: checklistItems.automatedCheck, stage: projectStages.key })
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
  const v = await verdicts(db, projectId);
  let changed = 0;
  for (const item of relevant) {
    const verdict = v[item.check as keyof typeof v];
    const status = verdict.passed ? 'passed' : item.status === 'passed' ? 'todo' : null;
    if (status === null || status === item.status) continue;
    changed += 1;
    await db.transaction(async (tx) => {
      await tx.update(checklistItems).set({ status, statusSource: 'check', updatedAt: new Date(), updatedBy: actorId }).where(eq(checklistItems.id, item.id));
      await tx.insert(itemEvidence).values({ itemId: item.id, projectId, kind: 'check', body: `Monitoring: ${verdict.why}`, createdBy: actorId });
      await recordActivity(tx, { projectId, actorId, action: 'item.check', summary: `monitoring marked ${quoted(item.title)} as ${status === 'passed' ? 'passed' : 'to do'}`, details: { itemId: item.id } });
    });
  }
  return changed;
}
