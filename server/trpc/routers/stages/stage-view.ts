/** Builds what a stage page shows: the stage, its filtered items with evidence and comments, and its readiness. */
import type { Database } from '@/db/types';
import { getRoadmapRow, listComments, listEvidence, listItems, listStages, type ItemRow } from '@/db/queries/roadmap';
import { listMembers } from '@/db/queries/workspaces';
import type { StageKey } from '@/lib/vocabulary/projects';
import { assessReadiness, stageProgress } from '@/server/roadmap/readiness';
import { chapterLabel } from '@/server/roadmap/chapters';
import { stageAdvice } from '@/server/roadmap/advice';
import { toAssessed } from '@/server/services/roadmap';
import { notFound } from '@/server/errors';
import type { ItemFilter } from './item-schemas';
import { findCheck } from '@/server/check-runs/registry';
import { listOpenFindingsOfChecks } from '@/db/queries/findings';
import { effectiveState, isOpen } from '@/server/findings/lifecycle';
import { checkGapOf } from '@/server/roadmap/check-roles';
import { latestCheckPassed, passBasis } from '@/server/roadmap/pass-basis';

function matches(filter: ItemFilter, item: ItemRow, userId: string, today: string): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'mine':
      return item.ownerUserId === userId;
    case 'overdue':
      return item.dueDate !== null && item.dueDate < today && item.status !== 'passed' && item.status !== 'not_applicable';
    case 'failing':
      return item.status === 'failed';
    case 'critical':
      return item.severity === 'critical';
  }
}

export async function loadStageView(
  db: Database,
  input: { projectId: string; workspaceId: string; stageKey: StageKey; userId: string; filter: ItemFilter; includeMembers: boolean },
) {
  const [roadmap, stages, items] = await Promise.all([
    getRoadmapRow(db, { projectId: input.projectId }),
    listStages(db, { projectId: input.projectId }),
    listItems(db, { projectId: input.projectId, stageKey: input.stageKey }),
  ]);
  const stage = stages.find((s) => s.key === input.stageKey);
  if (!roadmap || !stage) throw notFound('Stage');
  const today = new Date().toISOString().slice(0, 10);
  const visible = items.filter((item) => matches(input.filter, item, input.userId, today));
  const ids = visible.map((i) => i.id);
  const checkIds = [...new Set(visible.map((i) => i.automatedCheck).filter((c): c is string => c !== null))];
  const [evidence, comments, members, findingRows] = await Promise.all([
    listEvidence(db, { projectId: input.projectId, itemIds: ids }),
    listComments(db, { projectId: input.projectId, itemIds: ids }),
    input.includeMembers ? listMembers(db, { workspaceId: input.workspaceId }) : Promise.resolve([]),
    listOpenFindingsOfChecks(db, { projectId: input.projectId, checkIds }),
  ]);
  const assessed = items.map(toAssessed);
  const counts = Object.fromEntries(
    (['all', 'mine', 'overdue', 'failing', 'critical'] as const).map((f) => [f, items.filter((i) => matches(f, i, input.userId, today)).length]),
  ) as Record<ItemFilter, number>;
  return {
    stage: {
      key: stage.key,
      position: stage.position,
      goal: stage.goal,
      chapters: stage.chapters.map((c) => ({ ...c, label: chapterLabel(roadmap.snapshot, c) })),
      failureSignals: stage.failureSignals,
      /** The playbook's "what I would automate" and "don't overbuild" lines about this stage. */
      advice: stageAdvice(roadmap.snapshot, stage.key),
    },
    stages: stages.map((s) => ({ key: s.key, position: s.position })),
    playbook: { templateId: roadmap.templateId, name: roadmap.snapshot.name },
    targets: roadmap.snapshot.targets,
    progress: stageProgress(assessed),
    readiness: assessReadiness(assessed),
    counts,
    /** Automated checks that can settle items of this stage. */
    runnableChecks: [...new Set(items.map((i) => i.automatedCheck).filter((c): c is string => c !== null && findCheck(c) !== undefined))],
    items: visible.map((item) => {
      const own = evidence.filter((e) => e.itemId === item.id);
      return {
        ...item,
        ownerLabel: item.ownerUserName ?? item.ownerName,
        evidence: own,
        comments: comments.filter((c) => c.itemId === item.id),
        /** What marking it Passed would rest on; null means the person must give a note or link. */
        passBasis: passBasis(own),
        /** Its check passed but only supports it: shown as "Check passed — a person confirms". */
        awaitingConfirmation: item.checkRole === 'supports' && latestCheckPassed(own) && item.status !== 'passed' && item.status !== 'not_applicable',
        /** What the check does not test, for items it only supports. */
        checkGap: item.checkRole === 'supports' ? (checkGapOf(roadmap.templateId, item.templateKey) ?? null) : null,
      };
    }),
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    /** Open findings of the checks the shown items name; each item shows those of its check. */
    findings: findingRows
      .filter((f) => isOpen(f, today))
      .map((f) => ({ id: f.id, checkId: f.checkId, subject: f.subject, severity: f.severity, message: f.message, state: effectiveState(f, today) })),
  };
}
