/**
 * Proof that a project owns its domain (DNS TXT record or a well-known file). Active probes —
 * the rate-limit burst and latency bursts — only run once it is verified for the current domain.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { domainOwnership } from '@/db/schema';
import { getOwnership } from '@/db/queries/check-runs';
import { getProject } from '@/db/queries/projects';
import { ownershipInstructions, verifyOwnership } from '@/server/checks/ownership';
import type { CheckDeps } from '@/server/checks/types';
import { recordActivity } from '@/server/services/activity';
import { notFound } from '@/server/errors';
import type { ProjectScope } from '@/server/services/scope';

async function projectDomain(db: Database, projectId: string): Promise<string> {
  const row = await getProject(db, { projectId });
  if (!row) throw notFound('Project');
  return row.project.primaryDomain;
}

/** The state shown to the founder; a token made for an earlier domain no longer counts. */
export async function ownershipState(db: Database, projectId: string) {
  const domain = await projectDomain(db, projectId);
  const row = await getOwnership(db, { projectId });
  if (!row || row.domain !== domain) return { domain, token: null, verifiedAt: null, method: null, lastCheckedAt: null, lastError: null, instructions: null };
  return { domain, token: row.token, verifiedAt: row.verifiedAt, method: row.method, lastCheckedAt: row.lastCheckedAt, lastError: row.lastError, instructions: ownershipInstructions(domain, row.token) };
}

export async function issueOwnershipToken(db: Database, scope: ProjectScope) {
  const { projectId, actorId } = scope;
  const domain = await projectDomain(db, projectId);
  const token = crypto.randomBytes(18).toString('base64url');
  await db.transaction(async (tx) => {
    await tx
      .insert(domainOwnership)
      .values({ projectId, domain, token })
      .onConflictDoUpdate({ target: domainOwnership.projectId, set: { domain, token, verifiedAt: null, method: null, lastCheckedAt: null, lastError: null } });
    await recordActivity(tx, { projectId, actorId, action: 'ownership.token', summary: `asked for a domain verification token for ${domain}` });
  });
  return ownershipState(db, projectId);
}

/** Looks for the token; a miss is recorded too (who checked, and why it failed, is part of the trail). */
export async function checkOwnership(deps: { db: Database; checkDeps: CheckDeps }, scope: ProjectScope) {
  const { db } = deps;
  const { projectId, actorId } = scope;
  const state = await ownershipState(db, projectId);
  if (!state.token) throw notFound('Verification token (ask for one first)');
  const result = await verifyOwnership(state.domain, state.token, deps.checkDeps);
  const failed = result.attempts.map((a) => `${a.location}: ${a.outcome}${a.detail ? ` (${a.detail})` : ''}`).join('; ');
  await db.transaction(async (tx) => {
    await tx
      .update(domainOwnership)
      .set({
        lastCheckedAt: new Date(),
        ...(result.verified ? { verifiedAt: new Date(), method: result.method ?? null, lastError: null } : { lastError: `Token not found — ${failed}` }),
      })
      .where(eq(domainOwnership.projectId, projectId));
    await recordActivity(
      tx,
      result.verified
        ? { projectId, actorId, action: 'ownership.verified', summary: `verified ownership of ${state.domain} (${result.method})` }
        : { projectId, actorId, action: 'ownership.check', summary: `looked for the verification token of ${state.domain}: not found yet` },
    );
  });
  return { verified: result.verified, attempts: result.attempts };
}
