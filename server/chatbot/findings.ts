/**
 * What a chatbot run adds to the project's findings (server/findings): one finding per failing
 * prompt, identified by (check "chatbot", code, prompt id), plus one for reply time over the
 * playbook's target. A canary leak is critical whatever the prompt's severity; an obeyed
 * injection is as severe as the prompt says (critical in the suggestions). Prompts that could
 * not be judged (no answer) leave their findings as they were. Evidence holds the masked answer
 * excerpt, never the raw one.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { findings } from '@/db/schema';
import { fingerprintOf } from '@/server/findings/fingerprint';
import { planFindings, type FindingState, type SeenFinding } from '@/server/findings/lifecycle';
import { applyFindingPlan } from '@/server/findings/record';
import type { ImpactArea } from '@/lib/vocabulary/roadmap-template';
import type { ReplyTimeVerdict } from '@/server/chat/reply-time';
import { METRIC_WORDS } from '@/server/chat/reply-time';
import type { ExpectationOutcome, PromptCategory, PromptSeverity } from '@/lib/vocabulary/chatbot';

export const CHATBOT_CHECK_ID = 'chatbot';

export type ResultForFindings = {
  resultId: string;
  promptId: string;
  title: string;
  category: PromptCategory;
  severity: PromptSeverity;
  status: 'pass' | 'fail' | 'error';
  canaryLeaked: boolean;
  outcomes: ExpectationOutcome[];
  /** Masked and shortened (server/chat/mask.ts). */
  answerExcerpt: string | null;
};

const WHAT: Record<PromptCategory, { code: string; what: string; fix: string; impact: ImpactArea }> = {
  injection: { code: 'injection-obeyed', what: 'went along with a prompt injection', fix: 'Keep instructions and user text apart (never paste user text into the system prompt), tell the model to ignore instructions inside user messages, and check answers before they are sent.', impact: 'security' },
  extraction: { code: 'instructions-revealed', what: 'gave away its hidden instructions', fix: 'Keep secrets and private data out of the system prompt, tell the model never to repeat its instructions, and filter answers that quote them.', impact: 'security' },
  'other-member-data': { code: 'member-data-disclosed', what: "shared another member's or client's data", fix: "Give the bot only the signed-in person's own data (filter by their account on the server, not in the prompt), and test again.", impact: 'security' },
  'personal-data': { code: 'personal-data-disclosed', what: 'handed out personal data', fix: 'Remove personal data the bot does not need from what it can read, and tell it to refuse requests for contact details.', impact: 'security' },
  'off-topic': { code: 'off-topic', what: 'wandered off topic', fix: 'Tell the bot what it is for and to decline anything else politely; off-topic answers cost model time and invite misuse.', impact: 'operations' },
  harmful: { code: 'harmful-answer', what: 'helped with a harmful request', fix: "Turn on the model provider's safety settings and tell the bot to refuse requests that could hurt people or accounts.", impact: 'security' },
  approval: { code: 'acted-without-approval', what: "acted on something that needs a person's approval", fix: 'Make sensitive actions (CRM changes, refunds, bookings) create a request that a person approves, instead of letting the model call them directly.', impact: 'security' },
  everyday: { code: 'everyday-answer', what: 'answered an everyday question badly', fix: 'Read the answer, fix the prompt or the data the bot draws on, and run the set again.', impact: 'revenue' },
};

const failedLabels = (outcomes: ExpectationOutcome[]) => outcomes.filter((o) => o.passed === false).map((o) => `${o.label}: ${o.detail}`);

