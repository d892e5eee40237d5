/**
 * Runs a browser journey's steps in real Chromium (visit, fill, click, expect text, expect
 * address) in a fresh context of the worker's one browser. Each step has its own time limit and
 * the whole journey a hard one: past it the browser is closed, whatever the page is doing. The
 * journey stops at the first failing step, says which and why, and keeps a screenshot of that
 * moment (secret-filled fields blacked out). Never throws; everything kept as text is masked.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { BrowserStep, StepOutcome } from '@/db/schema';
import type { HttpClient } from '@/server/net';
import { maskerFor, type Masker } from '../mask';
import { fillPlaceholders } from '../placeholders';
import type { SecretBox } from '../secret-box';
import type { JourneyRunResult } from '../run-journey';
import type { BrowserPool } from './browser-pool';
import { routeThroughGuard, type GuardedRouting } from './guarded-routing';

export type BrowserRunResult = JourneyRunResult & { screenshot: { png: Buffer; pageUrl: string | null } | null; refused: GuardedRouting['refused'] };

/** However many steps: a browser journey holds the browser for at most this long. */
export const BROWSER_JOURNEY_LIMIT_MS = 120_000;
const SCREENSHOT_LIMIT_MS = 5000;
const VIEWPORT = { width: 1280, height: 800 };

export function journeyLimitMs(steps: readonly BrowserStep[]): number {
  return Math.min(BROWSER_JOURNEY_LIMIT_MS, steps.reduce((sum, s) => sum + s.timeoutMs, 0) + 10_000);
}

class StepFailure extends Error {}

