/** Saves one of a project's text documents (runbook, rollback path, incident template); empty clears it. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { projectDocuments } from '@/db/schema';
import { DOCUMENT_LABELS, type DocumentKind } from '@/server/records/documents';
import { recordActivity } from '../activity';
import { assertNoSecretValues, type RecordScope } from './scope';

export async function saveDocument(db: Database, scope: RecordScope, kind: DocumentKind, body: string) {
  await assertNoSecretValues({ body });
  const label = DOCUMENT_LABELS[kind];
  return db.transaction(async (tx) => {
    if (body === '') {
      await tx.delete(projectDocuments).where(and(eq(projectDocuments.projectId, scope.projectId), eq(projectDocuments.kind, kind)));
      await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'document.clear', summary: `cleared the ${label}`, details: { kind } });
      return { kind, saved: false };
    }
    const now = new Date();
    await tx
      .insert(projectDocuments)
      .values({ projectId: scope.projectId, kind, body, updatedBy: scope.actorId, updatedAt: now })
      .onConflictDoUpdate({ target: [projectDocuments.projectId, projectDocuments.kind], set: { body, updatedBy: scope.actorId, updatedAt: now } });
    await recordActivity(tx, { projectId: scope.projectId, actorId: scope.actorId, action: 'document.save', summary: `updated the ${label}`, details: { kind } });
    return { kind, saved: true };
  });
}