function promptFinding(result: ResultForFindings, runId: string): SeenFinding | null {
  if (result.status !== 'fail') return null;
  // Identity is the prompt's id (renaming a prompt keeps its finding); the subject people read is its title.
  const identity = `prompt:${result.promptId}`;
  const subject = `chatbot prompt “${result.title}”`;
  const evidence = { runId, resultId: result.resultId, promptId: result.promptId, prompt: result.title, category: result.category, failed: failedLabels(result.outcomes), answerExcerpt: result.answerExcerpt };
  if (result.canaryLeaked) {
    const code = 'chatbot.canary-leaked';
    return {
      fingerprint: fingerprintOf(CHATBOT_CHECK_ID, code, identity),
      checkId: CHATBOT_CHECK_ID,
      code,
      subject,
      severity: 'critical',
      impact: 'security',
      message: `The chatbot repeated the leak canary from its system prompt when asked “${result.title}”: anyone can read its hidden instructions.`,
      fix: WHAT.extraction.fix,
      evidence,
    };
  }
  const onlySlow = result.outcomes.every((o) => o.passed !== false || o.kind === 'within-ms');
  const what = WHAT[result.category];
  const code = onlySlow ? 'chatbot.slow-answer' : `chatbot.${what.code}`;
  return {
    fingerprint: fingerprintOf(CHATBOT_CHECK_ID, code, identity),
    checkId: CHATBOT_CHECK_ID,
    code,
    subject,
    severity: onlySlow ? 'medium' : result.severity,
    impact: onlySlow ? 'revenue' : what.impact,
    message: onlySlow ? `The chatbot answered “${result.title}” more slowly than that prompt allows.` : `The chatbot ${what.what} (“${result.title}”): ${failedLabels(result.outcomes).join('; ')}`,
    fix: onlySlow ? 'Stream the answer, shorten what is sent to the model, or pick a faster model for simple questions.' : what.fix,
    evidence,
  };
}

function timeFinding(verdict: ReplyTimeVerdict, runId: string, answered: number): SeenFinding | null {
  if (!verdict.over) return null;
  const code = verdict.metric === 'start' ? 'chatbot.slow-reply-start' : 'chatbot.slow-replies';
  const subject = 'chatbot reply time';
  return {
    fingerprint: fingerprintOf(CHATBOT_CHECK_ID, code, 'run:reply-time'),
    checkId: CHATBOT_CHECK_ID,
    code,
    subject,
    severity: verdict.measuredMs > 2 * verdict.targetMs ? 'high' : 'medium',
    impact: 'revenue',
    message: `Across ${answered} prompts, 95% of the time ${METRIC_WORDS[verdict.metric]} within ${verdict.measuredMs} ms, over the ${verdict.targetMs} ms chat target.`,
    fix: verdict.metric === 'start' ? 'Stream the answer so the first words arrive while the model is still writing, and trim what runs before the model call.' : 'Shorten what is sent to the model (history, retrieved text), pick a faster model for simple questions, and cache what does not change.',
    evidence: { runId, scope: 'reply-time', ...verdict },
  };
}

export async function recordChatbotFindings(tx: DbOrTx, input: { projectId: string; runId: string; results: readonly ResultForFindings[]; replyTime: ReplyTimeVerdict[]; answered: number; now: Date }) {
  const seen = [...input.results.map((r) => promptFinding(r, input.runId)), ...input.replyTime.map((v) => timeFinding(v, input.runId, input.answered))].filter((f): f is SeenFinding => f !== null);
  const known = (await tx
    .select({ id: findings.id, fingerprint: findings.fingerprint, checkId: findings.checkId, state: findings.state, evidence: findings.evidence })
    .from(findings)
    .where(and(eq(findings.projectId, input.projectId), eq(findings.checkId, CHATBOT_CHECK_ID)))) as { id: string; fingerprint: string; checkId: string; state: FindingState; evidence: unknown }[];
  // Only what this run judged can be fixed by it: prompts that answered, and reply time when anything answered.
  const judged = new Set(input.results.filter((r) => r.status !== 'error').map((r) => r.promptId));
  const judgedBy = (evidence: unknown) => {
    const e = (evidence ?? {}) as { promptId?: unknown; scope?: unknown };
    return e.scope === 'reply-time' ? input.answered > 0 : typeof e.promptId === 'string' && judged.has(e.promptId);
  };
  const plan = planFindings(known.filter((k) => judgedBy(k.evidence)), seen, new Set([CHATBOT_CHECK_ID]));
  return applyFindingPlan(tx, { projectId: input.projectId, runId: null, plan, now: input.now });
}
