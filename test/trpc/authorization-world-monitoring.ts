/** Monitoring rows for the authorization world: a monitor with a closed incident, an email channel and a sign-in journey. */
import { alertChannels, journeys, monitorIncidents, monitors } from '@/db/schema';
import type { Database } from '@/db/types';

export type MonitoringWorld = { monitorId: string; incidentId: string; channelId: string; journeyId: string };

export async function buildMonitoringWorld(db: Database, projectId: string): Promise<MonitoringWorld> {
  const [monitor] = await db
    .insert(monitors)
    .values({ projectId, name: 'Homepage', kind: 'http', purpose: 'homepage', url: 'https://example.com/', intervalSeconds: 60, nextRunAt: new Date(Date.now() + 3_600_000) })
    .returning();
  const [incident] = await db
    .insert(monitorIncidents)
    .values({ monitorId: monitor!.id, projectId, startedAt: new Date(Date.now() - 600_000), endedAt: new Date(), cause: 'Answered 502.' })
    .returning();
  const [channel] = await db.insert(alertChannels).values({ projectId, kind: 'email', name: 'Ops inbox', config: { email: 'ops@example.test' } }).returning();
  const [journey] = await db
    .insert(journeys)
    .values({
      projectId,
      name: 'Sign in',
      kind: 'sign-in',
      steps: [{ name: 'Sign in', method: 'POST', url: 'https://example.com/api/login', headers: [], body: '{"email":"qa@example.com","password":"{{secret.QA_PASSWORD}}"}', expect: { status: 'success', jsonPath: null, jsonEquals: null, keyword: null, maxMs: null }, captures: [], timeoutMs: 10_000 }],
      intervalSeconds: 300,
      nextRunAt: new Date(Date.now() + 3_600_000),
    })
    .returning();
  return { monitorId: monitor!.id, incidentId: incident!.id, channelId: channel!.id, journeyId: journey!.id };
}
