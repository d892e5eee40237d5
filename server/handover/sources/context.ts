/** What every source reads from: the project, its items with evidence, and the assessment, loaded once. */
import type { Database } from '@/db/types';
import { getProject } from '@/db/queries/projects';
import { listEvidence, listItems, listStages, type ItemRow } from '@/db/queries/roadmap';
import { assessProject, type Assessment } from '@/server/services/roadmap';
import { notFound } from '@/server/errors';
import { absoluteEvidenceUrl } from '@/lib/check-run-links';

export type SourceContext = {
  db: Database;
  projectId: string;
  now: Date;
  project: NonNullable<Awaited<ReturnType<typeof getProject>>>['project'];
  workspaceName: string;
  stages: Awaited<ReturnType<typeof listStages>>;
  items: ItemRow[];
  evidenceByItem: Map<string, string[]>;
  assessment: Assessment;
};

/** `appUrl`: the app's public address, so links to its pages work from a PDF or Markdown file. */
export async function loadContext(db: Database, projectId: string, now: Date, appUrl?: string): Promise<SourceContext> {
  const [row, stages, items, assessment] = await Promise.all([
    getProject(db, { projectId }),
    listStages(db, { projectId }),
    listItems(db, { projectId }),
    assessProject(db, projectId),
  ]);
  if (!row) throw notFound('Project');
  const evidence = await listEvidence(db, { projectId, itemIds: items.map((i) => i.id) });
  const evidenceByItem = new Map<string, string[]>();
  for (const e of evidence) {
    const line = [e.body, absoluteEvidenceUrl(projectId, e.url, appUrl)].filter(Boolean).join(' — ');
    evidenceByItem.set(e.itemId, [...(evidenceByItem.get(e.itemId) ?? []), line]);
  }
  return { db, projectId, now, project: row.project, workspaceName: row.workspaceName, stages, items, evidenceByItem, assessment };
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
