/**
 * Monitor verbs: create (one by one or all at once from the project's description), change,
 * pause, remove. Each is logged, and the observability checklist is settled afterwards.
 */
import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { monitorIncidents, monitors, projects } from '@/db/schema';
import { notFound } from '@/server/errors';
import { quoted, recordActivity } from '@/server/services/activity';
import { CERTIFICATE_INTERVAL_SECONDS, firstSlot } from './schedule';
import type { MonitorFields } from './validation';
import { settleMonitoringChecklist } from './checklist';
import { assertRequestFields } from './request-checks';

type Scope = { projectId: string; actorId: string };

function scheduleFields(id: string, fields: MonitorFields, now: Date) {
  const intervalSeconds = fields.kind === 'certificate' ? CERTIFICATE_INTERVAL_SECONDS : fields.intervalSeconds;
  return { intervalSeconds, nextRunAt: firstSlot(id, intervalSeconds, now) };
}

export async function createMonitor(db: Database, scope: Scope, fields: MonitorFields & { purpose?: string | null }) {
  await assertRequestFields(db, scope.projectId, fields);
  const id = crypto.randomUUID();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(monitors)
      .values({ id, projectId: scope.projectId, createdBy: scope.actorId, ...fields, purpose: fields.purpose ?? null, ...scheduleFields(id, fields, new Date()) })
      .returning();
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'monitor.create', summary: `added the monitor ${quoted(fields.name)}`, details: { monitorId: id } });
    return created!;
  });
  await settleMonitoringChecklist(db, scope.projectId, scope.actorId);
  return row;
}

async function ownMonitor(db: Database, projectId: string, monitorId: string) {
  const [row] = await db.select().from(monitors).where(and(eq(monitors.id, monitorId), eq(monitors.projectId, projectId)));
  if (!row) throw notFound('Monitor');
  return row;
}

export async function getMonitor(db: Database, projectId: string, monitorId: string) {
  return ownMonitor(db, projectId, monitorId);
}

export async function updateMonitor(db: Database, scope: Scope, monitorId: string, fields: MonitorFields) {
  const current = await ownMonitor(db, scope.projectId, monitorId);
  await assertRequestFields(db, scope.projectId, fields);
  const reschedule = current.intervalSeconds !== (fields.kind === 'certificate' ? CERTIFICATE_INTERVAL_SECONDS : fields.intervalSeconds) || current.kind !== fields.kind;
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(monitors)
      .set({ ...fields, ...(reschedule ? scheduleFields(monitorId, fields, new Date()) : {}), updatedAt: new Date() })
      .where(eq(monitors.id, monitorId))
      .returning();
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'monitor.update', summary: `changed the monitor ${quoted(fields.name)}`, details: { monitorId } });
    return updated!;
  });
  await settleMonitoringChecklist(db, scope.projectId, scope.actorId);
  return row;
}

export async function setMonitorEnabled(db: Database, scope: Scope, monitorId: string, enabled: boolean) {
  const current = await ownMonitor(db, scope.projectId, monitorId);
  await db.transaction(async (tx) => {
    await tx
      .update(monitors)
      .set({
        enabled,
        updatedAt: new Date(),
        // Resuming starts at the next slot on the grid; the pause is not "no data".
        ...(enabled ? { nextRunAt: firstSlot(monitorId, current.intervalSeconds, new Date()), leaseUntil: null, leaseOwner: null } : {}),
      })
      .where(eq(monitors.id, monitorId));
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: enabled ? 'monitor.resume' : 'monitor.pause', summary: `${enabled ? 'resumed' : 'paused'} the monitor ${quoted(current.name)}`, details: { monitorId } });
  });
  await settleMonitoringChecklist(db, scope.projectId, scope.actorId);
}

export async function removeMonitor(db: Database, scope: Scope, monitorId: string) {
  const current = await ownMonitor(db, scope.projectId, monitorId);
  await db.transaction(async (tx) => {
    await tx.delete(monitors).where(eq(monitors.id, monitorId));
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'monitor.remove', summary: `removed the monitor ${quoted(current.name)}`, details: { monitorId } });
  });
  await settleMonitoringChecklist(db, scope.projectId, scope.actorId);
}

export type SuggestedMonitor = MonitorFields & { purpose: string };

