/** Roadmap-level verbs and the assessment (readiness, go / no-go, risks) built from a project's items. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { founderAnswers, goDecisions, manualRisks } from '@/db/schema';
import { getRoadmapRow, listFounderAnswers, listItems, listManualRisks, listStages, type ItemRow } from '@/db/queries/roadmap';
import { latestCheckEvidence, latestProjectRun } from '@/db/queries/check-runs';
import { listFindings } from '@/db/queries/findings';
import { findCheck } from '@/server/check-runs/registry';
import { actionWhereOf } from '@/server/check-runs/applicability';
import { effectiveState, isOpen } from '@/server/findings/lifecycle';
import { monitoringEvidence } from '@/server/monitoring/verdict-inputs';
import { evaluateDecisionChecklist } from '@/server/roadmap/decision';
import type { StageKey } from '@/lib/vocabulary/projects';
import type { AssessedItem } from '@/server/roadmap/assessment-types';
import { applyTemplateUpdate, hasProgress, instantiateRoadmap, removeRoadmap } from '@/server/roadmap/instantiate';
import { assessReadiness, stageProgress, type Readiness } from '@/server/roadmap/readiness';
import { recommend, type Recommendation, type VerdictEvidence } from '@/server/roadmap/recommendation';
import { rankRisks, type OpenFinding, type RankedRisk } from '@/server/roadmap/risks';
import { getTemplate } from '@/server/roadmap/templates';
import { FOUNDER_CHECKLIST } from '@/server/roadmap/founder-checklist';
import type { ImpactArea, Severity } from '@/lib/vocabulary/roadmap-template';
import { conflict, fieldError, notFound } from '@/server/errors';
import { quoted, recordActivity } from './activity';
import type { ProjectScope } from './scope';

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
  /** What the recommendation was computed from (kept with a recorded decision). */
  evidence: VerdictEvidence;
  risks: RankedRisk[];
  findingCounts: { critical: number; high: number; medium: number; low: number; accepted: number; fixed: number };
};

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Everything derived from a project's items, findings, monitoring and answers. */
export async function assessProject(db: Database, projectId: string, now = new Date()): Promise<Assessment> {
  const [stages, items, manual, allFindings, roadmap, lastRun, checkEvidence, answers] = await Promise.all([
    listStages(db, { projectId }),
    listItems(db, { projectId }),
    listManualRisks(db, { projectId }),
    listFindings(db, { projectId }),
    getRoadmapRow(db, { projectId }),
    latestProjectRun(db, { projectId }),
    latestCheckEvidence(db, { projectId }),
    listFounderAnswers(db, { projectId }),
  ]);
  const targets = roadmap?.snapshot.targets ?? { commonReadP95Ms: 300, notes: [] };
  const monitoring = await monitoringEvidence(db, projectId, targets, now);
  const assessed = items.map(toAssessed);
  const day = today(now);
  const open = allFindings.filter((f) => isOpen(f, day));
  const founder = evaluateDecisionChecklist(FOUNDER_CHECKLIST, Object.fromEntries(answers.map((a) => [a.questionKey, a.answer])));
  const evidence: VerdictEvidence = {
    now: now.toISOString(),
    items: assessed.map((i) => ({ ...i, latestCheckEvidenceAt: checkEvidence.get(i.id) ?? null })),
    findings: open.map((f) => ({ id: f.id, severity: f.severity, message: f.message, subject: f.subject, lastSeenAt: f.lastSeenAt.toISOString() })),
    ...monitoring,
    lastProjectRunAt: lastRun?.finishedAt?.toISOString() ?? null,
    lastProjectRunId: lastRun?.id ?? null,
    founder: { noCount: founder.noCount, threshold: FOUNDER_CHECKLIST.rule.noAnswersForAuditFirst },
  };
  const count = (severity: string) => open.filter((f) => f.severity === severity).length;
  return {
    stages: stages.map((stage) => {
      const own = assessed.filter((i) => i.stageKey === stage.key);
      return { key: stage.key, goal: stage.goal, progress: stageProgress(own), readiness: assessReadiness(own), itemCount: own.length };
    }),
    readiness: assessReadiness(assessed),
    recommendation: recommend(evidence),
    evidence,
    risks: rankRisks({
      items: items.map((i) => ({ ...toAssessed(i), automatedCheck: i.automatedCheck })),
      findings: open.map((f) => ({
        id: f.id,
        checkId: f.checkId,
        message: f.message,
        fix: f.fix,
        subject: f.subject,
        severity: f.severity,
        impact: f.impact,
        state: effectiveState(f, day) as OpenFinding['state'],
        owner: f.ownerUserName ?? f.ownerName,
        dueDate: f.dueDate,
        firstSeenAt: f.firstSeenAt.toISOString(),
      })),
      manual: manual
        .filter((r) => r.status === 'open')
        .map((r) => ({ id: r.id, title: r.title, severity: r.severity, impact: r.impact, owner: r.ownerUserName ?? r.ownerName, deadline: r.deadline })),
      blockedChecks: (lastRun?.skipped ?? []).map((r) => ({
        checkId: r.checkId,
        title: findCheck(r.checkId)?.title ?? r.checkId,
        reason: r.findings[0]?.message ?? 'It could not run.',
        action: r.findings[0]?.fix ?? 'Run the checks again.',
        where: actionWhereOf(r.findings[0]?.evidence),
      })),
    }),
    findingCounts: {
      critical: count('critical'),
      high: count('high'),
      medium: count('medium'),
      low: count('low'),
      accepted: allFindings.filter((f) => f.state === 'accepted' && !isOpen(f, day)).length,
      fixed: allFindings.filter((f) => f.state === 'fixed').length,
    },
  };
}

