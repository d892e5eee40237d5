/**
 * Copies a template into a project: roadmap snapshot, seven stages, their items. The project owns
 * its copy, so editing a template later never changes a project until an update is applied.
 */
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { checklistItems, projectRoadmaps, projectStages, type RoadmapSnapshot } from '@/db/schema';
import type { RoadmapTemplate, TemplateItem } from '@/lib/vocabulary/roadmap-template';

export function snapshotOf(template: RoadmapTemplate): RoadmapSnapshot {
  const { id: _id, version: _version, match: _match, stages: _stages, ...snapshot } = template;
  return snapshot;
}

function itemValues(item: TemplateItem) {
  return {
    templateKey: item.key,
    kind: item.kind,
    title: item.text,
    detail: item.detail ?? null,
    severity: item.severity,
    impact: item.impact,
    automatedCheck: item.check ?? null,
    checkRole: item.checkRole ?? null,
    sources: item.sources,
  };
}

export async function instantiateRoadmap(tx: DbOrTx, projectId: string, template: RoadmapTemplate): Promise<void> {
  await tx.insert(projectRoadmaps).values({ projectId, templateId: template.id, templateVersion: template.version, snapshot: snapshotOf(template) });
  const stages = await tx
    .insert(projectStages)
    .values(
      template.stages.map((stage, position) => ({
        projectId,
        key: stage.key,
        position,
        goal: stage.goal,
        chapters: stage.chapters,
        failureSignals: stage.failureSignals,
      })),
    )
    .returning({ id: projectStages.id, key: projectStages.key });
  const stageIdByKey = new Map(stages.map((s) => [s.key, s.id]));
  const items = template.stages.flatMap((stage) =>
    stage.items.map((item, position) => ({ projectId, stageId: stageIdByKey.get(stage.key)!, position, ...itemValues(item) })),
  );
  if (items.length > 0) await tx.insert(checklistItems).values(items);
}

/** True once anyone moved an item off "to do": switching templates then would throw work away. */
export async function hasProgress(tx: DbOrTx, projectId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: checklistItems.id })
    .from(checklistItems)
    .where(and(eq(checklistItems.projectId, projectId), ne(checklistItems.status, 'todo')))
    .limit(1);
  return Boolean(row);
}

export async function removeRoadmap(tx: DbOrTx, projectId: string): Promise<void> {
  await tx.delete(projectStages).where(eq(projectStages.projectId, projectId));
  await tx.delete(projectRoadmaps).where(eq(projectRoadmaps.projectId, projectId));
}

export type TemplateUpdateSummary = { added: number; updated: number; fromVersion: number; toVersion: number };

/**
 * Brings a project's copy up to the template's current version: stage texts and item wording,
 * severity and checks are refreshed, new items are added; statuses, owners, notes and evidence
 * are kept, and items the template dropped stay (a person may still need them).
 */
export async function applyTemplateUpdate(tx: DbOrTx, projectId: string, template: RoadmapTemplate, fromVersion: number): Promise<TemplateUpdateSummary> {
  const stages = await tx.select({ id: projectStages.id, key: projectStages.key }).from(projectStages).where(eq(projectStages.projectId, projectId));
  const stageIdByKey = new Map(stages.map((s) => [s.key, s.id]));
  const existing = await tx
    .select({ id: checklistItems.id, templateKey: checklistItems.templateKey })
    .from(checklistItems)
    .where(and(eq(checklistItems.projectId, projectId), isNotNull(checklistItems.templateKey)));
  const idByKey = new Map(existing.map((row) => [row.templateKey!, row.id]));
  let added = 0;
  let updated = 0;
  for (const [position, stage] of template.stages.entries()) {
    const stageId = stageIdByKey.get(stage.key);
    if (!stageId) continue;
    await tx
      .update(projectStages)
      .set({ goal: stage.goal, chapters: stage.chapters, failureSignals: stage.failureSignals, position })
      .where(eq(projectStages.id, stageId));
    for (const [itemPosition, item] of stage.items.entries()) {
      const id = idByKey.get(item.key);
      if (id) {
        await tx.update(checklistItems).set({ ...itemValues(item), stageId, position: itemPosition }).where(eq(checklistItems.id, id));
        updated++;
      } else {
        await tx.insert(checklistItems).values({ projectId, stageId, position: itemPosition, ...itemValues(item) });
        added++;
      }
    }
  }
  await tx
    .update(projectRoadmaps)
    .set({ templateVersion: template.version, snapshot: snapshotOf(template), updatedAt: new Date() })
    .where(eq(projectRoadmaps.projectId, projectId));
  return { added, updated, fromVersion, toVersion: template.version };
}
