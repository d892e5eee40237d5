/**
 * A week of journey history for the demo projects: a form sign-in (with its CSRF step) and a
 * three-step API journey, one run every 15 minutes, with a few deterministic failures (a sign-in
 * answered 503, an API run failing at step 2) so the runs list shows what a failure looks like.
 * The demo points at the IANA example domains, so the journeys are seeded paused, as the demo
 * monitors are; their password is only named ({{secret.QA_PASSWORD}}), never stored.
 */
import crypto from 'node:crypto';
import type { Database } from '@/db/types';
import { journeyRuns, journeys, type JourneyStep, type StepOutcome } from '@/db/schema';
import { firstSlot } from '@/server/monitoring/schedule';
import { signInPresetSchema, signInSteps } from '@/server/journeys/sign-in-preset';

const INTERVAL_SECONDS = 900;
const RUNS = (7 * 86_400) / INTERVAL_SECONDS;

type DemoProject = { id: string; name: string; productionUrl: string | null; primaryDomain: string };

function apiSteps(origin: string): JourneyStep[] {
  const base = { headers: [], body: null, captures: [], timeoutMs: 10_000 };
  const expect = { status: 'success', jsonPath: null, jsonEquals: null, keyword: null, maxMs: null };
  return [
    { ...base, name: 'Sign in for a token', method: 'POST', url: `${origin}/api/login`, headers: [{ name: 'content-type', value: 'application/json' }], body: '{"email":"qa@example.com","password":"{{secret.QA_PASSWORD}}"}', expect, captures: [{ name: 'token', from: 'json', path: 'token' }] },
    { ...base, name: 'Fetch the dashboard', method: 'GET', url: `${origin}/api/dashboard`, headers: [{ name: 'authorization', value: 'Bearer {{vars.token}}' }], expect: { ...expect, jsonPath: 'user.email', jsonEquals: 'qa@example.com', maxMs: 800 } },
    { ...base, name: 'List invoices', method: 'GET', url: `${origin}/api/invoices`, headers: [{ name: 'authorization', value: 'Bearer {{vars.token}}' }], expect: { ...expect, status: '200', jsonPath: 'invoices' } },
  ];
}

/** One run's outcomes: every step timed, or the failing one with its reason and the rest skipped. */
function outcomes(steps: JourneyStep[], failAt: number | null, reason: string, rand: () => number): StepOutcome[] {
  return steps.map((step, i) => {
    const common = { name: step.name, method: step.method, url: step.url };
    if (failAt !== null && i > failAt) return { ...common, status: null, ms: null, ok: false, skipped: true, error: null, excerpt: null };
    const ms = Math.round(60 + rand() * 240);
    if (i === failAt) return { ...common, status: 503, ms, ok: false, skipped: false, error: reason, excerpt: '{"error":"Service unavailable"}' };
    return { ...common, status: 200, ms, ok: true, skipped: false, error: null, excerpt: null };
  });
}

export async function seedDemoJourneys(db: Database, projects: DemoProject[], actorId: string, now = new Date()): Promise<void> {
  for (const project of projects) {
    const origin = (project.productionUrl ?? `https://${project.primaryDomain}`).replace(/\/$/, '');
    const signIn = signInSteps(
      signInPresetSchema.parse({ mode: 'form', signInUrl: `${origin}/login`, username: 'qa@example.com', passwordSecret: 'QA_PASSWORD', csrfField: 'csrf_token', checkUrl: `${origin}/dashboard`, checkKeyword: 'Sign out' }),
    );
    const definitions = [
      { name: 'Test sign-in', kind: 'sign-in' as const, steps: signIn, failures: new Map([[130, 1], [402, 1]]), reason: 'Answered 503; expected a 2xx or 3xx status.' },
      { name: 'Dashboard API', kind: 'api' as const, steps: apiSteps(origin), failures: new Map([[250, 1], [251, 1]]), reason: 'Answered 503; expected a 2xx or 3xx status.' },
    ];
    for (const d of definitions) {
      const id = crypto.randomUUID();
      const rand = (() => {
        let state = crypto.createHash('sha256').update(`${project.name}:${d.name}`).digest().readUInt32BE(0) || 1;
        return () => {
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          return ((state >>> 0) % 1_000_000) / 1_000_000;
        };
      })();
      const last = firstSlot(id, INTERVAL_SECONDS, now).getTime() - INTERVAL_SECONDS * 1000;
      const rows: (typeof journeyRuns.$inferInsert)[] = [];
      for (let k = RUNS - 1; k >= 0; k -= 1) {
        const scheduledAt = new Date(last - k * INTERVAL_SECONDS * 1000);
        const failAt = d.failures.get(k) ?? null;
        const steps = outcomes(d.steps, failAt, d.reason, rand);
        const totalMs = steps.reduce((sum, s) => sum + (s.ms ?? 0), 0);
        rows.push({
          journeyId: id,
          projectId: project.id,
          scheduledAt,
          startedAt: scheduledAt,
          finishedAt: new Date(scheduledAt.getTime() + totalMs),
          ok: failAt === null,
          failedStep: failAt,
          failReason: failAt === null ? null : `Step ${failAt + 1} (${d.steps[failAt]!.name}): ${d.reason}`,
          steps,
          totalMs,
          worker: 'demo',
        });
      }
      await db.insert(journeys).values({
        id,
        projectId: project.id,
        name: d.name,
        kind: d.kind,
        steps: d.steps,
        intervalSeconds: INTERVAL_SECONDS,
        enabled: false,
        state: 'up',
        lastRunAt: new Date(last),
        lastOk: true,
        nextRunAt: firstSlot(id, INTERVAL_SECONDS, now),
        createdBy: actorId,
        createdAt: new Date(last - RUNS * INTERVAL_SECONDS * 1000),
      });
      for (let i = 0; i < rows.length; i += 200) await db.insert(journeyRuns).values(rows.slice(i, i + 200));
    }
  }
}
