/**
 * The chat endpoint: a test prompt is sent through the project's request template (three times,
 * one after another), the answer read whether it comes as JSON or streamed (SSE, JSON lines,
 * chunked text), and the time until the reply starts and until it is complete compared with
 * the playbook's chat target (2 s in the AI playbooks). An answer that carries the leak canary
 * fails. Answers are stored masked and shortened (server/chat/mask.ts).
 *
 * A POST to a chatbot costs the founder money, so it goes only to an address under the
 * project's domain, and only once ownership is proved (the run's applicability rules).
 */
import { findCanary } from '@/server/chat/canary';
import { maskChatText } from '@/server/chat/mask';
import { judgeReplyTime, METRIC_WORDS, type ReplyTimeVerdict } from '@/server/chat/reply-time';
import { sendPrompt, type ChatExchange } from '@/server/chat/send';
import { findingsOf } from './support/finding';
import { OUTSIDE_FIX, probeScope } from './support/probe-scope';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'chat';
export const title = 'Chat endpoint answers, in time, without leaking';

const finding = findingsOf(id);
export const TEST_PROMPT = 'Hi! In one or two sentences, what can you help me with?';
export const SAMPLES = 3;
const EXCERPT_LENGTH = 200;

function sampleEvidence(exchange: ChatExchange): JsonValue {
  if (!exchange.ok) return { ok: false, error: exchange.code, message: exchange.message, status: exchange.status };
  const round = (ms: number | null) => (ms === null ? null : Math.round(ms));
  return { ok: true, status: exchange.status, format: exchange.format, streamed: exchange.streamed, firstByteMs: round(exchange.firstByteMs), firstTextMs: round(exchange.firstTextMs), totalMs: round(exchange.totalMs) };
}

function timeFinding(url: string, verdict: ReplyTimeVerdict, samples: number): Finding | null {
  if (!verdict.over) return null;
  const far = verdict.measuredMs > 2 * verdict.targetMs;
  const message = `${url}: in the slowest of ${samples} test prompts, ${METRIC_WORDS[verdict.metric]} after ${verdict.measuredMs} ms, over the ${verdict.targetMs} ms target.`;
  const fix =
    verdict.metric === 'start'
      ? 'Stream the answer (server-sent events) so the first words arrive while the model is still writing, and find what runs before the model call (history look-ups, retrieval) in your tracing.'
      : 'Shorten what is sent to the model (history, retrieved text), pick a faster model for simple questions, or stream the answer; then run this again.';
  return finding(far ? 'high' : 'medium', verdict.metric === 'start' ? 'slow-start' : 'slow-reply', message, fix, { url, ...verdict });
}

/** Only projects with a chat endpoint (or a chat set-up) are sent a test prompt. */
export function appliesTo(target: CheckTarget): boolean {
  return target.chat !== undefined || (target.endpoints ?? []).some((e) => e.kind === 'chat');
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const chat = target.chat;
  if (!chat) {
    return result([finding('info', 'not-set-up', 'No chat endpoint with a request template is set up, so no test prompt was sent.', 'Add the chat endpoint in project settings and its request template in the Chatbot section.', null)], undefined, { incomplete: true });
  }
  const url = chat.endpoint.url;
  const scope = probeScope(url, target.domain);
  if (!scope.inScope) return result([finding('info', 'outside-domain', `${url}: ${scope.message}`, OUTSIDE_FIX, { url, domain: target.domain })], undefined, { incomplete: true });

  const exchanges: ChatExchange[] = [];
  for (let i = 0; i < SAMPLES; i++) exchanges.push(await sendPrompt(deps.http, chat.endpoint, TEST_PROMPT, { timeoutMs: 8_000 }));
  const answered = exchanges.flatMap((e) => (e.ok ? [e] : []));
  const failed = exchanges.flatMap((e) => (e.ok ? [] : [e]));
  const evidence = {
    url,
    prompt: TEST_PROMPT,
    samples: exchanges.map(sampleEvidence),
    answerExcerpt: answered[0] ? maskChatText(answered[0].answer, chat.canary, EXCERPT_LENGTH) : null,
    targets: chat.targets,
  };
  const findings: Finding[] = [];
  if (answered.length === 0) {
    const first = failed[0]!;
    findings.push(
      finding('high', 'no-answer', `${url} gave no answer to the test prompt: ${first.message}`, first.code === 'no-answer' ? 'Check the request template and the answer path in the Chatbot section against what your endpoint expects and returns.' : 'Check that the chat endpoint is up and accepts the request template, then run this again.', { url, error: first.code, status: first.status }),
    );
    return result(findings, evidence);
  }
  if (failed.length > 0) {
    findings.push(finding('medium', 'errors', `${url} failed ${failed.length} of ${SAMPLES} test prompts (${failed[0]!.message})`, 'Look for these failures in your logs: a chat endpoint that fails under no load will fail more under real traffic.', { url, failed: failed.length, samples: SAMPLES }));
  }
  if (chat.canary && answered.some((e) => findCanary(e.answer, chat.canary!).leaked)) {
    findings.push(
      finding('critical', 'canary-leaked', `${url} repeated the leak canary from its system prompt in answer to a harmless question: anyone can read the bot's hidden instructions.`, 'Take secrets and private data out of the system prompt, tell the model never to repeat its instructions, and filter answers that contain the canary before they are sent.', { url }),
    );
  }
  // The slowest answered sample stands for p95: with three samples they are the same rank.
  const slowest = {
    firstByteMs: Math.max(...answered.map((e) => e.firstByteMs ?? e.totalMs)),
    firstTextMs: Math.max(...answered.map((e) => e.firstTextMs ?? e.totalMs)),
    totalMs: Math.max(...answered.map((e) => e.totalMs)),
  };
  const verdicts = judgeReplyTime(slowest, chat.targets);
  for (const verdict of verdicts) {
    const slow = timeFinding(url, verdict, answered.length);
    if (slow) findings.push(slow);
  }
  if (verdicts.some((v) => v.usedDefault)) {
    findings.push(finding('info', 'default-target', 'The project\'s playbook sets no chat target, so the complete reply was judged against 2 s.', 'Pick an AI chatbot playbook to judge against its own chat target.', { targetMs: verdicts[0]!.targetMs }));
  }
  return result(findings, { ...evidence, slowest: { firstByteMs: Math.round(slowest.firstByteMs), firstTextMs: Math.round(slowest.firstTextMs), totalMs: Math.round(slowest.totalMs) } });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { chatEvidence as evidenceSchema, type ChatEvidence as Evidence } from './evidence/probes';
