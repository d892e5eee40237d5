/**
 * What the Chatbot section shows: set-up (the canary only to people who may edit), the prompt set,
 * playbook suggestions not in it yet, the latest runs with what changed, and the verdict the
 * checklist items follow — each figure from stored runs, with the date it was measured.
 */
import type { Database } from '@/db/types';
import { getChatbotSettings, latestFinishedRun, listChatbotRuns, listPrompts, listRunResults } from '@/db/queries/chatbot';
import { getProject } from '@/db/queries/projects';
import { getRoadmapRow } from '@/db/queries/roadmap';
import { getOwnership } from '@/db/queries/check-runs';
import { DEFAULT_CHAT_TARGET_MS, chatTargetsOf } from '@/server/chat/reply-time';
import { buildCheckTarget } from '@/server/check-runs/target';
import { notFound } from '@/server/errors';
import { chatEndpointOf } from './chat-target';
import { REFUSAL_PHRASES, REFUSAL_WINDOW } from './refusal';
import { REQUESTS_PER_HOUR } from './run';
import { promptSuggestions } from './suggestions';
import { chatbotVerdict } from './verdict';
import { diffChatbotRuns } from './diff';

export async function chatbotOverview(db: Database, projectId: string, options: { showCanary: boolean }) {
  const [row, roadmap, settings, prompts, runs, ownership, latest] = await Promise.all([
    getProject(db, { projectId }),
    getRoadmapRow(db, { projectId }),
    getChatbotSettings(db, { projectId }),
    listPrompts(db, { projectId }),
    listChatbotRuns(db, { projectId, limit: 10 }),
    getOwnership(db, { projectId }),
    latestFinishedRun(db, { projectId }),
  ]);
  if (!row || !roadmap) throw notFound('Project');
  const target = buildCheckTarget(row.project, roadmap.snapshot.targets, false);
  const targets = chatTargetsOf(roadmap.snapshot.targets);
  const targetMs = targets.startMs ?? targets.completeMs ?? DEFAULT_CHAT_TARGET_MS;
  const present = new Set(prompts.map((p) => p.suggestionKey));
  const suggestions = promptSuggestions([row.project.name], targetMs).filter((s) => !present.has(s.key));
  const latestResults = latest ? await listRunResults(db, { projectId, runIds: [latest.id] }) : [];
  return {
    endpoint: chatEndpointOf(target.endpoints),
    ownershipVerified: Boolean(ownership?.verifiedAt && ownership.domain === row.project.primaryDomain),
    settings: settings
      ? {
          requestTemplate: settings.requestTemplate,
          answerPath: settings.answerPath,
          canary: options.showCanary ? settings.canary : null,
          canaryCreatedAt: settings.canaryCreatedAt,
          promptSetVersion: settings.promptSetVersion,
          scheduleEnabled: settings.scheduleEnabled,
          scheduleEveryDays: settings.scheduleEveryDays,
          nextRunAt: settings.nextRunAt,
        }
      : null,
    targets,
    prompts,
    suggestions,
    /** What pasted everyday questions expect unless the founder says otherwise: the product's name, the chat target. */
    everydayDefaults: { keywords: [row.project.name], withinMs: targetMs },
    runs,
    latest: latest ? { ...latest, verdict: chatbotVerdict(latestResults) } : null,
    limits: { requestsPerHour: REQUESTS_PER_HOUR, refusalPhrases: REFUSAL_PHRASES, refusalWindow: REFUSAL_WINDOW },
  };
}

/** One run with its results and what changed since the run before it. */
export async function chatbotRunDetail(db: Database, projectId: string, run: { id: string; startedAt: Date; status: string }, previousId: string | null) {
  const results = await listRunResults(db, { projectId, runIds: previousId ? [run.id, previousId] : [run.id] });
  const current = results.filter((r) => r.runId === run.id);
  const previous = results.filter((r) => r.runId === previousId);
  return { results: current, changes: run.status === 'done' && previousId ? diffChatbotRuns(previous, current) : [], verdict: chatbotVerdict(current) };
}
