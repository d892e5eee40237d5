/**
 * Go / no-go, computed only from stored evidence, every reason linking to what it rests on:
 * - no-go: an open critical finding, or a critical checklist item failing;
 * - not yet: open high findings, critical items nobody verified, a monitor whose 7-day p95 is over
 *   the playbook's target for its kind of endpoint or whose uptime is under target, an open
 *   incident, critical evidence older than 7 days (or no automated run in 7 days), or two or more
 *   "no" answers on the founder checklist (audit first), a journey whose 7-day success rate is under
 *   its target (sign-in: the playbook's "more than 99 %"), or a sign-in journey with no run in 24 h;
 * - go: none of these.
 */
import type { AssessedItem } from './assessment-types';
import { checksSentence, formatUptime } from '@/server/monitoring/uptime';

export type Verdict = 'go' | 'no-go' | 'not-yet';

export type VerdictReason = {
  level: Exclude<Verdict, 'go'> | 'ok';
  /** What kind of evidence the reason rests on. */
  kind: 'finding' | 'item' | 'latency' | 'uptime' | 'incident' | 'stale' | 'founder' | 'journey' | 'summary';
  text: string;
  /** Where the evidence is shown, relative to the project (e.g. "risks#finding-…"); null for summaries. */
  href: string | null;
};

export type Recommendation = { verdict: Verdict; reasons: VerdictReason[] };

export const STALE_AFTER_DAYS = 7;

export type VerdictFinding = { id: string; severity: string; message: string; subject: string; lastSeenAt: string };
export type VerdictMonitor = {
  id: string;
  name: string;
  /** Paused now: its figures are from before the pause. */
  paused?: boolean;
  /** 7-day figures; null when the monitor measured nothing (paused, new). */
  p95Ms: number | null;
  p95TargetMs: number | null;
  targetLabel: string;
  uptimePercent: number | null;
  checks: number;
  failures: number;
};
/** A sign-in or API journey with its measured 7-day success rate (server/journeys/verdict-inputs.ts). */
export type VerdictJourney = {
  id: string;
  name: string;
  kind: 'sign-in' | 'api' | 'browser';
  paused: boolean;
  /** Null when it ran nothing in 7 days. */
  successPercent: number | null;
  runs: number;
  passed: number;
  /** Whether the rate meets its target, and the target in words ("more than 99 % (the playbook's sign-in target)"). */
  meetsTarget: boolean;
  targetLabel: string;
  lastRunAt: string | null;
};
export type VerdictItem = AssessedItem & { latestCheckEvidenceAt: string | null };

export type VerdictEvidence = {
  now: string;
  items: readonly VerdictItem[];
  /** Open findings (open, regressed, or accepted past expiry). */
  findings: readonly VerdictFinding[];
  monitors: readonly VerdictMonitor[];
  uptimeTargetPercent: number | null;
  openIncidents: readonly { id: string; monitorId: string; monitorName: string; startedAt: string }[];
  /** When the latest whole-project run finished; null when none has. */
  lastProjectRunAt: string | null;
  lastProjectRunId: string | null;
  founder: { noCount: number; threshold: number };
  /** Absent in decisions recorded before journeys existed. */
  journeys?: readonly VerdictJourney[];
};

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.floor((Date.parse(to) - Date.parse(from)) / DAY);
const fmtMs = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;

