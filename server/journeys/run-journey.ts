/**
 * Runs a journey's steps in order through the SSRF-guarded client (server/net): one cookie jar
 * for the run, values captured for later steps, each step timed (redirect hops included, each
 * hop re-checked by the address policy). The journey stops at the first failing step and says
 * which and why. Never throws: every outcome is a result, and everything kept is masked.
 */
import { HttpRequestError, headerValue, type HttpClient, type HttpResponse } from '@/server/net';
import type { HttpMethod } from '@/server/net/http-client';
import type { JourneyStep, StepOutcome } from '@/db/schema';
import { describeRule, statusMatches } from '@/server/monitoring/probe';
import { CookieJar } from './cookie-jar';
import { formFieldValue, jsonValueText, parseJson } from './extract';
import { maskerFor, type Masker } from './mask';
import { fillPlaceholders, type FillContext, type PlaceholderRef } from './placeholders';
import type { SecretBox } from './secret-box';

export type JourneyRunResult = { ok: boolean; failedStep: number | null; failReason: string | null; steps: StepOutcome[]; totalMs: number };

const MAX_HOPS = 5;
const MAX_BODY_BYTES = 256 * 1024;
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization'];

class StepFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
    readonly ms: number | null = null,
    readonly excerpt: string | null = null,
  ) {
    super(message);
  }
}

function missingMessage(missing: PlaceholderRef[]): string {
  const ref = missing[0]!;
  if (ref.namespace === 'secret') return ref.problem ?? `The secret ${ref.name} is not set for this project.`;
  return `{{vars.${ref.name}}} has no value: the step that should capture it did not.`;
}

function bodyContext(body: string, contentType: string | undefined): FillContext {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('x-www-form-urlencoded')) return 'form';
  if (!type) return /^\s*[[{]/.test(body) ? 'json' : 'form';
  return 'text';
}

type Prepared = { url: URL; method: HttpMethod; headers: Record<string, string>; body: string | undefined };

function prepare(step: JourneyStep, vars: Map<string, string>, secrets: SecretBox): Prepared {
  const missing: PlaceholderRef[] = [];
  const fill = (text: string, context: FillContext) => {
    const result = fillPlaceholders(text, vars, secrets, context);
    missing.push(...result.missing);
    return result.text;
  };
  const headers: Record<string, string> = {};
  for (const h of step.headers) headers[h.name.toLowerCase()] = fill(h.value, 'header');
  let body: string | undefined;
  if (step.body !== null && step.method !== 'GET') {
    const context = bodyContext(step.body, headers['content-type']);
    body = fill(step.body, context);
    headers['content-type'] ??= context === 'json' ? 'application/json' : context === 'form' ? 'application/x-www-form-urlencoded' : 'text/plain';
  }
  const url = fill(step.url, 'url');
  if (missing.length > 0) throw new StepFailure(missingMessage(missing));
  return { url: new URL(url), method: step.method, headers, body };
}

/** One step's request, redirects followed here (not in the client) so every hop's cookies reach the jar. */
async function send(http: HttpClient, request: Prepared, jar: CookieJar, timeoutMs: number): Promise<{ response: HttpResponse; ms: number }> {
  let { url, method, body } = request;
  let headers = { ...request.headers };
  let ms = 0;
  const deadline = performance.now() + timeoutMs;
  for (let hop = 0; ; hop += 1) {
    const cookie = jar.headerFor(url);
    const left = Math.max(1, Math.round(deadline - performance.now()));
    const response = await http.request(url.toString(), { method, headers: cookie ? { ...headers, cookie } : headers, body, followRedirects: false, timeoutMs: left, maxBodyBytes: MAX_BODY_BYTES });
    ms += response.totalMs;
    jar.store(url, response.headers['set-cookie']);
    const location = headerValue(response.headers, 'location');
    if (![301, 302, 303, 307, 308].includes(response.status) || !location) return { response, ms };
    if (hop + 1 >= MAX_HOPS) throw new StepFailure(`More than ${MAX_HOPS - 1} redirects.`, response.status, ms);
    const next = new URL(location, url);
    if (next.origin !== url.origin) {
      headers = { ...headers };
      for (const name of CREDENTIAL_HEADERS) delete headers[name];
    }
    // A 303, or a 301/302 after a POST, turns into a GET without the body (as browsers do).
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method !== 'GET' && method !== 'HEAD')) {
      method = 'GET';
      body = undefined;
      const { 'content-type': _dropped, ...rest } = headers;
      headers = rest;
    }
    url = next;
  }
}

