/**
 * Which p95 target an endpoint or a monitor is judged against, and where that number came from.
 *
 * Three kinds of endpoint, as the playbooks speak of them: common reads (pages, feeds, API
 * health), heavier actions (anything that changes data, checkout, payment webhooks; seed 000 sets
 * 800 ms for "heavier authenticated actions") and chat replies (2 s in the AI playbooks). A number
 * set by hand on the monitor, or on the project's endpoint it watches, wins over the playbook.
 * The panels, the latency check, the degraded state, go / no-go and the handover pack all ask
 * this module, so they never disagree about a target.
 */
import { DEFAULT_CHAT_TARGET_MS } from '@/server/chat/reply-time';

export const LATENCY_KINDS = ['common-read', 'heavy-action', 'chat'] as const;
export type LatencyKind = (typeof LATENCY_KINDS)[number];

/** Plural names, as in "the target for heavier actions". */
export const LATENCY_KIND_LABELS: Record<LatencyKind, string> = {
  'common-read': 'common reads',
  'heavy-action': 'heavier actions',
  chat: 'chat replies',
};

/** The playbook's numbers (a roadmap snapshot's `targets`). */
export type PlaybookLatencyTargets = {
  commonReadP95Ms: number;
  heavyActionP95Ms?: number;
  chatStartP95Ms?: number;
  chatResponseP95Ms?: number;
};

/** monitor / endpoint: set by hand; playbook: the playbook's number for this kind; default: a number of ours. */
export type TargetSource = 'monitor' | 'endpoint' | 'playbook' | 'default';

export type ResolvedTarget = {
  ms: number;
  kind: LatencyKind;
  source: TargetSource;
  /** Where the number came from, in a founder's words, e.g. "the playbook's p95 for heavier actions". */
  from: string;
};

/** Used only when no playbook is picked: the common-read figure most playbooks use. */
export const DEFAULT_COMMON_READ_MS = 500;

const HEAVY_ENDPOINT_KINDS = new Set(['checkout', 'payment-webhook']);

/** The latency kind of one of the project's endpoints (server/projects/kinds.ts) or of the homepage. */
export function latencyKindOf(endpoint: { kind: string | null; method: string }): LatencyKind {
  if (endpoint.kind === 'chat') return 'chat';
  if (HEAVY_ENDPOINT_KINDS.has(endpoint.kind ?? '') || endpoint.method !== 'GET') return 'heavy-action';
  return 'common-read';
}

/** The playbook's target for a kind; a kind the playbook sets nothing for says what was used instead. */
export function playbookTarget(kind: LatencyKind, targets: PlaybookLatencyTargets | null | undefined): ResolvedTarget {
  if (!targets) {
    const ms = kind === 'chat' ? DEFAULT_CHAT_TARGET_MS : DEFAULT_COMMON_READ_MS;
    return { ms, kind, source: 'default', from: `no playbook is picked, so ${ms} ms is used` };
  }
  if (kind === 'chat') {
    if (targets.chatResponseP95Ms) return { ms: targets.chatResponseP95Ms, kind, source: 'playbook', from: "the playbook's p95 for a complete chat reply" };
    if (targets.chatStartP95Ms) return { ms: targets.chatStartP95Ms, kind, source: 'playbook', from: "the playbook's p95 for a chat reply to start" };
    return { ms: DEFAULT_CHAT_TARGET_MS, kind, source: 'default', from: `the playbook sets no chat target, so the AI playbooks' ${DEFAULT_CHAT_TARGET_MS / 1000} s is used` };
  }
  if (kind === 'heavy-action') {
    if (targets.heavyActionP95Ms) return { ms: targets.heavyActionP95Ms, kind, source: 'playbook', from: "the playbook's p95 for heavier actions" };
    return { ms: targets.commonReadP95Ms, kind, source: 'playbook', from: "the playbook's p95 for common reads (it sets none for heavier actions)" };
  }
  return { ms: targets.commonReadP95Ms, kind, source: 'playbook', from: "the playbook's p95 for common reads" };
}