export async function changeTemplate(db: Database, scope: ProjectScope, input: { templateId: string }) {
  const { projectId, actorId } = scope;
  const template = getTemplate(input.templateId);
  if (!template) throw fieldError('templateId', 'Choose one of the listed playbooks.');
  await db.transaction(async (tx) => {
    if (await hasProgress(tx, projectId)) {
      throw conflict('Work has started on this roadmap, so its playbook can no longer be switched. Add items instead.');
    }
    await removeRoadmap(tx, projectId);
    await instantiateRoadmap(tx, projectId, template);
    await recordActivity(tx, { projectId, actorId, action: 'roadmap.template', summary: `switched the roadmap to ${quoted(template.name)}` });
  });
}

export async function updateToLatestTemplate(db: Database, scope: ProjectScope) {
  const { projectId, actorId } = scope;
  return db.transaction(async (tx) => {
    const roadmap = await getRoadmapRow(tx, { projectId });
    if (!roadmap) throw notFound('Roadmap');
    const template = getTemplate(roadmap.templateId);
    if (!template || template.version <= roadmap.templateVersion) {
      throw conflict('This roadmap already follows the latest version of its playbook.');
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

export async function addManualRisk(db: Database, scope: ProjectScope, input: RiskInput) {
  const { projectId, actorId } = scope;
  return db.transaction(async (tx) => {
    const [risk] = await tx.insert(manualRisks).values({ projectId, createdBy: actorId, ...input }).returning();
    await recordActivity(tx, { projectId, actorId, action: 'risk.create', summary: `added the risk ${quoted(input.title)}` });
    return risk!;
  });
}

export async function setManualRiskStatus(db: Database, scope: ProjectScope, input: { riskId: string; status: 'open' | 'mitigated' | 'accepted' }) {
  const { projectId, actorId } = scope;
  const { riskId, status } = input;
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

export async function recordDecision(db: Database, scope: ProjectScope, input: { decision: 'go' | 'no_go'; reason: string }) {
  const { projectId, actorId } = scope;
  const { recommendation, evidence } = await assessProject(db, projectId);
  return db.transaction(async (tx) => {
    const snapshot = { ...recommendation, evidence: evidenceSnapshot(evidence) };
    const [row] = await tx.insert(goDecisions).values({ projectId, decidedBy: actorId, decision: input.decision, reason: input.reason, recommendation: snapshot }).returning();
    await recordActivity(tx, {
      projectId,
      actorId,
      action: 'decision.record',
      summary: `recorded a ${input.decision === 'go' ? 'go' : 'no-go'} decision (the app recommended ${recommendation.verdict})`,
    });
    return row!;
  });
}

export async function answerFounderQuestion(db: Database, scope: ProjectScope, input: { questionKey: string; answer: boolean }) {
  const { projectId, actorId } = scope;
  const { questionKey, answer } = input;
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


/** What a recorded decision keeps of the evidence: the measured facts, not the whole checklist. */
function evidenceSnapshot(evidence: VerdictEvidence) {
  return {
    at: evidence.now,
    findings: evidence.findings,
    monitors: evidence.monitors,
    openIncidents: evidence.openIncidents,
    lastProjectRunAt: evidence.lastProjectRunAt,
    lastProjectRunId: evidence.lastProjectRunId,
    founder: evidence.founder,
    criticalItems: evidence.items.filter((i) => i.severity === 'critical').map((i) => ({ id: i.id, title: i.title, status: i.status })),
  };
}