/** `*` matches anything; everything else is literal. A pattern without a scheme matches the path (and query). */
export function urlMatches(pattern: string, url: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  if (/^https?:\/\//i.test(pattern)) return regex.test(url);
  const parsed = new URL(url);
  return regex.test(parsed.pathname + parsed.search) || regex.test(parsed.pathname);
}

/**
 * A target written as plain words means what a person would read: for `fill` the field with that
 * label or placeholder, for `click` the button or link with that name. Otherwise it is a selector.
 */
function locate(page: Page, target: string, action: 'fill' | 'click'): Locator {
  const looksLikeSelector = /^(css|text|xpath|role|id|data-testid)=/.test(target) || /^[#.[]/.test(target) || /^[a-z][a-z0-9-]*([#.[:>]|\s*>|$)/.test(target);
  if (looksLikeSelector) return page.locator(target).first();
  if (action === 'fill') return page.getByLabel(target, { exact: true }).or(page.getByPlaceholder(target, { exact: true })).first();
  return page.getByRole('button', { name: target, exact: true }).or(page.getByRole('link', { name: target, exact: true })).first();
}

function describeError(error: unknown, step: BrowserStep, refused: GuardedRouting['refused'], mask: Masker): string {
  if (error instanceof StepFailure) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (/Timeout \d+ms exceeded|timeout/i.test(message)) {
    const blocked = refused.at(-1);
    const why = blocked ? ` (a request was refused: ${mask(blocked.url, 120)} — ${blocked.reason})` : '';
    return `Did not happen within ${step.timeoutMs / 1000} s${why}.`;
  }
  if (/ERR_BLOCKED_BY_CLIENT/.test(message)) {
    const blocked = refused.at(-1);
    return `The page could not be loaded: ${blocked ? `${mask(blocked.url, 120)} is refused — ${blocked.reason}` : 'the address is refused.'}`;
  }
  if (/ERR_NAME_NOT_RESOLVED|ERR_FAILED|ERR_CONNECTION|ERR_TIMED_OUT/.test(message)) return 'The page could not be loaded: no answer from its server.';
  return message.split('\n')[0]!.slice(0, 300);
}

async function runStep(page: Page, step: BrowserStep, secrets: SecretBox, masked: Locator[]): Promise<void> {
  const timeout = step.timeoutMs;
  const fill = (text: string) => {
    const result = fillPlaceholders(text, new Map(), secrets, 'text');
    const missing = result.missing[0];
    if (missing) throw new StepFailure(missing.namespace === 'secret' ? `The secret ${missing.name} is not set: add it to the project's secrets.` : `{{${missing.namespace}.${missing.name}}} cannot be used in a browser journey.`);
    return result.text;
  };
  switch (step.action) {
    case 'visit': {
      const response = await page.goto(fill(step.target), { timeout, waitUntil: 'load' });
      if (response && response.status() >= 400) throw new StepFailure(`The page answered ${response.status()}.`);
      return;
    }
    case 'fill': {
      const field = locate(page, step.target, 'fill');
      const value = fill(step.value ?? '');
      if (value !== (step.value ?? '')) masked.push(field);
      await field.fill(value, { timeout });
      return;
    }
    case 'click':
      await locate(page, step.target, 'click').click({ timeout });
      return;
    case 'expect-text':
      try {
        await page.getByText(step.target).first().waitFor({ state: 'visible', timeout });
      } catch {
        throw new StepFailure(`The page does not show “${step.target}” (waited ${timeout / 1000} s).`);
      }
      return;
    case 'expect-url':
      try {
        await page.waitForURL((url) => urlMatches(step.target, url.toString()), { timeout, waitUntil: 'commit' });
      } catch {
        throw new StepFailure(`The page is at ${page.url()}, not ${step.target} (waited ${timeout / 1000} s).`);
      }
      return;
  }
}

async function screenshotOf(page: Page, masked: Locator[]): Promise<Buffer | null> {
  try {
    return await page.screenshot({ type: 'png', timeout: SCREENSHOT_LIMIT_MS, mask: masked, animations: 'disabled', caret: 'hide' });
  } catch {
    return null;
  }
}

async function runInContext(context: BrowserContext, steps: readonly BrowserStep[], secrets: SecretBox, routing: GuardedRouting, mask: Masker, outcomes: StepOutcome[]) {
  const page = await context.newPage();
  const masked: Locator[] = [];
  let failedStep: number | null = null;
  let failReason: string | null = null;
  let screenshot: BrowserRunResult['screenshot'] = null;
  for (const [index, step] of steps.entries()) {
    const base = { name: step.name, method: step.action, url: mask(step.action === 'visit' ? step.target : page.url(), 500) };
    if (failedStep !== null) {
      outcomes.push({ ...base, status: null, ms: null, ok: false, skipped: true, error: null, excerpt: null });
      continue;
    }
    const started = performance.now();
    try {
      await runStep(page, step, secrets, masked);
      outcomes.push({ ...base, url: mask(page.url(), 500), status: null, ms: performance.now() - started, ok: true, skipped: false, error: null, excerpt: null });
    } catch (error) {
      const message = mask(describeError(error, step, routing.refused, mask), 500);
      failedStep = index;
      failReason = `Step ${index + 1} (${mask(step.name, 80)}): ${message}`;
      const text = await page
        .locator('body')
        // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; innerText keeps page scripts out of the excerpt
        .innerText({ timeout: 1000 })
        .catch(() => '');
      outcomes.push({ ...base, url: mask(page.url(), 500), status: null, ms: performance.now() - started, ok: false, skipped: false, error: message, excerpt: text ? mask(text) : null });
      const png = await screenshotOf(page, masked);
      if (png) screenshot = { png, pageUrl: mask(page.url(), 500) };
    }
  }
  return { failedStep, failReason, screenshot };
}

export async function runBrowserJourney(pool: BrowserPool, http: HttpClient, steps: readonly BrowserStep[], secrets: SecretBox): Promise<BrowserRunResult> {
  const mask = maskerFor(secrets, () => []);
  const outcomes: StepOutcome[] = [];
  const limit = journeyLimitMs(steps);
  const failAll = (reason: string, refused: GuardedRouting['refused'] = []): BrowserRunResult => {
    const done = outcomes.length;
    const rest = steps.slice(done).map((s, i) => ({ name: s.name, method: s.action, url: '', status: null, ms: null, ok: false, skipped: i > 0, error: i === 0 ? reason : null, excerpt: null }));
    return { ok: false, failedStep: done, failReason: `Step ${done + 1} (${mask(steps[done]?.name ?? 'start', 80)}): ${reason}`, steps: [...outcomes, ...rest], totalMs: 0, screenshot: null, refused };
  };
  try {
    return await pool.use(async (browser) => {
      const started = performance.now();
      const deadline = started + limit;
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: VIEWPORT, acceptDownloads: false, javaScriptEnabled: true, userAgent: 'LaunchReadyJourney/1.0 (Chromium)' });
      let timer: NodeJS.Timeout | undefined;
      let routing: GuardedRouting = { refused: [] };
      try {
        routing = await routeThroughGuard(context, http, { deadline: () => deadline });
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), limit);
        });
        const outcome = await Promise.race([runInContext(context, steps, secrets, routing, mask, outcomes), timedOut]);
        if (outcome === 'timeout') {
          // The page is stuck beyond every step's limit: close the whole browser, not just the context.
          await pool.discard();
          return failAll(`The journey took longer than ${limit / 1000} s and was stopped.`, routing.refused);
        }
        return { ok: outcome.failedStep === null, failedStep: outcome.failedStep, failReason: outcome.failReason, steps: outcomes, totalMs: performance.now() - started, screenshot: outcome.screenshot, refused: routing.refused };
      } finally {
        clearTimeout(timer);
        await Promise.race([context.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      }
    });
  } catch (error) {
    await pool.discard();
    return failAll(`The browser could not start or crashed: ${mask(error instanceof Error ? error.message.split('\n')[0]! : String(error), 200)}`);
  }
}
