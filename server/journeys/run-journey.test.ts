/**
 * The runner against a loopback product (server/testnet/journey-site.ts): JSON and form sign-in
 * (CSRF), a journey failing at step 2 says so, a sign-in failing every 50th attempt passes 98 of
 * 100 runs, secrets never reach what a run keeps, and the address policy applies to every step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork } from '@/server/net';
import { JOURNEY_PASSWORD, JOURNEY_USER, startJourneySite, type JourneySite } from '@/test/testnet/journey-site';
import { runJourney } from './run-journey';
import { boxOf } from './secret-box';
import { signInPresetSchema, signInSteps } from './sign-in-preset';
import { journeyStepsSchema } from './steps';

const http = createNetwork({ policy: { allowLoopback: true } }).http;
const secrets = boxOf({ QA_PASSWORD: JOURNEY_PASSWORD });
let site: JourneySite;

beforeAll(async () => {
  site = await startJourneySite();
});
afterAll(async () => site.close());

const jsonPreset = () =>
  signInSteps(signInPresetSchema.parse({ mode: 'json', signInUrl: `${site.origin}/api/login`, username: JOURNEY_USER, passwordSecret: 'QA_PASSWORD', tokenPath: 'token', checkUrl: `${site.origin}/api/me`, checkKeyword: JOURNEY_USER }));
const formPreset = (csrfField: string | null = 'csrf_token') =>
  signInSteps(signInPresetSchema.parse({ mode: 'form', signInUrl: `${site.origin}/login`, username: JOURNEY_USER, passwordSecret: 'QA_PASSWORD', csrfField, checkUrl: `${site.origin}/dashboard`, checkKeyword: `Signed in as ${JOURNEY_USER}` }));

describe('sign-in journeys', () => {
  it('signs in through a JSON API, sends the captured token, and times each step', async () => {
    site.set({ everyNthLoginFails: undefined, brokenProfile: false });
    const result = await runJourney(http, jsonPreset(), secrets);
    expect(result.failReason).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => [s.status, s.ok])).toEqual([
      [200, true],
      [200, true],
    ]);
    expect(result.steps.every((s) => typeof s.ms === 'number' && s.ms >= 0)).toBe(true);
  });

  it('signs in through an HTML form: fetches the form, posts its CSRF token with the cookie, follows the redirect', async () => {
    const before = site.log.length;
    const result = await runJourney(http, formPreset(), secrets);
    expect(result.failReason).toBeNull();
    expect(site.log.slice(before)).toEqual(['GET /login', 'POST /login', 'GET /dashboard', 'GET /dashboard']);
    expect(result.steps[2]!.excerpt).toContain('Signed in as');
  });

  it('without the CSRF token the form refuses, and the journey names step 2', async () => {
    const result = await runJourney(http, formPreset(null), secrets);
    expect(result.ok).toBe(false);
    expect(result.failedStep).toBe(1);
    expect(result.failReason).toMatch(/^Step 2 \(Submit the form\): Answered 403/);
    expect(result.steps[2]!.skipped).toBe(true);
  });

  it('a journey failing at step 2 says step 2 and why', async () => {
    site.set({ brokenProfile: true });
    const result = await runJourney(http, jsonPreset(), secrets);
    site.set({ brokenProfile: false });
    expect(result.failedStep).toBe(1);
    expect(result.failReason).toBe('Step 2 (Load a signed-in page): Answered 500; expected a 2xx or 3xx status.');
    expect(result.steps[0]!.ok).toBe(true);
  });

  it('a sign-in that fails every 50th attempt passes 98 of 100 runs', { timeout: 180_000 }, async () => {
    const fresh = await startJourneySite({ everyNthLoginFails: 50 });
    try {
      const steps = signInSteps(signInPresetSchema.parse({ mode: 'json', signInUrl: `${fresh.origin}/api/login`, username: JOURNEY_USER, passwordSecret: 'QA_PASSWORD', checkUrl: `${fresh.origin}/api/me`, checkKeyword: JOURNEY_USER }));
      const results = [];
      for (let i = 0; i < 100; i += 1) results.push(await runJourney(http, steps, secrets));
      expect(results.filter((r) => r.ok)).toHaveLength(98);
      expect(results.filter((r) => !r.ok).map((r) => r.failReason)).toEqual([
        'Step 1 (Sign in): Answered 503; expected a 2xx or 3xx status.',
        'Step 1 (Sign in): Answered 503; expected a 2xx or 3xx status.',
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('never keeps the password, the session cookie or the captured token', async () => {
    const steps = jsonPreset();
    // The first step's answer echoes the token; a wrong keyword makes the excerpt and the reason carry the page.
    steps[1]!.expect.keyword = 'not on the page';
    const result = await runJourney(http, steps, secrets);
    const kept = JSON.stringify(result);
    expect(kept).not.toContain(JOURNEY_PASSWORD);
    const tokenMatch = /"token":"([0-9a-f]{32})"/.exec(kept);
    expect(tokenMatch).toBeNull();
    expect(result.steps[0]!.excerpt).toContain('[hidden]');
  });

  it('a secret that is not set fails the step and names it', async () => {
    const result = await runJourney(http, jsonPreset(), boxOf({}));
    expect(result.failReason).toMatch(/^Step 1 \(Sign in\): The secret QA_PASSWORD is not set for this project\. Add it under Project settings → Secrets/);
  });

  it('every step goes through the address policy', async () => {
    const strict = createNetwork({ policy: { allowLoopback: false } }).http;
    const before = site.log.length;
    const result = await runJourney(strict, jsonPreset(), secrets);
    expect(result.failedStep).toBe(0);
    expect(result.failReason).toMatch(/^Step 1 \(Sign in\): .*loopback/i);
    expect(site.log.length).toBe(before);
  });
});

describe('step validation', () => {
  const step = (overrides: Record<string, unknown>) => ({ name: 'Step', method: 'GET', url: 'https://app.example.com/api', headers: [], body: null, expect: { status: 'success' }, captures: [], ...overrides });
  const problems = (steps: unknown[]) => {
    const parsed = journeyStepsSchema.safeParse(steps);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it('accepts the presets and placeholders', () => {
    expect(problems([step({ method: 'POST', body: '{"password":"{{secret.QA_PASSWORD}}"}', captures: [{ name: 'token', from: 'json', path: 'token' }] }), step({ url: 'https://app.example.com/items/{{vars.token}}' })])).toEqual([]);
  });

  it('refuses a pasted credential: it must be a stored secret', () => {
    expect(problems([step({ headers: [{ name: 'authorization', value: 'Bearer sk_live_51HcXyZabcdefghijklmnopqrstuvwx' }] })]).join(' ')).toMatch(/Never paste secret values/);
  });

  it('refuses a value no earlier step captures, and a placeholder in the host', () => {
    expect(problems([step({ url: 'https://app.example.com/{{vars.id}}' })])).toEqual(['{{vars.id}} is not captured by an earlier step.']);
    expect(problems([step({ url: 'https://{{vars.host}}/x' })]).join(' ')).toMatch(/host name out in full/);
  });

  it('refuses internal addresses as monitors do', () => {
    expect(problems([step({ url: 'http://169.254.169.254/latest/meta-data' })]).join(' ')).toMatch(/metadata/);
  });
});
