/** Building a pack for download: the document plus an activity-log entry saying who exported it. */
import type { Database } from '@/db/types';
import { recordActivity } from '@/server/services/activity';
import { buildHandoverDocument } from './model';
import type { HandoverDocument } from './types';

export type ExportFormat = 'pdf' | 'md';

export async function exportHandover(db: Database, projectId: string, actor: { id: string; name: string }, format: ExportFormat, appUrl?: string): Promise<HandoverDocument> {
  const doc = await buildHandoverDocument(db, projectId, { preparedBy: actor.name, appUrl });
  await recordActivity(db, {
    projectId,
    actorId: actor.id,
    action: 'handover.export',
    summary: `downloaded the handover pack (${format === 'pdf' ? 'PDF' : 'Markdown'}, ${doc.gaps.length} gaps)`,
    details: { format, gaps: doc.gaps.length },
  });
  return doc;
}