export function recommend(evidence: VerdictEvidence): Recommendation {
  const reasons: VerdictReason[] = [];
  const applicable = evidence.items.filter((i) => i.status !== 'not_applicable');
  const critical = applicable.filter((i) => i.severity === 'critical');
  const itemHref = (i: AssessedItem) => `stages/${i.stageKey}#item-${i.id}`;

  for (const f of evidence.findings.filter((f) => f.severity === 'critical')) {
    reasons.push({ level: 'no-go', kind: 'finding', text: `Critical finding on ${f.subject}: ${f.message}`, href: `risks#finding-${f.id}` });
  }
  for (const i of critical.filter((i) => i.status === 'failed')) {
    reasons.push({ level: 'no-go', kind: 'item', text: `Critical item failing: ${i.title}`, href: itemHref(i) });
  }

  for (const f of evidence.findings.filter((f) => f.severity === 'high')) {
    reasons.push({ level: 'not-yet', kind: 'finding', text: `High finding on ${f.subject}: ${f.message}`, href: `risks#finding-${f.id}` });
  }
  for (const i of critical.filter((i) => i.status === 'todo' || i.status === 'in_progress')) {
    reasons.push({ level: 'not-yet', kind: 'item', text: `Critical item not verified yet: ${i.title}`, href: itemHref(i) });
  }
  for (const m of evidence.monitors) {
    if (m.p95Ms !== null && m.p95TargetMs !== null && m.p95Ms > m.p95TargetMs) {
      reasons.push({ level: 'not-yet', kind: 'latency', text: `${m.name}: 7-day p95 is ${fmtMs(m.p95Ms)}, over the ${fmtMs(m.p95TargetMs)} target for ${m.targetLabel}.`, href: `monitors/${m.id}` });
    }
    if (m.uptimePercent !== null && evidence.uptimeTargetPercent !== null && m.uptimePercent < evidence.uptimeTargetPercent) {
      reasons.push({ level: 'not-yet', kind: 'uptime', text: `${m.name}${m.paused ? ' (paused)' : ''}: 7-day uptime is ${formatUptime(m.uptimePercent)}, under the ${formatUptime(evidence.uptimeTargetPercent)} target (${checksSentence(m)}).`, href: `monitors/${m.id}` });
    }
  }
  for (const j of evidence.journeys ?? []) {
    const label = j.kind === 'sign-in' ? 'Sign-in journey' : 'Journey';
    if (j.successPercent !== null && !j.meetsTarget) {
      reasons.push({
        level: 'not-yet',
        kind: 'journey',
        text: `${label} “${j.name}”${j.paused ? ' (paused)' : ''}: 7-day success rate is ${formatUptime(j.successPercent)} (${j.passed} of ${j.runs} runs passed), under the target of ${j.targetLabel}.`,
        href: `monitors/journeys/${j.id}`,
      });
    } else if (j.kind === 'sign-in' && !j.paused && (j.lastRunAt === null || Date.parse(evidence.now) - Date.parse(j.lastRunAt) > DAY)) {
      reasons.push({ level: 'not-yet', kind: 'stale', text: `${label} “${j.name}” has not run in the last 24 hours: its success rate is not measured.`, href: `monitors/journeys/${j.id}` });
    }
  }
  for (const incident of evidence.openIncidents) {
    reasons.push({ level: 'not-yet', kind: 'incident', text: `${incident.monitorName} has been down since ${incident.startedAt.slice(0, 16).replace('T', ' ')} UTC (open incident).`, href: `monitors/${incident.monitorId}` });
  }
  if (evidence.lastProjectRunAt === null) {
    reasons.push({ level: 'not-yet', kind: 'stale', text: 'The automated checks have never run on the whole project: run them to measure it.', href: '' });
  } else if (daysBetween(evidence.lastProjectRunAt, evidence.now) > STALE_AFTER_DAYS) {
    reasons.push({ level: 'not-yet', kind: 'stale', text: `The automated checks last ran ${daysBetween(evidence.lastProjectRunAt, evidence.now)} days ago: run them again, the evidence is stale.`, href: evidence.lastProjectRunId ? `check-runs/${evidence.lastProjectRunId}` : '' });
  }
  for (const i of critical.filter((i) => i.status === 'passed' && i.latestCheckEvidenceAt !== null && daysBetween(i.latestCheckEvidenceAt, evidence.now) > STALE_AFTER_DAYS)) {
    reasons.push({ level: 'not-yet', kind: 'stale', text: `The check evidence for “${i.title}” is ${daysBetween(i.latestCheckEvidenceAt!, evidence.now)} days old: run the checks again.`, href: itemHref(i) });
  }
  if (evidence.founder.noCount >= evidence.founder.threshold) {
    reasons.push({ level: 'not-yet', kind: 'founder', text: `${evidence.founder.noCount} “no” answers on the founder checklist: audit before putting more users on it.`, href: 'decision#founder-checklist' });
  }

  const verdict: Verdict = reasons.some((r) => r.level === 'no-go') ? 'no-go' : reasons.length > 0 ? 'not-yet' : 'go';
  if (verdict === 'go') {
    const measured = evidence.monitors.filter((m) => m.p95Ms !== null).length;
    reasons.push({
      level: 'ok',
      kind: 'summary',
      text: `No open critical or high findings, ${critical.length} critical item${critical.length === 1 ? '' : 's'} passed with evidence${measured > 0 ? `, ${measured} monitor${measured === 1 ? '' : 's'} within target` : ''}, no open incident.`,
      href: null,
    });
  }
  return { verdict, reasons };
}

/** Decisions recorded before reasons carried links stored them as plain text. */
export function reasonsOf(snapshot: { reasons: readonly (string | VerdictReason)[] }): VerdictReason[] {
  return snapshot.reasons.map((r) => (typeof r === 'string' ? { level: 'ok', kind: 'summary', text: r, href: null } : r));
}
