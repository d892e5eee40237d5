/** Project verbs: create, edit, archive, share with a client. */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db/types';
import { projectSecrets, projectShares, projects, user, workspaceMembers } from '@/db/schema';
import type { ClientRole } from '@/server/auth/permissions';
import type { Mailer } from '@/server/mail/mailer';
import { projectShareEmail } from '@/server/mail/templates';
import type { ProjectFields } from '@/server/projects/validation';
import { badInput, fieldError, forbidden, notFound } from '@/server/errors';
import { missingSecretFields } from '@/server/vault/references';
import { takeInvitationSend } from './invitation-limit';
import { getTemplate } from '@/server/roadmap/templates';
import { suggestTemplate } from '@/server/roadmap/suggest';
import { instantiateRoadmap } from '@/server/roadmap/instantiate';
import { quoted, recordActivity } from './activity';
import { hashToken, newToken } from './tokens';
import type { ActorScope, Named, ProjectScope, WorkspaceScope } from './scope';

const SHARE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** A payment webhook's signing secret must name one of the project's secrets (server/vault); the value stays there. */
async function assertSigningSecretsExist(tx: DbOrTx, projectId: string | null, endpoints: ProjectFields['endpoints']) {
  const wanted = endpoints.map((e, index) => ({ name: e.signingSecret, index })).filter((w): w is { name: string; index: number } => Boolean(w.name));
  if (wanted.length === 0) return;
  const stored = projectId ? await tx.select({ name: projectSecrets.name }).from(projectSecrets).where(eq(projectSecrets.projectId, projectId)) : [];
  const names = new Set(stored.map((r) => r.name));
  const missing = wanted.find((w) => !names.has(w.name));
  if (missing) {
    throw fieldError(
      `endpoints.${missing.index}.signingSecret`,
      projectId ? `The project has no secret named ${missing.name}. Add it under Secrets below first, then choose it here.` : 'Save the project first, then add the signing secret under Secrets in its settings and choose it here.',
    );
  }
}

/** Creates the project and its roadmap from the chosen playbook (or the one its description suggests). */
export async function createProject(db: Database, scope: Pick<WorkspaceScope, 'workspaceId' | 'actorId'>, input: { fields: ProjectFields; templateId?: string }) {
  const template = input.templateId ? getTemplate(input.templateId) : suggestTemplate(input.fields).template;
  if (!template) throw fieldError('templateId', 'Choose one of the listed playbooks.');
  await assertEndpointSecrets(db, null, input.fields);
  return db.transaction(async (tx) => {
    await assertSigningSecretsExist(tx, null, input.fields.endpoints);
    const [project] = await tx
      .insert(projects)
      .values({ ...input.fields, workspaceId: scope.workspaceId, createdBy: scope.actorId })
      .returning();
    await instantiateRoadmap(tx, project!.id, template);
    await recordActivity(tx, {
      projectId: project!.id,
      actorId: scope.actorId,
      action: 'project.create',
      summary: `created the project with the ${quoted(template.name)} roadmap`,
    });
    return project!;
  });
}

/** Endpoint headers and bodies may name secrets: each must exist in the project. */
async function assertEndpointSecrets(db: Database, projectId: string | null, fields: ProjectFields) {
  const texts = fields.endpoints.flatMap((e, i) => [...(e.headers ?? []).map((h, j) => [`endpoints.${i}.headers.${j}.value`, h.value] as const), [`endpoints.${i}.body`, e.body] as const]);
  // A project being created (no id yet) has no secrets, so every placeholder is missing.
  const problems = await missingSecretFields(db, projectId ?? 'not-created-yet', texts);
  if (Object.keys(problems).length > 0) throw badInput('Some fields need attention. Nothing was saved.', problems);
}

export async function updateProject(db: Database, scope: ProjectScope, input: { fields: ProjectFields }) {
  const { projectId, actorId } = scope;
  await assertEndpointSecrets(db, projectId, input.fields);
  return db.transaction(async (tx) => {
    await assertSigningSecretsExist(tx, projectId, input.fields.endpoints);
    const [project] = await tx.update(projects).set({ ...input.fields, updatedAt: new Date() }).where(eq(projects.id, projectId)).returning();
    if (!project) throw notFound('Project');
    await recordActivity(tx, { projectId, actorId, action: 'project.update', summary: 'edited the project details' });
    return project;
  });
}

