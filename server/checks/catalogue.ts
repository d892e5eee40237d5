/**
 * Every automated check, by the id roadmap items name in `automatedCheck`, with what it needs
 * from the project, and `runChecks` to run a selection with bounded concurrency and a time
 * limit per check. One check failing, throwing or hanging never affects the others.
 */
import type { AutomatedCheck } from '@/lib/vocabulary/roadmap-template';
import * as cdn from './cdn';
import * as chat from './chat';
import * as cookies from './cookies';
import * as cors from './cors';
import * as dkim from './dkim';
import * as dmarc from './dmarc';
import * as dns from './dns';
import * as errorPages from './error-pages';
import * as exposedPaths from './exposed-paths';
import * as hsts from './hsts';
import * as latency from './latency';
import * as mixedContent from './mixed-content';
import * as openEndpoints from './open-endpoints';
import * as paymentWebhook from './payment-webhook';
import * as rateLimit from './rate-limit';
import * as redirects from './redirects';
import * as secrets from './secrets';
import * as securityHeaders from './security-headers';
import * as spf from './spf';
import * as staticCaching from './static-caching';
import * as tls from './tls';
import { mapBounded } from './support/pool';
import type { CheckDeps, CheckModule, CheckResult, CheckTarget } from './types';

/** 'monitors' and 'alerts' are settled by monitoring, 'chatbot' by chatbot runs, 'sign-in-journey' by journeys, not by a check run. */
export type CheckId = Exclude<AutomatedCheck, 'monitors' | 'alerts' | 'chatbot' | 'sign-in-journey'>;

/**
 * domain: the project's domain; urls: its pages are fetched; endpoints: uses the listed API/login
 * endpoints; dkim-selectors: the mail provider's selectors; ownership: active probing needs a
 * verified domain (the latency check runs lightly without); signing-secret: the payment webhook's
 * test signing secret from the project's vault.
 */
export type CheckNeed = 'domain' | 'urls' | 'endpoints' | 'dkim-selectors' | 'ownership' | 'chat-template' | 'signing-secret';

export interface CatalogueEntry extends CheckModule {
  id: CheckId;
  needs: readonly CheckNeed[];
  /** Sends more than a handful of requests (burst): only with verified ownership. */
  active: boolean;
  /** False when the target has nothing for the check to look at (no chat endpoint): it is then not run at all. */
  appliesTo?(target: CheckTarget): boolean;
}

const entry = (module: CheckModule & { appliesTo?: CatalogueEntry['appliesTo'] }, needs: readonly CheckNeed[], active = false): CatalogueEntry => ({
  id: module.id as CheckId,
  title: module.title,
  run: module.run,
  needs,
  active,
  ...(module.appliesTo ? { appliesTo: module.appliesTo } : {}),
});

export const CATALOGUE: readonly CatalogueEntry[] = [
  entry(dns, ['domain']),
  entry(redirects, ['domain', 'urls']),
  entry(tls, ['domain']),
  entry(hsts, ['urls']),
  entry(securityHeaders, ['urls']),
  entry(cookies, ['urls', 'endpoints']),
  entry(staticCaching, ['urls']),
  entry(cdn, ['urls']),
  entry(spf, ['domain']),
  entry(dkim, ['domain', 'dkim-selectors']),
  entry(dmarc, ['domain']),
  entry(secrets, ['urls']),
  entry(cors, ['endpoints']),
  entry(rateLimit, ['endpoints', 'ownership'], true),
  entry(latency, ['urls', 'endpoints', 'ownership'], true),
  entry(mixedContent, ['urls']),
  entry(openEndpoints, ['endpoints']),
  entry(errorPages, ['urls', 'endpoints']),
  entry(exposedPaths, ['urls', 'ownership'], true),
  entry(chat, ['endpoints', 'chat-template', 'ownership'], true),
  entry(paymentWebhook, ['endpoints', 'signing-secret', 'ownership'], true),
];

/** Whether a check has anything to look at on this target (most always do). */
export function appliesTo(check: Pick<CatalogueEntry, 'appliesTo'>, target: CheckTarget): boolean {
  return check.appliesTo ? check.appliesTo(target) : true;
}

