/**
 * A small world for authorization tests: one workspace with an owner, a second owner, an admin,
 * a member and a removable member; one project shared with a viewer, a commenter and a
 * collaborator; an outsider who belongs to none of it. Built with direct inserts so each
 * (procedure, actor) case gets its own fresh copy cheaply.
 */
import { and, eq } from 'drizzle-orm';
import { checkRuns, checklistItems, domainOwnership, findingEvents, findings, manualRisks, projectRoadmaps, projectShares, projectStages, projects, workspaceInvitations, workspaceMembers, workspaces } from '@/db/schema';
import { STAGE_KEYS, type StageKey } from '@/lib/vocabulary/projects';
import { instantiateRoadmap } from '@/server/roadmap/instantiate';
import { getTemplate } from '@/server/roadmap/templates';
import type { Database } from '@/db/types';
import { newToken } from '@/server/services/tokens';
import type { SessionUser } from '@/server/trpc/context';
import type { TestApp } from '@/test/harness';
import { buildMonitoringWorld, type MonitoringWorld } from './authorization-world-monitoring';
import { buildRecordsWorld, type RecordsWorld } from './authorization-world-records';
import { buildChatbotWorld, type ChatbotWorld } from './authorization-world-chatbot';

export const ACTORS = ['anonymous', 'outsider', 'owner', 'admin', 'member', 'viewer', 'commenter', 'collaborator'] as const;
export type Actor = (typeof ACTORS)[number];
export const WORKSPACE_ACTORS = ['owner', 'admin', 'member'] as const satisfies readonly Actor[];
export const CLIENT_ACTORS = ['viewer', 'commenter', 'collaborator'] as const satisfies readonly Actor[];

export type People = Record<Exclude<Actor, 'anonymous'> | 'coOwner' | 'removable', SessionUser>;

export type World = {
  workspaceId: string;
  projectId: string;
  invitationId: string;
  shareId: string;
  /** An open invitation / share addressed to the acting user, with its raw token. */
  invitationToken: string;
  shareToken: string;
  removableUserId: string;
  /** One checklist item per stage. */
  itemIds: Record<StageKey, string>;
  riskId: string;
  findingId: string;
  checkRunId: string;
} & MonitoringWorld & RecordsWorld & ChatbotWorld;

export async function createPeople(app: TestApp): Promise<People> {
  const names = ['outsider', 'owner', 'admin', 'member', 'viewer', 'commenter', 'collaborator', 'coOwner', 'removable'] as const;
  const entries = [];
  for (const name of names) entries.push([name, await app.signUp(name)] as const);
  return Object.fromEntries(entries) as People;
}

export async function buildWorld(db: Database, people: People, actor: Actor): Promise<World> {
  const [workspace] = await db.insert(workspaces).values({ name: 'Matrix studio', createdBy: people.owner.id }).returning();
  const workspaceId = workspace!.id;
  await db.insert(workspaceMembers).values([
    { workspaceId, userId: people.owner.id, role: 'owner' },
    { workspaceId, userId: people.coOwner.id, role: 'owner' },
    { workspaceId, userId: people.admin.id, role: 'admin' },
    { workspaceId, userId: people.member.id, role: 'member' },
    { workspaceId, userId: people.removable.id, role: 'member' },
  ]);
  const [project] = await db
    .insert(projects)
    .values({ workspaceId, name: 'Matrix project', productType: 'ai-chatbot', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.com' })
    .returning();
  const projectId = project!.id;
  await instantiateRoadmap(db, projectId, getTemplate('coach-chatbot-launch')!);
  // An older copy, so "apply the playbook update" has something to do.
  await db.update(projectRoadmaps).set({ templateVersion: 0 }).where(eq(projectRoadmaps.projectId, projectId));
  const itemIds = {} as Record<StageKey, string>;
  for (const key of STAGE_KEYS) {
    const [item] = await db
      .select({ id: checklistItems.id })
      .from(checklistItems)
      .innerJoin(projectStages, eq(projectStages.id, checklistItems.stageId))
      .where(and(eq(checklistItems.projectId, projectId), eq(projectStages.key, key)))
      .limit(1);
    itemIds[key] = item!.id;
  }
  const [run] = await db
    .insert(checkRuns)
    .values({ projectId, checkIds: ['spf'], target: {}, status: 'done', progress: { total: 1, done: 1, current: [] }, finishedAt: new Date() })
    .returning();
  await db.insert(domainOwnership).values({ projectId, domain: 'example.com', token: 'world-token-0123456789' });
  const seen = new Date();
  const [finding] = await db
    .insert(findings)
    .values({ projectId, fingerprint: 'world-finding', checkId: 'spf', code: 'spf.pass-all', subject: 'example.com', severity: 'critical', impact: 'deliverability', message: 'SPF lets anyone send.', fix: 'Use -all.', state: 'accepted', acceptedReason: 'Only the newsletter sends.', acceptedUntil: '2099-01-01', firstSeenAt: seen, lastSeenAt: seen })
    .returning();
  await db.insert(findingEvents).values({ findingId: finding!.id, projectId, kind: 'opened' });
  const [risk] = await db.insert(manualRisks).values({ projectId, title: 'Single admin account', severity: 'high', impact: 'operations' }).returning();
  const expiresAt = new Date(Date.now() + 86_400_000);
  const actorEmail = actor === 'anonymous' ? 'nobody@example.test' : people[actor].email;

  let shareToken = '';
  let shareId = '';
  for (const role of CLIENT_ACTORS) {
    const { token, hash } = newToken();
    const [share] = await db
      .insert(projectShares)
      .values({ projectId, email: people[role].email, role, userId: people[role].id, tokenHash: hash, expiresAt, acceptedAt: new Date() })
      .returning();
    shareId = share!.id;
    if (role === actor) shareToken = token;
  }
  if (!shareToken) {
    const { token, hash } = newToken();
    await db.insert(projectShares).values({ projectId, email: actorEmail, role: 'viewer', tokenHash: hash, expiresAt });
    shareToken = token;
  }

  const { token: invitationToken, hash } = newToken();
  const [invitation] = await db
    .insert(workspaceInvitations)
    .values({ workspaceId, email: actorEmail, role: 'member', tokenHash: hash, expiresAt })
    .returning();

  return { workspaceId, projectId, invitationId: invitation!.id, shareId, invitationToken, shareToken, removableUserId: people.removable.id, itemIds, riskId: risk!.id, findingId: finding!.id, checkRunId: run!.id, ...(await buildMonitoringWorld(db, projectId)), ...(await buildRecordsWorld(db, projectId)), ...(await buildChatbotWorld(db, projectId)) };
}
