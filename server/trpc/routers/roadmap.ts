import { z } from 'zod';
import { cachedProjectRead } from '../cached-reads';
import { projectProcedure, idSchema, router } from '../init';
import { notFound } from '@/server/errors';
import { getRoadmapRow, listActivity, listDecisions, listFounderAnswers, listManualRisks, listStages } from '@/db/queries/roadmap';
import { rescueDays } from '@/server/roadmap/advice';
import { getProject } from '@/db/queries/projects';
import { TEMPLATES, getTemplate } from '@/server/roadmap/templates';
import { suggestTemplate } from '@/server/roadmap/suggest';
import { evaluateDecisionChecklist } from '@/server/roadmap/decision';
import { FOUNDER_CHECKLIST } from '@/server/roadmap/founder-checklist';
import {
  addManualRisk,
  answerFounderQuestion,
  assessProject,
  changeTemplate,
  recordDecision,
  setManualRiskStatus,
  updateToLatestTemplate,
} from '@/server/services/roadmap';
import { projectScope } from '@/server/services/scope';
import { dueDateSchema, IMPACT_AREAS, SEVERITIES } from './stages/item-schemas';
import { lookupKeySchema, patchText, requiredText } from '@/server/validation';

/** How many of the ranked risks the overview carries. */
const OVERVIEW_RISKS = 5;

