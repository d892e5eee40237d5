/**
 * Audit as a rule: every tRPC mutation that succeeds leaves an activity entry — in the project's
 * log or the workspace's (docs/decisions/0017) — or is on the short list below with its reason.
 * The authorization matrix supplies a caller who may and an input that succeeds.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { and, count, eq, gt, max } from 'drizzle-orm';
import { activityLog, workspaceActivity } from '@/db/schema';
import { waitForRunsInFlight } from '@/server/check-runs/run';
import { waitForChatbotRuns } from '@/server/chatbot/run';
import { createTestApp, type TestApp } from '@/test/harness';
import { appRouter } from '../root';
import { AUTHORIZATION_MATRIX, type MatrixEntry } from '@/test/trpc/authorization-matrix';
import { buildWorld, createPeople, type Actor, type People } from '@/test/trpc/authorization-world';

// Nine sign-ups and a fresh world per mutation: on a loaded shared machine the default bounds are too tight.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

/** Mutations that change nothing a person would audit, each with why. Keep it short. */
const WITHOUT_ACTIVITY: Record<string, string> = {};

const mutations = Object.entries(appRouter._def.procedures)
  // The router's flat map of procedures; each carries its type on `_def`.
  .filter(([, procedure]) => (procedure as unknown as { _def: { type: string } })._def.type === 'mutation')
  .map(([path]) => path)
  .sort();

/** Someone the matrix lets call it: an owner inside, or a signed-in stranger holding a token (accept an invitation, a share). */
function actorFor(entry: MatrixEntry): Exclude<Actor, 'anonymous'> {
  if (entry.scope === 'public' || entry.scope === 'authed') return 'outsider';
  return entry.allow.includes('owner') ? 'owner' : (entry.allow[0] as Exclude<Actor, 'anonymous'>);
}

let app: TestApp;
let people: People;
beforeAll(async () => {
  app = await createTestApp();
  people = await createPeople(app);
});
afterAll(() => app?.close());

it('finds the mutations, and the list names only mutations that write none', () => {
  expect(mutations.length).toBeGreaterThan(50);
  expect(Object.keys(WITHOUT_ACTIVITY).filter((path) => !mutations.includes(path))).toEqual([]);
});

it.each(mutations.filter((path) => !(path in WITHOUT_ACTIVITY)))('%s writes an activity entry', async (path) => {
  const entry = AUTHORIZATION_MATRIX[path];
  expect(entry, `${path} is missing from the authorization matrix`).toBeDefined();
  const actor = actorFor(entry!);
  const world = await buildWorld(app.db, people, actor);
  const [projectMark] = await app.db.select({ id: max(activityLog.id) }).from(activityLog);
  const [workspaceMark] = await app.db.select({ id: max(workspaceActivity.id) }).from(workspaceActivity);

  const [namespace, name] = path.split('.') as [string, string];
  const caller = app.caller(people[actor]) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  await caller[namespace]![name]!(entry!.input?.(world));
  // Runs started by the call finish on their own; their entries count too.
  await waitForRunsInFlight();
  await waitForChatbotRuns();

  const userId = people[actor].id;
  const [projectRows] = await app.db
    .select({ n: count() })
    .from(activityLog)
    .where(and(gt(activityLog.id, projectMark?.id ?? 0), eq(activityLog.actorId, userId)));
  const [workspaceRows] = await app.db
    .select({ n: count() })
    .from(workspaceActivity)
    .where(and(gt(workspaceActivity.id, workspaceMark?.id ?? 0), eq(workspaceActivity.actorId, userId)));
  expect(projectRows!.n + workspaceRows!.n, `${path} succeeded as ${actor} and logged nothing`).toBeGreaterThan(0);
});