export const CHECK_IDS: readonly CheckId[] = CATALOGUE.map((check) => check.id);

/**
 * Checks that send sequences of requests, longest first. The secrets crawl is left in its place:
 * it is busy on the CPU (secretlint), which would skew the latency samples taken beside it.
 */
const LONG_RUNNING: readonly CheckId[] = ['latency', 'rate-limit', 'exposed-paths'];

/**
 * The order checks are started in: the long-running ones first, so the lanes finish together
 * instead of the latency burst starting when the others are done. Results are still listed in
 * catalogue order.
 */
export function inRunOrder<T extends { id: string }>(checks: readonly T[]): T[] {
  const rank = (check: T) => {
    const index = LONG_RUNNING.indexOf(check.id as CheckId);
    return index === -1 ? LONG_RUNNING.length : index;
  };
  return [...checks].sort((a, b) => rank(a) - rank(b));
}

export function findCatalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((check) => check.id === id);
}

export type RunProgress =
  | { type: 'started'; id: CheckId; title: string; done: number; total: number }
  | { type: 'finished'; id: CheckId; title: string; status: CheckResult['status']; durationMs: number; done: number; total: number };

export interface RunChecksOptions {
  /** Only these ids; unknown ids are ignored. */
  only?: readonly string[];
  onProgress?: (progress: RunProgress) => void;
  /** Checks at once (default 4). */
  concurrency?: number;
  /** Per check (default 20 s). */
  timeoutMs?: number;
  /** The checks to choose from (tests pass their own). */
  catalogue?: readonly CatalogueEntry[];
}

export type TimedResult = CheckResult & { durationMs: number };

function errorResult(check: CatalogueEntry, code: 'timed-out' | 'crashed', message: string): CheckResult {
  return {
    status: 'error',
    findings: [
      {
        severity: 'info',
        code: `${check.id}.${code}`,
        message,
        evidence: null,
        fix: code === 'timed-out' ? 'Run it again; if it keeps timing out, check that the site answers quickly.' : 'Run it again; if it keeps failing, report it with the check name.',
      },
    ],
  };
}

/** The check's result, or an error result when it throws or outlives its time limit. */
export async function runOne(check: CatalogueEntry, target: CheckTarget, deps: CheckDeps, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve(errorResult(check, 'timed-out', `The ${check.title} check did not finish within ${Math.round(timeoutMs / 1000)} seconds.`)), timeoutMs);
  });
  // Promise.resolve().then: a check that throws synchronously is caught the same way.
  const running = Promise.resolve()
    .then(() => check.run(target, deps))
    .catch((error: unknown) => errorResult(check, 'crashed', `The ${check.title} check could not run (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}).`));
  try {
    return await Promise.race([running, limit]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runChecks(target: CheckTarget, deps: CheckDeps, options: RunChecksOptions = {}): Promise<Partial<Record<CheckId, TimedResult>>> {
  const catalogue = options.catalogue ?? CATALOGUE;
  const chosen = options.only ? catalogue.filter((check) => options.only!.includes(check.id)) : [...catalogue];
  const selected = chosen.filter((check) => appliesTo(check, target));
  const timeoutMs = options.timeoutMs ?? 20_000;
  const total = selected.length;
  let done = 0;
  const report = (progress: RunProgress) => {
    try {
      options.onProgress?.(progress);
    } catch {
      // A failing progress listener must not stop the run.
    }
  };
  const results: Partial<Record<CheckId, TimedResult>> = {};
  await mapBounded(inRunOrder(selected), options.concurrency ?? 4, async (check) => {
    report({ type: 'started', id: check.id, title: check.title, done, total });
    const started = performance.now();
    const outcome = await runOne(check, target, deps, timeoutMs);
    const durationMs = Math.round(performance.now() - started);
    results[check.id] = { ...outcome, durationMs };
    done += 1;
    report({ type: 'finished', id: check.id, title: check.title, status: outcome.status, durationMs, done, total });
  });
  // Keyed in catalogue order, whatever order they finished in.
  return Object.fromEntries(selected.map((check) => [check.id, results[check.id]])) as Partial<Record<CheckId, TimedResult>>;
}
