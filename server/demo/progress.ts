/**
 * Gives the demo projects some history, so a first look shows a roadmap in motion rather than
 * seven empty stages: finished audits, a failing critical check with its evidence, a recorded
 * decision, a hand-added risk and founder checklist answers. Every passed item carries evidence.
 */
import type { Database } from '@/db/types';
import { listItems } from '@/db/queries/roadmap';
import { addEvidence, updateItem } from '@/server/services/checklist';
import { addManualRisk, answerFounderQuestion, recordDecision } from '@/server/services/roadmap';
import { FOUNDER_CHECKLIST } from '@/server/roadmap/founder-checklist';
import type { StageKey } from '@/lib/vocabulary/projects';

/** Share of each stage's items already passed, per demo project (in stage order). */
const PASSED_SHARE: Record<string, Partial<Record<StageKey, number>>> = {
  'Cohort Club': { audit: 1, routing: 0.8, perimeter: 0.5, deployment: 0.4, performance: 0.25 },
  'Coach Copilot': { audit: 1, routing: 0.4 },
  'Member Hub rescue': {},
};

/** Passed needs evidence (docs/decisions/0010): each passed demo item says what was looked at. */
function demoEvidence(item: { kind: 'check' | 'deliverable'; automatedCheck: string | null }): { body: string; url?: string } {
  if (item.automatedCheck) return { body: `Reviewed the ${item.automatedCheck} results with the founder on the kick-off call; nothing open.` };
  return item.kind === 'deliverable'
    ? { body: 'Delivered and filed in the shared project folder.', url: 'https://example.com/handover/shared-folder' }
    : { body: 'Walked through it with the founder on the kick-off call; nothing open.' };
}

export async function seedDemoProgress(db: Database, projects: { id: string; name: string }[], actorId: string): Promise<void> {
  for (const project of projects) {
    const items = await listItems(db, { projectId: project.id });
    const shares = PASSED_SHARE[project.name] ?? {};
    for (const [stageKey, share] of Object.entries(shares) as [StageKey, number][]) {
      const own = items.filter((i) => i.stageKey === stageKey);
      for (const item of own.slice(0, Math.round(own.length * share))) {
        await updateItem(db, { projectId: project.id, stageKey, actorId }, item.id, { status: 'passed', ownerUserId: actorId, evidence: demoEvidence(item) });
      }
    }
    if (project.name === 'Cohort Club') {
      const failing = items.find((i) => i.stageKey === 'perimeter' && i.severity === 'critical' && i.automatedCheck === 'secrets');
      if (failing) {
        const scope = { projectId: project.id, stageKey: 'perimeter' as const, actorId };
        await updateItem(db, scope, failing.id, { status: 'failed', ownerName: 'Sam (client developer)', dueDate: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) });
        await addEvidence(db, scope, failing.id, { body: 'A live payment key is visible in the shipped main.js bundle (masked: sk_l…, 107 characters). Rotate it, then move it to a server-side variable.' });
      }
      await addManualRisk(db, { projectId: project.id, actorId: actorId }, { title: 'Only one person can deploy to production', severity: 'high', impact: 'operations', ownerName: 'Dana' });
      await recordDecision(db, { projectId: project.id, actorId: actorId }, { decision: 'no_go', reason: 'A payment key ships in the browser bundle. Rotate it and re-check before the launch email.' });
    }
    if (project.name === 'Member Hub rescue') {
      for (const [index, question] of FOUNDER_CHECKLIST.questions.entries()) {
        await answerFounderQuestion(db, { projectId: project.id, actorId }, { questionKey: question.key, answer: index % 3 !== 0 });
      }
    }
  }
}
