/** Roadmap-level verbs and the assessment (readiness, go / no-go, risks) built from a project's items. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { founderAnswers, goDecisions, manualRisks } from '@/db/schema';
import { getRoadmapRow, listItems, listManualRisks, listStages, type ItemRow } from '@/db/queries/roadmap';
import type { StageKey } from '@/server/projects/kinds';
import type { AssessedItem } from '@/server/roadmap/assessment-types';
import { applyTemplateUpdate, hasProgress, instantiateRoadmap, removeRoadmap } from '@/server/roadmap/instantiate';
import { assessReadiness, stageProgress, type Readiness } from '@/server/roadmap/readiness';
import { recommend, type Recommendation } from '@/server/roadmap/recommendation';
import { rankRisks, type RankedRisk } from '@/server/roadmap/risks';
import { getTemplate } from '@/server/roadmap/templates';
import { FOUNDER_CHECKLIST } from '@/server/roadmap/founder-checklist';
import type { ImpactArea, Severity } from '@/server/roadmap/types';
import { fieldError, notFound } from '@/server/trpc/errors';
import { TRPCError } from '@trpc/server';
import { quoted, recordActivity } from './activity';

export function toAssessed(item: ItemRow): AssessedItem {
  return {
    id: item.id,
    title: item.title,
    stageKey: item.stageKey,
    severity: item.severity,
    impact: item.impact,
    status: item.status,
    dueDate: item.dueDate,
    ownerLabel: item.ownerUserName ?? item.ownerName,
  };
}

export type StageSummary = { key: StageKey; goal: string; progress: number; readiness: Readiness; itemCount: number };

export type Assessment = {
  stages: StageSummary[];
  readiness: Readiness;
  recommendation: Recommendation;
  risks: RankedRisk[];
};

/** Everything derived from a project's items, from two queries. */
export async function assessProject(db: Database, projectId: string): Promise<Assessment> {
  const [stages, items, manual] = await Promise.all([listStages(db, { projectId }), listItems(db, { projectId }), listManualRisks(db, { projectId })]);
  const assessed = items.map(toAssessed);
  return {
    stages: stages.map((stage) => {
      const own = assessed.filter((i) => i.stageKey === stage.key);
      return { key: stage.key, goal: stage.goal, progress: stageProgress(own), readiness: assessReadiness(own), itemCount: own.length };
    }),
    readiness: assessReadiness(assessed),
    recommendation: recommend(assessed),
    risks: rankRisks(
      assessed,
      manual
        .filter((r) => r.status === 'open')
        .map((r) => ({ id: r.id, title: r.title, severity: r.severity, impact: r.impact, owner: r.ownerUserName ?? r.ownerName, deadline: r.deadline })),
    ),
  };
}

export async function changeTemplate(db: Database, projectId: string, actorId: string, templateId: string) {
  const template = getTemplate(templateId);
  if (!template) throw fieldError('templateId', 'Choose one of the listed playbooks.');
  await db.transaction(async (tx) => {
    if (await hasProgress(tx, projectId)) {
      throw new TRPCError({ code: 'CONFLICT', message: 'Work has started on this roadmap, so its playbook can no longer be switched. Add items instead.' });
    }
    await removeRoadmap(tx, projectId);
    await instantiateRoadmap(tx, projectId, template);
    await recordActivity(tx, { projectId, actorId, action: 'roadmap.template', summary: `switched the roadmap to ${quoted(template.name)}` });
  });
}

export async function updateToLatestTemplate(db: Database, projectId: string, actorId: string) {
  return db.transaction(async (tx) => {
    const roadmap = await getRoadmapRow(tx, { projectId });
    if (!roadmap) throw notFound('Roadmap');
    const template = getTemplate(roadmap.templateId);
    if (!template || template.version <= roadmap.templateVersion) {
      throw new TRPCError({ code: 'CONFLICT', message: 'This roadmap already follows the latest version of its playbook.' });
    }
    const summary = await applyTemplateUpdate(tx, projectId, template, roadmap.templateVersion);
    await recordActivity(tx, {
      projectId,
      actorId,
      action: 'roadmap.update',
      summary: `applied playbook update v${summary.fromVersion} → v${summary.toVersion} (${summary.added} new items, ${summary.updated} refreshed)`,
    });
    return summary;
  });
}

export type RiskInput = { title: string; detail?: string | null; severity: Severity; impact: ImpactArea; ownerName?: string | null; deadline?: string | null };

export async function addManualRisk(db: Database, projectId: string, actorId: string, input: RiskInput) {
  return db.transaction(async (tx) => {
    const [risk] = await tx.insert(manualRisks).values({ projectId, createdBy: actorId, ...input }).returning();
    await recordActivity(tx, { projectId, actorId, action: 'risk.create', summary: `added the risk ${quoted(input.title)}` });
    return risk!;
  });
}

export async function setManualRiskStatus(db: Database, projectId: string, actorId: string, riskId: string, status: 'open' | 'mitigated' | 'accepted') {
  await db.transaction(async (tx) => {
    const [risk] = await tx
      .update(manualRisks)
      .set({ status, updatedAt: new Date() })
      .where(and(eq(manualRisks.id, riskId), eq(manualRisks.projectId, projectId)))
      .returning({ title: manualRisks.title });
    if (!risk) throw notFound('Risk');
    await recordActivity(tx, { projectId, actorId, action: 'risk.status', summary: `marked the risk ${quoted(risk.title)} as ${status}` });
  });
}

export async function recordDecision(db: Database, projectId: string, actorId: string, input: { decision: 'go' | 'no_go'; reason: string }) {
  const { recommendation } = await assessProject(db, projectId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(goDecisions).values({ projectId, decidedBy: actorId, decision: input.decision, reason: input.reason, recommendation }).returning();
    await recordActivity(tx, {
      projectId,
      actorId,
      action: 'decision.record',
      summary: `recorded a ${input.decision === 'go' ? 'go' : 'no-go'} decision (the app recommended ${recommendation.verdict})`,
    });
    return row!;
  });
}

export async function answerFounderQuestion(db: Database, projectId: string, actorId: string, questionKey: string, answer: boolean) {
  const question = FOUNDER_CHECKLIST.questions.find((q) => q.key === questionKey);
  if (!question) throw fieldError('questionKey', 'Unknown question.');
  await db.transaction(async (tx) => {
    await tx
      .insert(founderAnswers)
      .values({ projectId, questionKey, answer, answeredBy: actorId })
      .onConflictDoUpdate({ target: [founderAnswers.projectId, founderAnswers.questionKey], set: { answer, answeredBy: actorId, answeredAt: new Date() } });
    await recordActivity(tx, { projectId, actorId, action: 'founder.answer', summary: `answered ${answer ? 'yes' : 'no'} to ${quoted(question.text)}` });
  });
}