export const roadmapRouter = router({
  /** Stages with progress, readiness, the go / no-go recommendation and the latest decision. */
  overview: projectProcedure('project:read').query(({ ctx }) => {
    const now = new Date();
    // The verdict reads monitoring (p95, uptime, incidents): cached per minute as the panels are.
    return cachedProjectRead(
      ctx,
      'roadmap.overview',
      null,
      async () => {
        const projectId = ctx.project.projectId;
        const [roadmap, assessment, decisions] = await Promise.all([getRoadmapRow(ctx.db, { projectId }), assessProject(ctx.db, projectId, now), listDecisions(ctx.db, { projectId })]);
        if (!roadmap) throw notFound('Roadmap');
        const latest = getTemplate(roadmap.templateId);
        const { evidence: _evidence, ...shown } = assessment;
        return {
          playbook: { id: roadmap.templateId, name: roadmap.snapshot.name, summary: roadmap.snapshot.summary, version: roadmap.templateVersion },
          updateAvailable: latest !== undefined && latest.version > roadmap.templateVersion ? latest.version : null,
          targets: roadmap.snapshot.targets,
          ...shown,
          // The overview shows the first risks to fix ("Fix first"); the whole ranked list is roadmap.risks.
          risks: assessment.risks.slice(0, OVERVIEW_RISKS),
          riskCount: assessment.risks.length,
          latestDecision: decisions[0] ?? null,
        };
      },
      { usesMonitoring: true, now },
    );
  }),

  /** The playbooks a project can follow, with the one its description suggests. */
  /** The playbook's advice for the overview: its minimum bar and, for a rescue, the days in order with dates and "when not to buy". */
  advice: projectProcedure('project:read').query(async ({ ctx }) => {
    const projectId = ctx.project.projectId;
    const [roadmap, project, stages] = await Promise.all([getRoadmapRow(ctx.db, { projectId }), getProject(ctx.db, { projectId }), listStages(ctx.db, { projectId })]);
    if (!roadmap || !project) throw notFound('Roadmap');
    return {
      playbook: roadmap.snapshot.name,
      minimumBar: roadmap.snapshot.minimumBar.map((l) => ({ key: l.key, text: l.text })),
      rescue: rescueDays(roadmap.snapshot, stages, project.project.createdAt),
    };
  }),

  templates: projectProcedure('project:read').query(async ({ ctx }) => {
    const row = await getProject(ctx.db, { projectId: ctx.project.projectId });
    const roadmap = await getRoadmapRow(ctx.db, { projectId: ctx.project.projectId });
    if (!row) throw notFound('Project');
    const suggestion = suggestTemplate(row.project);
    return {
      current: roadmap?.templateId ?? null,
      suggested: { id: suggestion.template.id, reason: suggestion.reason },
      templates: TEMPLATES.map((t) => ({ id: t.id, name: t.name, summary: t.summary, version: t.version })),
    };
  }),

  changeTemplate: projectProcedure('project:edit')
    .input(z.object({ templateId: lookupKeySchema }))
    .mutation(({ ctx, input }) => changeTemplate(ctx.db, projectScope(ctx), { templateId: input.templateId })),

  applyTemplateUpdate: projectProcedure('project:edit').mutation(({ ctx }) => updateToLatestTemplate(ctx.db, projectScope(ctx))),

  risks: projectProcedure('project:read').query(({ ctx }) => {
    const now = new Date();
    return cachedProjectRead(
      ctx,
      'roadmap.risks',
      null,
      async () => {
        const [assessment, manual] = await Promise.all([assessProject(ctx.db, ctx.project.projectId, now), listManualRisks(ctx.db, { projectId: ctx.project.projectId })]);
        return { ranked: assessment.risks, findingCounts: assessment.findingCounts, closed: manual.filter((r) => r.status !== 'open') };
      },
      { usesMonitoring: true, now },
    );
  }),

  addRisk: projectProcedure('project:edit')
    .input(
      z.object({
        title: requiredText(200, 'Describe the risk.', 'Keep the title under 200 characters.').min(3, 'Describe the risk.'),
        detail: patchText(2000, 'Keep the detail under 2,000 characters.', { multiline: true }),
        severity: z.enum(SEVERITIES, 'Choose a severity.'),
        impact: z.enum(IMPACT_AREAS, 'Choose an impact area.'),
        ownerName: patchText(80, 'Keep the name under 80 characters.'),
        deadline: dueDateSchema,
      }),
    )
    .mutation(({ ctx, input }) => {
      const { projectId, ...risk } = input;
      return addManualRisk(ctx.db, { projectId, actorId: ctx.user.id }, risk);
    }),

  setRiskStatus: projectProcedure('project:edit')
    .input(z.object({ riskId: idSchema, status: z.enum(['open', 'mitigated', 'accepted'], 'Choose open, mitigated or accepted.') }))
    .mutation(({ ctx, input }) => setManualRiskStatus(ctx.db, projectScope(ctx), { riskId: input.riskId, status: input.status })),

  decide: projectProcedure('project:edit')
    .input(
      z.object({
        decision: z.enum(['go', 'no_go'], 'Choose go or no-go.'),
        reason: requiredText(2000, 'Explain the decision in a sentence or two.', 'Keep the reason under 2,000 characters.', { multiline: true }).min(10, 'Explain the decision in a sentence or two.'),
      }),
    )
    .mutation(({ ctx, input }) => recordDecision(ctx.db, projectScope(ctx), { decision: input.decision, reason: input.reason })),

  decisions: projectProcedure('project:read').query(({ ctx }) => listDecisions(ctx.db, { projectId: ctx.project.projectId })),

  /** The founder decision checklist with this project's answers and the rule's verdict. */
  founderChecklist: projectProcedure('project:read').query(async ({ ctx }) => {
    const answers = await listFounderAnswers(ctx.db, { projectId: ctx.project.projectId });
    const byKey = Object.fromEntries(answers.map((a) => [a.questionKey, a.answer]));
    return {
      questions: FOUNDER_CHECKLIST.questions.map((q) => ({ key: q.key, text: q.text, answer: byKey[q.key] ?? null })),
      rule: FOUNDER_CHECKLIST.rule.text,
      result: evaluateDecisionChecklist(FOUNDER_CHECKLIST, byKey),
    };
  }),

  answerFounder: projectProcedure('item:update')
    .input(z.object({ questionKey: lookupKeySchema, answer: z.boolean() }))
    .mutation(({ ctx, input }) => answerFounderQuestion(ctx.db, projectScope(ctx), { questionKey: input.questionKey, answer: input.answer })),

  activity: projectProcedure('project:read')
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listActivity(ctx.db, { projectId: ctx.project.projectId, limit: input.limit })),
});