/** An endpoint's target: set by hand on it, or the playbook's for its kind. */
export function endpointTarget(endpoint: { kind: string | null; method: string; p95TargetMs?: number | null }, targets: PlaybookLatencyTargets | null | undefined): ResolvedTarget {
  const kind = latencyKindOf(endpoint);
  if (endpoint.p95TargetMs) return { ms: endpoint.p95TargetMs, kind, source: 'endpoint', from: 'set by hand on this endpoint' };
  return playbookTarget(kind, targets);
}

/** What quick setup records as a monitor's purpose, as an endpoint kind. */
const PURPOSE_KINDS: Record<string, string> = { webhook: 'payment-webhook', homepage: 'homepage' };

export type EndpointForMatch = { kind: string; method: string; url: string; label?: string; p95TargetMs?: number };

function pathOf(url: string): string | null {
  try {
    const u = new URL(url, 'https://relative.invalid');
    return `${u.pathname.replace(/\/+$/, '') || '/'}${u.search}`;
  } catch {
    return null;
  }
}

function hostOf(url: string): string | null {
  try {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url).host : null;
  } catch {
    return null;
  }
}

/** The project endpoint a monitor watches: same path (and host, when the endpoint names one), same method first. */
export function endpointWatchedBy(monitor: { url: string; method: string }, endpoints: readonly EndpointForMatch[]): EndpointForMatch | null {
  const path = pathOf(monitor.url);
  const host = hostOf(monitor.url);
  if (path === null) return null;
  const same = endpoints.filter((e) => pathOf(e.url) === path && (hostOf(e.url) === null || hostOf(e.url) === host));
  return same.find((e) => e.method === monitor.method) ?? same[0] ?? null;
}

/**
 * A monitor's target: set by hand on the monitor; else set by hand on the endpoint it watches;
 * else the playbook's for the kind of that endpoint (its quick-setup purpose, the endpoint it
 * watches, or its method when it watches none of them).
 */
export function monitorTarget(
  monitor: { p95TargetMs: number | null; purpose: string | null; method: string; url: string },
  endpoints: readonly EndpointForMatch[],
  targets: PlaybookLatencyTargets | null | undefined,
): ResolvedTarget {
  const watched = endpointWatchedBy(monitor, endpoints);
  const endpointKind = monitor.purpose ? (PURPOSE_KINDS[monitor.purpose] ?? monitor.purpose) : (watched?.kind ?? null);
  const kind = latencyKindOf({ kind: endpointKind, method: monitor.method });
  if (monitor.p95TargetMs !== null) return { ms: monitor.p95TargetMs, kind, source: 'monitor', from: 'set by hand on this monitor' };
  if (watched?.p95TargetMs) return { ms: watched.p95TargetMs, kind, source: 'endpoint', from: `set by hand on the endpoint ${watched.label ? `“${watched.label}”` : watched.url}` };
  return playbookTarget(kind, targets);
}

/** "800 ms for heavier actions (the playbook's p95 for heavier actions)". */
export function describeTarget(target: ResolvedTarget): string {
  return `${target.ms} ms for ${LATENCY_KIND_LABELS[target.kind]} (${target.from})`;
}

/** A target as a chart draws it (components/charts/types.ts TargetLine). */
export function targetLine(target: ResolvedTarget): { kind: LatencyKind; kindLabel: string; ms: number; from: string } {
  return { kind: target.kind, kindLabel: LATENCY_KIND_LABELS[target.kind], ms: target.ms, from: target.from };
}

/**
 * The lines a panel over several monitors draws: the target of each kind its monitors belong
 * to, once, in kind order (numbers set by hand on one monitor belong on that monitor's panel).
 */
export function projectTargetLines(resolved: readonly ResolvedTarget[], targets: PlaybookLatencyTargets | null | undefined) {
  const kinds = new Set(resolved.map((t) => t.kind));
  if (kinds.size === 0) kinds.add('common-read');
  return LATENCY_KINDS.filter((k) => kinds.has(k)).map((k) => targetLine(playbookTarget(k, targets)));
}