/** Monitors for the homepage, login, API health and webhooks, from the project's description. */
export function suggestMonitors(project: { productionUrl: string | null; primaryDomain: string; endpoints: { kind: string; method: string; url: string; label?: string }[] }): SuggestedMonitor[] {
  const base = project.productionUrl ?? `https://${project.primaryDomain}`;
  const at = (path: string) => {
    try {
      return new URL(path, base).href;
    } catch {
      return null;
    }
  };
  const common = { keyword: null, headers: [], body: null, jsonPath: null, jsonExpected: null, maxLatencyMs: null, timeoutMs: 10_000, intervalSeconds: 60, p95TargetMs: null, failThreshold: 2, recoverThreshold: 2 };
  const out: SuggestedMonitor[] = [{ ...common, purpose: 'homepage', name: 'Homepage', kind: 'http', url: new URL(base).href, method: 'GET', expectedStatus: 'success' }];
  for (const endpoint of project.endpoints) {
    const url = at(endpoint.url);
    if (!url) continue;
    if (endpoint.kind === 'login') {
      // Probing a sign-in form with real credentials is not ours to do: "answers without a server error".
      out.push({ ...common, purpose: 'login', name: endpoint.label ?? 'Login', kind: 'http', url, method: endpoint.method === 'GET' ? 'GET' : 'POST', expectedStatus: endpoint.method === 'GET' ? 'success' : 'no-server-error' });
    } else if (endpoint.kind === 'api-health') {
      out.push({ ...common, purpose: 'api-health', name: endpoint.label ?? 'API health', kind: 'http', url, method: 'GET', expectedStatus: 'success', intervalSeconds: 30 });
    } else if (endpoint.kind === 'payment-webhook') {
      out.push({ ...common, purpose: 'webhook', name: endpoint.label ?? 'Payment webhook', kind: 'http', url, method: 'POST', expectedStatus: 'no-server-error', p95TargetMs: null });
    }
  }
  if (base.startsWith('https://')) {
    out.push({ ...common, purpose: 'certificate', name: 'Certificate expiry', kind: 'certificate', url: new URL(base).origin, method: 'GET', expectedStatus: 'success', intervalSeconds: 60 });
  }
  return out;
}

/** Creates the suggested monitors that do not exist yet (same purpose and address). */
export async function quickSetup(db: Database, scope: Scope) {
  const [project] = await db.select().from(projects).where(eq(projects.id, scope.projectId));
  if (!project) throw notFound('Project');
  const existing = await db.select({ purpose: monitors.purpose, url: monitors.url }).from(monitors).where(eq(monitors.projectId, scope.projectId));
  const missing = suggestMonitors(project).filter((s) => !existing.some((e) => e.purpose === s.purpose && e.url === s.url));
  const created = [];
  for (const suggestion of missing) created.push(await createMonitor(db, scope, suggestion));
  return { created: created.length, skipped: suggestMonitors(project).length - created.length };
}

export async function listIncidents(db: Database, projectId: string, options: { monitorId?: string; limit?: number } = {}) {
  return db
    .select({
      id: monitorIncidents.id,
      monitorId: monitorIncidents.monitorId,
      monitorName: monitors.name,
      startedAt: monitorIncidents.startedAt,
      endedAt: monitorIncidents.endedAt,
      cause: monitorIncidents.cause,
      notes: monitorIncidents.notes,
      failedChecks: monitorIncidents.failedChecks,
    })
    .from(monitorIncidents)
    .innerJoin(monitors, eq(monitors.id, monitorIncidents.monitorId))
    .where(and(eq(monitorIncidents.projectId, projectId), options.monitorId ? eq(monitorIncidents.monitorId, options.monitorId) : undefined))
    .orderBy(desc(monitorIncidents.startedAt))
    .limit(options.limit ?? 50);
}

export const INCIDENT_NOTE_TEMPLATE = 'What happened:\nWho was affected:\nWhat fixed it:\nWhat we change so it does not happen again:';

export async function updateIncidentNotes(db: Database, scope: Scope, incidentId: string, notes: string) {
  const [row] = await db
    .update(monitorIncidents)
    .set({ notes: notes.trim() || null })
    .where(and(eq(monitorIncidents.id, incidentId), eq(monitorIncidents.projectId, scope.projectId)))
    .returning();
  if (!row) throw notFound('Incident');
  await recordActivity(db, { projectId: scope.projectId, actorId: scope.actorId, action: 'incident.notes', summary: 'updated the notes of an incident', details: { incidentId } });
  return row;
}
