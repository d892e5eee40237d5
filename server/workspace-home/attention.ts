/**
 * The consultant's home: which projects need attention, and the orders its table can take.
 *
 * "Needs attention", most urgent first:
 *   1. no-go — the project's go / no-go recommendation (the same `recommend` the overview shows) is no-go;
 *   2. urgent — open critical or high findings, or a monitor down right now;
 *   3. stale — the automated checks never ran on the whole project, or last did more than
 *      STALE_AFTER_DAYS (7) days ago;
 * everything else (and every archived project) does not need attention. Within a group: more critical findings first, then
 * more high findings, then more monitors down, then by name.
 */
import { STALE_AFTER_DAYS, type Verdict } from '@/server/roadmap/recommendation';

export type ProjectStatus = {
  id: string;
  name: string;
  primaryDomain: string;
  archived: boolean;
  /** Readiness 0–100, null when nothing applies yet. */
  readiness: number | null;
  verdict: Verdict;
  /** The first reason the recommendation gives (what makes it no-go or not yet). */
  verdictReason: string | null;
  openFindings: { critical: number; high: number };
  monitorsDown: number;
  /** When the latest whole-project check run finished; null when none has. */
  lastRunAt: string | null;
};

export type AttentionLevel = 'no-go' | 'urgent' | 'stale' | 'none';
export type Attention = { level: AttentionLevel; reason: string | null };

const DAY = 86_400_000;
const RANK: Record<AttentionLevel, number> = { 'no-go': 0, urgent: 1, stale: 2, none: 3 };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY);
}

export function attentionOf(status: ProjectStatus, now: Date): Attention {
  // An archived project is not being launched: it is listed, never flagged.
  if (status.archived) return { level: 'none', reason: null };
  if (status.verdict === 'no-go') return { level: 'no-go', reason: status.verdictReason };
  const { critical, high } = status.openFindings;
  if (critical + high > 0 || status.monitorsDown > 0) {
    const parts = [
      critical > 0 ? `${plural(critical, 'critical finding')} open` : null,
      high > 0 ? `${plural(high, 'high finding')} open` : null,
      status.monitorsDown > 0 ? `${plural(status.monitorsDown, 'monitor')} down` : null,
    ].filter(Boolean);
    return { level: 'urgent', reason: parts.join(', ') };
  }
  if (status.lastRunAt === null) return { level: 'stale', reason: 'The checks have never run on the whole project.' };
  const age = daysSince(status.lastRunAt, now);
  if (age > STALE_AFTER_DAYS) return { level: 'stale', reason: `The checks last ran ${age} days ago.` };
  return { level: 'none', reason: null };
}

export const SORT_KEYS = ['attention', 'name', 'readiness', 'findings', 'lastRun'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** The direction a column sorts in when first chosen: the most useful end first. */
export const DEFAULT_DIR: Record<SortKey, SortDir> = {
  attention: 'asc', // most urgent first
  name: 'asc',
  readiness: 'asc', // least ready first
  findings: 'desc', // most open critical / high findings first
  lastRun: 'asc', // oldest (and never) first
};

type Ranked = ProjectStatus & { attention: Attention };

const byName = (a: Ranked, b: Ranked) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
const byFindings = (a: Ranked, b: Ranked) => a.openFindings.critical - b.openFindings.critical || a.openFindings.high - b.openFindings.high;

/** Urgency as an ascending order: most urgent first. */
function byAttention(a: Ranked, b: Ranked): number {
  return RANK[a.attention.level] - RANK[b.attention.level] || -byFindings(a, b) || b.monitorsDown - a.monitorsDown || byName(a, b);
}

const runTime = (s: Ranked) => (s.lastRunAt === null ? -Infinity : Date.parse(s.lastRunAt));

const COMPARE: Record<SortKey, (a: Ranked, b: Ranked) => number> = {
  attention: byAttention,
  name: byName,
  readiness: (a, b) => (a.readiness ?? -1) - (b.readiness ?? -1),
  findings: byFindings,
  // Never run counts as the oldest.
  lastRun: (a, b) => runTime(a) - runTime(b),
};

/** Ranks and sorts, archived projects after active ones (as the list always had them); ties in the chosen column fall back to the attention order. */
export function rankAndSort(statuses: readonly ProjectStatus[], sort: SortKey, dir: SortDir, now: Date): Ranked[] {
  const ranked = statuses.map((s) => ({ ...s, attention: attentionOf(s, now) }));
  const sign = dir === 'asc' ? 1 : -1;
  return ranked.sort((a, b) => Number(a.archived) - Number(b.archived) || sign * safe(COMPARE[sort](a, b)) || byAttention(a, b));
}

/** -Infinity − -Infinity is NaN: two never-run projects tie. */
const safe = (n: number) => (Number.isNaN(n) ? 0 : n);

export type RankedStatus = Ranked;
