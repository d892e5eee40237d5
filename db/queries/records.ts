/** Reads of a project's operating records; every one is scoped by project. Env vars hold names only. */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { contacts, envVars, handoverEntries, projectDocuments, projects, releaseSteps, user, workspaceMembers } from '@/db/schema';

export async function listEnvVars(db: DbOrTx, { projectId }: { projectId: string }) {
  return db
    .select({
      id: envVars.id,
      name: envVars.name,
      environments: envVars.environments,
      ownerUserId: envVars.ownerUserId,
      ownerName: envVars.ownerName,
      ownerUserName: user.name,
      purpose: envVars.purpose,
      isSecret: envVars.isSecret,
      storedIn: envVars.storedIn,
      lastRotatedOn: envVars.lastRotatedOn,
      updatedAt: envVars.updatedAt,
    })
    .from(envVars)
    .leftJoin(user, eq(user.id, envVars.ownerUserId))
    .where(eq(envVars.projectId, projectId))
    .orderBy(asc(envVars.name));
}

export async function findEnvVar(db: DbOrTx, { projectId, envVarId }: { projectId: string; envVarId: string }) {
  const [row] = await db.select({ id: envVars.id, name: envVars.name }).from(envVars).where(and(eq(envVars.id, envVarId), eq(envVars.projectId, projectId))).limit(1);
  return row ?? null;
}

/** Another entry with this name (names are unique per project), ignoring `exceptId`. */
export async function findEnvVarByName(db: DbOrTx, { projectId, name, exceptId }: { projectId: string; name: string; exceptId?: string }) {
  const [row] = await db
    .select({ id: envVars.id })
    .from(envVars)
    .where(and(eq(envVars.projectId, projectId), eq(envVars.name, name), exceptId ? ne(envVars.id, exceptId) : undefined))
    .limit(1);
  return row ?? null;
}

export async function listDocuments(db: DbOrTx, { projectId }: { projectId: string }) {
  return db
    .select({ kind: projectDocuments.kind, body: projectDocuments.body, updatedAt: projectDocuments.updatedAt, updatedBy: user.name })
    .from(projectDocuments)
    .leftJoin(user, eq(user.id, projectDocuments.updatedBy))
    .where(eq(projectDocuments.projectId, projectId));
}

export async function listReleaseSteps(db: DbOrTx, { projectId }: { projectId: string }) {
  return db
    .select({ id: releaseSteps.id, phase: releaseSteps.phase, title: releaseSteps.title, position: releaseSteps.position, checkedAt: releaseSteps.checkedAt, checkedBy: user.name })
    .from(releaseSteps)
    .leftJoin(user, eq(user.id, releaseSteps.checkedBy))
    .where(eq(releaseSteps.projectId, projectId))
    .orderBy(asc(releaseSteps.position));
}

export async function findReleaseStep(db: DbOrTx, { projectId, stepId }: { projectId: string; stepId: string }) {
  const [row] = await db
    .select({ id: releaseSteps.id, title: releaseSteps.title, checkedAt: releaseSteps.checkedAt })
    .from(releaseSteps)
    .where(and(eq(releaseSteps.id, stepId), eq(releaseSteps.projectId, projectId)))
    .limit(1);
  return row ?? null;
}

/** In escalation order: who is called first comes first. */
export async function listContacts(db: DbOrTx, { projectId }: { projectId: string }) {
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      role: contacts.role,
      email: contacts.email,
      phone: contacts.phone,
      escalationOrder: contacts.escalationOrder,
      isFallback: contacts.isFallback,
      notes: contacts.notes,
    })
    .from(contacts)
    .where(eq(contacts.projectId, projectId))
    .orderBy(asc(contacts.escalationOrder), asc(contacts.createdAt));
}

export async function listHandoverEntries(db: DbOrTx, { projectId }: { projectId: string }) {
  return db
    .select({
      id: handoverEntries.id,
      kind: handoverEntries.kind,
      title: handoverEntries.title,
      detail: handoverEntries.detail,
      businessValue: handoverEntries.businessValue,
      position: handoverEntries.position,
    })
    .from(handoverEntries)
    .where(eq(handoverEntries.projectId, projectId))
    .orderBy(asc(handoverEntries.position), asc(handoverEntries.createdAt));
}

export async function findHandoverEntry(db: DbOrTx, { projectId, entryId }: { projectId: string; entryId: string }) {
  const [row] = await db
    .select({ id: handoverEntries.id, kind: handoverEntries.kind, title: handoverEntries.title })
    .from(handoverEntries)
    .where(and(eq(handoverEntries.id, entryId), eq(handoverEntries.projectId, projectId)))
    .limit(1);
  return row ?? null;
}

/** Owners picked from people must belong to the project's workspace. */
export async function isProjectWorkspaceMember(db: DbOrTx, { projectId, userId }: { projectId: string; userId: string }) {
  const [row] = await db
    .select({ userId: workspaceMembers.userId })
    .from(projects)
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.workspaceId, projects.workspaceId), eq(workspaceMembers.userId, userId)))
    .where(eq(projects.id, projectId))
    .limit(1);
  return row !== undefined;
}