function check(step: JourneyStep, response: HttpResponse, ms: number, text: string, mask: Masker, vars: Map<string, string>): void {
  const fail = (message: string) => new StepFailure(message, response.status, ms, mask(text));
  if (!statusMatches(step.expect.status, response.status)) throw fail(`Answered ${response.status}; expected ${describeRule(step.expect.status)}.`);
  if (step.expect.maxMs !== null && ms > step.expect.maxMs) throw fail(`Took ${Math.round(ms)} ms, over the ${step.expect.maxMs} ms limit.`);
  if (step.expect.keyword && !text.includes(step.expect.keyword)) throw fail(`The answer does not contain “${mask(step.expect.keyword, 200)}”.`);
  const needsJson = step.expect.jsonPath !== null || step.captures.some((c) => c.from === 'json');
  const json = needsJson ? parseJson(text) : null;
  if (step.expect.jsonPath !== null) {
    if (!json!.ok) throw fail(json!.reason);
    const found = jsonValueText(json!.value, step.expect.jsonPath);
    if (found === null) throw fail(`The answer has no ${step.expect.jsonPath}.`);
    if (step.expect.jsonEquals !== null && found !== step.expect.jsonEquals) {
      throw fail(`${step.expect.jsonPath} is “${mask(found, 80)}”; expected “${mask(step.expect.jsonEquals, 80)}”.`);
    }
  }
  for (const capture of step.captures) {
    let value: string | null = null;
    if (capture.from === 'header') value = headerValue(response.headers, capture.path) ?? null;
    else if (capture.from === 'json') value = json!.ok ? jsonValueText(json!.value, capture.path) : null;
    else value = formFieldValue(text, capture.path);
    if (value === null) {
      const where = capture.from === 'header' ? `the ${capture.path} header` : capture.from === 'json' ? `${capture.path} in the answer` : `a form field named ${capture.path}`;
      throw fail(`Could not capture ${capture.name}: there is no ${where}.`);
    }
    vars.set(capture.name, value);
  }
}

export async function runJourney(http: HttpClient, steps: readonly JourneyStep[], secrets: SecretBox): Promise<JourneyRunResult> {
  const jar = new CookieJar();
  const vars = new Map<string, string>();
  const mask = maskerFor(secrets, () => [...vars.values(), ...jar.values()]);
  const outcomes: StepOutcome[] = [];
  let totalMs = 0;
  let failedStep: number | null = null;
  let failReason: string | null = null;

  for (const [index, step] of steps.entries()) {
    const base = { name: step.name, method: step.method, url: mask(step.url, 500) };
    if (failedStep !== null) {
      outcomes.push({ ...base, status: null, ms: null, ok: false, skipped: true, error: null, excerpt: null });
      continue;
    }
    try {
      const request = prepare(step, vars, secrets);
      base.url = mask(request.url.toString(), 500);
      const { response, ms } = await send(http, request, jar, step.timeoutMs);
      totalMs += ms;
      const text = response.text();
      check(step, response, ms, text, mask, vars);
      outcomes.push({ ...base, status: response.status, ms, ok: true, skipped: false, error: null, excerpt: mask(text) });
    } catch (error) {
      const failure =
        error instanceof StepFailure
          ? error
          : error instanceof HttpRequestError
            ? new StepFailure(error.code === 'timeout' ? `No answer within ${step.timeoutMs / 1000} s.` : error.message)
            : new StepFailure(error instanceof Error ? error.message : String(error));
      const message = mask(failure.message, 500);
      failedStep = index;
      failReason = `Step ${index + 1} (${mask(step.name, 80)}): ${message}`;
      outcomes.push({ ...base, status: failure.status, ms: failure.ms, ok: false, skipped: false, error: message, excerpt: failure.excerpt });
    }
  }
  return { ok: failedStep === null, failedStep, failReason, steps: outcomes, totalMs };
}
