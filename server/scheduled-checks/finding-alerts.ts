/**
 * The alerts a scheduled run raises: one per critical or high finding that appeared or came back
 * in it, keyed by the finding's event (`finding:<finding>:<event>`), so the same transition can
 * never be sent twice. A finding someone accepted as a known risk (acceptance not expired) stays
 * quiet even when it comes back.
 */
import { inArray } from 'drizzle-orm';
import type { Tx } from '@/db/types';
import { findings } from '@/db/schema';
import type { FindingTransition } from '@/server/findings/record';
import { enqueueAlerts, type AlertEvent } from '@/server/monitoring/alerts/enqueue';
import { CHECKS } from '@/server/check-runs/registry';

const ALERTING = new Set(['critical', 'high']);

export async function enqueueFindingAlerts(tx: Tx, input: { projectId: string; runId: string; transitions: readonly FindingTransition[]; now: Date }): Promise<number> {
  if (input.transitions.length === 0) return 0;
  const rows = await tx
    .select({ id: findings.id, severity: findings.severity, checkId: findings.checkId, subject: findings.subject, message: findings.message, fix: findings.fix, acceptedUntil: findings.acceptedUntil })
    .from(findings)
    .where(inArray(findings.id, input.transitions.map((t) => t.findingId)));
  const today = input.now.toISOString().slice(0, 10);
  const events: AlertEvent[] = [];
  for (const transition of input.transitions) {
    const finding = rows.find((r) => r.id === transition.findingId);
    if (!finding || !ALERTING.has(finding.severity)) continue;
    if (finding.acceptedUntil !== null && finding.acceptedUntil >= today) continue;
    events.push({
      projectId: input.projectId,
      eventKey: `finding:${finding.id}:${transition.eventId}`,
      payload: {
        kind: 'finding',
        projectId: input.projectId,
        findingId: finding.id,
        transition: transition.kind === 'opened' ? 'new' : 'regressed',
        severity: finding.severity as 'critical' | 'high',
        checkTitle: CHECKS.find((c) => c.id === finding.checkId)?.title ?? finding.checkId,
        subject: finding.subject,
        message: finding.message,
        fix: finding.fix,
        runId: input.runId,
        at: input.now.toISOString(),
      },
    });
  }
  return enqueueAlerts(tx, events);
}
