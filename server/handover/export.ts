/** Building a pack for download: the document plus an activity-log entry saying who exported it. */
import type { Database } from '@/db/types';
import { recordActivity } from '@/server/services/activity';
import type { Named, ProjectScope } from '@/server/services/scope';
import { buildHandoverDocument } from './model';
import type { HandoverDocument } from './types';

export type ExportFormat = 'pdf' | 'md';

export async function exportHandover(db: Database, scope: ProjectScope & Named, input: { format: ExportFormat; appUrl?: string }): Promise<HandoverDocument> {
  const { projectId } = scope;
  const { format } = input;
  const doc = await buildHandoverDocument(db, projectId, { preparedBy: scope.actorName, appUrl: input.appUrl });
  await recordActivity(db, {
    projectId,
    actorId: scope.actorId,
    action: 'handover.export',
    summary: `downloaded the handover pack (${format === 'pdf' ? 'PDF' : 'Markdown'}, ${doc.gaps.length} gaps)`,
    details: { format, gaps: doc.gaps.length },
  });
  return doc;
}
