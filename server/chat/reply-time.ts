/**
 * Judging a chat reply's time against the playbook: seed 001 sets 2 s p95 for the reply to
 * *start* (first answer text; a JSON reply starts when it is complete), seed 003 sets 2 s p95
 * for the *complete* reply. Playbooks without a chat target are judged on the complete reply
 * against 2 s, the figure both AI playbooks use.
 */
export const DEFAULT_CHAT_TARGET_MS = 2_000;

export type ChatTargets = { startMs?: number; completeMs?: number };
export type ReplyMetric = 'start' | 'complete';
export type ReplyTimes = { firstByteMs: number | null; firstTextMs: number | null; totalMs: number };
export type ReplyTimeVerdict = { metric: ReplyMetric; measuredMs: number; targetMs: number; over: boolean; usedDefault: boolean };

/** The playbook's chat targets (the roadmap snapshot's `targets`). */
export function chatTargetsOf(targets: { chatStartP95Ms?: number; chatResponseP95Ms?: number } | null | undefined): ChatTargets {
  return {
    ...(targets?.chatStartP95Ms ? { startMs: targets.chatStartP95Ms } : {}),
    ...(targets?.chatResponseP95Ms ? { completeMs: targets.chatResponseP95Ms } : {}),
  };
}

/** The time that counts for a target: when the answer started, or when it was complete. */
export function measuredFor(metric: ReplyMetric, times: ReplyTimes): number {
  return metric === 'start' ? (times.firstTextMs ?? times.totalMs) : times.totalMs;
}

/** Every target the playbook sets (the default when it sets none), judged on one reply or on a worst case. */
export function judgeReplyTime(times: ReplyTimes, targets: ChatTargets, limitMs?: number): ReplyTimeVerdict[] {
  const verdict = (metric: ReplyMetric, targetMs: number, usedDefault = false): ReplyTimeVerdict => {
    const measuredMs = Math.round(measuredFor(metric, times));
    return { metric, measuredMs, targetMs, over: measuredMs > targetMs, usedDefault };
  };
  if (limitMs !== undefined) return [verdict('complete', limitMs)];
  const verdicts: ReplyTimeVerdict[] = [];
  if (targets.startMs) verdicts.push(verdict('start', targets.startMs));
  if (targets.completeMs) verdicts.push(verdict('complete', targets.completeMs));
  return verdicts.length > 0 ? verdicts : [verdict('complete', DEFAULT_CHAT_TARGET_MS, true)];
}

export const METRIC_WORDS: Record<ReplyMetric, string> = { start: 'the reply started', complete: 'the reply was complete' };