export async function setArchived(db: Database, scope: ProjectScope, input: { archived: boolean }) {
  const { projectId, actorId } = scope;
  const { archived } = input;
  await db.transaction(async (tx) => {
    await tx
      .update(projects)
      .set({ status: archived ? 'archived' : 'active', archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(projects.id, projectId));
    await recordActivity(tx, { projectId, actorId, action: archived ? 'project.archive' : 'project.restore', summary: archived ? 'archived the project' : 'restored the project' });
  });
}

/** People in the workspace already see every project: sharing with them (or yourself) would only confuse. */
async function refuseShareWithMember(tx: DbOrTx, workspaceId: string, actorId: string, email: string) {
  const [member] = await tx
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .innerJoin(user, eq(user.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(sql`lower(${user.email})`, email)));
  if (!member) return;
  throw fieldError(
    'email',
    member.userId === actorId
      ? 'That is your own address: you already see this project. Enter your client’s email.'
      : `${email} is a member of this workspace and already sees this project.`,
  );
}

/** Shares a project with a client by email. Re-sharing to the same address updates the role and re-sends the link. */
export async function shareProject(
  deps: { db: Database; mailer: Mailer; appUrl: string },
  scope: ProjectScope & Named,
  input: { email: string; role: ClientRole },
) {
  const { projectId, actorId } = scope;
  const { token, hash } = newToken();
  const projectName = await deps.db.transaction(async (tx) => {
    const [project] = await tx.select({ name: projects.name, workspaceId: projects.workspaceId }).from(projects).where(eq(projects.id, projectId));
    if (!project) throw notFound('Project');
    await refuseShareWithMember(tx, project.workspaceId, actorId, input.email);
    await takeInvitationSend(tx, project.workspaceId);
    const [live] = await tx
      .select({ id: projectShares.id })
      .from(projectShares)
      .where(and(eq(projectShares.projectId, projectId), eq(projectShares.email, input.email), isNull(projectShares.revokedAt)));
    const expiresAt = new Date(Date.now() + SHARE_TTL_MS);
    if (live) {
      await tx.update(projectShares).set({ role: input.role, tokenHash: hash, expiresAt }).where(eq(projectShares.id, live.id));
    } else {
      await tx.insert(projectShares).values({ projectId, email: input.email, role: input.role, tokenHash: hash, invitedBy: actorId, expiresAt });
    }
    await recordActivity(tx, { projectId, actorId, action: 'share.create', summary: `shared the project with ${input.email} (${input.role})` });
    return project.name;
  });
  await deps.mailer.send(projectShareEmail(input.email, `${deps.appUrl}/share/${token}`, projectName, scope.actorName));
}

export async function revokeShare(db: Database, scope: ProjectScope, input: { shareId: string }) {
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(projectShares)
      .set({ revokedAt: new Date() })
      .where(and(eq(projectShares.id, input.shareId), eq(projectShares.projectId, scope.projectId), isNull(projectShares.revokedAt)))
      .returning({ id: projectShares.id, email: projectShares.email, role: projectShares.role });
    if (!revoked) throw notFound('Share');
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'share.revoke',
      summary: `stopped sharing the project with ${revoked.email} (${revoked.role})`,
      details: { shareId: revoked.id, email: revoked.email, role: revoked.role },
    });
  });
}

export async function previewShare(db: Database, input: { token: string }) {
  const { token } = input;
  const [row] = await db
    .select({ projectName: projects.name, email: projectShares.email, role: projectShares.role, acceptedAt: projectShares.acceptedAt })
    .from(projectShares)
    .innerJoin(projects, eq(projects.id, projectShares.projectId))
    .where(and(eq(projectShares.tokenHash, hashToken(token)), isNull(projectShares.revokedAt), gt(projectShares.expiresAt, new Date())))
    .limit(1);
  if (!row) throw notFound('Shared project (the link may have expired or been withdrawn)');
  return row;
}

/** Like workspace invitations: the token proves the address, and it must be the signed-in one. */
export async function acceptShare(db: Database, scope: ActorScope, input: { token: string }) {
  const { actor } = scope;
  const { token } = input;
  return db.transaction(async (tx) => {
    const [share] = await tx
      .select()
      .from(projectShares)
      .where(and(eq(projectShares.tokenHash, hashToken(token)), isNull(projectShares.revokedAt), gt(projectShares.expiresAt, new Date())))
      .limit(1);
    if (!share) throw notFound('Shared project (the link may have expired or been withdrawn)');
    if (share.email !== actor.email.toLowerCase()) {
      throw forbidden(`This project was shared with ${share.email}. Sign in with that address to open it.`);
    }
    if (share.userId && share.userId !== actor.id) throw forbidden('This link has already been used by another account.');
    await tx.update(projectShares).set({ userId: actor.id, acceptedAt: share.acceptedAt ?? new Date() }).where(eq(projectShares.id, share.id));
    await recordActivity(tx, {
      projectId: share.projectId,
      actorId: actor.id,
      action: 'share.accept',
      summary: share.acceptedAt ? `opened the shared project again (${share.role})` : `accepted the share and joined as ${share.role}`,
      details: { shareId: share.id, email: share.email, role: share.role },
    });
    await tx.update(user).set({ emailVerified: true, updatedAt: new Date() }).where(eq(user.id, actor.id));
    return { projectId: share.projectId };
  });
}
