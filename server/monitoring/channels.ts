/** Alert channels, the fallback contact, and "send a test alert". */
import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { alertChannels, alertDeliveries, alertSettings, projects, type AlertPayload } from '@/db/schema';
import { notFound } from '@/server/errors';
import { quoted, recordActivity } from '@/server/services/activity';
import { settleMonitoringChecklist } from './checklist';
import { destinationOf, sendAlert, type SendDeps } from './alerts/send';
import { alertAbout } from './alerts/messages';
import type { ChannelInput } from './validation';

type Scope = { projectId: string; actorId: string };

/** What a reader sees of a channel: never the webhook secret, only the host of a URL. */
export function describeChannel(row: typeof alertChannels.$inferSelect) {
  const c = row.config;
  const target = 'email' in c ? c.email : new URL(c.url).host;
  return { id: row.id, kind: row.kind, name: row.name, target, enabled: row.enabled, createdAt: row.createdAt };
}

export async function listChannels(db: Database, projectId: string) {
  const [rows, [settings], recent] = await Promise.all([
    db.select().from(alertChannels).where(eq(alertChannels.projectId, projectId)).orderBy(alertChannels.createdAt),
    db.select().from(alertSettings).where(eq(alertSettings.projectId, projectId)),
    db
      .select({ id: alertDeliveries.id, destination: alertDeliveries.destination, status: alertDeliveries.status, attempts: alertDeliveries.attempts, lastError: alertDeliveries.lastError, payload: alertDeliveries.payload, createdAt: alertDeliveries.createdAt, sentAt: alertDeliveries.sentAt })
      .from(alertDeliveries)
      .where(eq(alertDeliveries.projectId, projectId))
      .orderBy(desc(alertDeliveries.createdAt))
      .limit(20),
  ]);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return {
    channels: rows.map(describeChannel),
    fallbackEmail: settings?.fallbackEmail ?? null,
    recent: recent.map((d) => ({ id: d.id, to: d.destination === 'fallback' ? 'Fallback contact' : (names.get(d.destination) ?? 'Removed channel'), status: d.status, attempts: d.attempts, lastError: d.lastError, kind: d.payload.kind, about: alertAbout(d.payload), createdAt: d.createdAt, sentAt: d.sentAt })),
  };
}

/** Returns the webhook secret once, at creation, so it can be copied into the receiver. */
export async function addChannel(db: Database, scope: Scope, input: ChannelInput) {
  const config = input.kind === 'email' ? { email: input.email } : input.kind === 'slack' ? { url: input.url } : { url: input.url, secret: crypto.randomBytes(24).toString('base64url') };
  const row = await db.transaction(async (tx) => {
    const [created] = await tx.insert(alertChannels).values({ projectId: scope.projectId, kind: input.kind, name: input.name, config, createdBy: scope.actorId }).returning();
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'alerts.channel.add', summary: `added the alert channel ${quoted(input.name)}`, details: { channelId: created!.id } });
    return created!;
  });
  await settleMonitoringChecklist(db, scope.projectId, scope.actorId);
  return { channel: describeChannel(row), secret: 'secret' in config ? config.secret : null };
}

export async function removeChannel(db: Database, scope: Scope, channelId: string) {
  const [row] = await db.delete(alertChannels).where(and(eq(alertChannels.id, channelId), eq(alertChannels.projectId, scope.projectId))).returning();
  if (!row) throw notFound('Alert channel');
  await recordActivity(db, { projectId: scope.projectId, actorId: scope.actorId, action: 'alerts.channel.remove', summary: `removed the alert channel ${quoted(row.name)}`, details: { channelId } });
  await settleMonitoringChecklist(db, scope.projectId, scope.actorId);
}

export async function setFallback(db: Database, scope: Scope, email: string | null) {
  await db
    .insert(alertSettings)
    .values({ projectId: scope.projectId, fallbackEmail: email })
    .onConflictDoUpdate({ target: alertSettings.projectId, set: { fallbackEmail: email, updatedAt: new Date() } });
  await recordActivity(db, { projectId: scope.projectId, actorId: scope.actorId, action: 'alerts.fallback', summary: email ? `set the fallback alert contact to ${email}` : 'removed the fallback alert contact' });
  await settleMonitoringChecklist(db, scope.projectId, scope.actorId);
}

/** Sends a test alert now and records it; the answer says whether it went out. */
export async function sendTestAlert(db: Database, deps: SendDeps, scope: Scope, channelId: string): Promise<{ ok: boolean; error: string | null }> {
  const [channel] = await db.select().from(alertChannels).where(and(eq(alertChannels.id, channelId), eq(alertChannels.projectId, scope.projectId)));
  if (!channel) throw notFound('Alert channel');
  const [project] = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, scope.projectId));
  const payload: AlertPayload = { kind: 'test', projectName: project?.name ?? 'Project', monitorId: null, monitorName: 'Test alert', url: '', at: new Date().toISOString(), cause: null, incidentId: null };
  const eventKey = `test:${crypto.randomUUID()}`;
  let error: string | null = null;
  try {
    await sendAlert(deps, destinationOf(channel.kind, channel.config), payload, `${eventKey}/${channel.id}`);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  await db.transaction(async (tx) => {
    await tx.insert(alertDeliveries).values({ projectId: scope.projectId, eventKey, destination: channel.id, channelId: channel.id, payload, status: error ? 'failed' : 'sent', attempts: 1, lastError: error, sentAt: error ? null : new Date() });
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'alerts.channel.test',
      summary: `sent a test alert to ${quoted(channel.name)}${error ? ': it did not go out' : ''}`,
      details: { channelId: channel.id, ok: error === null },
    });
  });
  return { ok: error === null, error };
}
