/**
 * The authorization matrix: every procedure of the app router × every kind of caller.
 * Anonymous → UNAUTHORIZED; outsiders → NOT_FOUND (or FORBIDDEN); each role → exactly what
 * the matrix allows, with a successful call proving "allowed" is real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestApp, type TestApp } from '@/test/harness';
import { appRouter } from '../root';
import { AUTHORIZATION_MATRIX, type MatrixEntry } from '@/test/trpc/authorization-matrix';
import { ACTORS, buildWorld, CLIENT_ACTORS, createPeople, WORKSPACE_ACTORS, type Actor, type People } from '@/test/trpc/authorization-world';

type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

function expected(entry: MatrixEntry, actor: Actor): Outcome {
  if (entry.scope === 'public') return 'ok';
  if (actor === 'anonymous') return 'UNAUTHORIZED';
  if (entry.scope === 'authed') return 'ok';
  if (entry.allow.includes(actor)) return 'ok';
  if (actor === 'outsider') return 'NOT_FOUND';
  const clientActor = (CLIENT_ACTORS as readonly Actor[]).includes(actor);
  if (entry.scope === 'workspace' && clientActor) return 'NOT_FOUND';
  return 'FORBIDDEN';
}

let app: TestApp;
let people: People;
const procedures = Object.keys(appRouter._def.procedures);

beforeAll(async () => {
  app = await createTestApp();
  people = await createPeople(app);
});
afterAll(() => app.close());

it('lists every procedure of the app router, and nothing else', () => {
  expect(procedures.filter((path) => !(path in AUTHORIZATION_MATRIX))).toEqual([]);
  expect(Object.keys(AUTHORIZATION_MATRIX).filter((path) => !procedures.includes(path))).toEqual([]);
});

it('covers every workspace and client role', () => {
  expect([...WORKSPACE_ACTORS, ...CLIENT_ACTORS, 'anonymous', 'outsider'].sort()).toEqual([...ACTORS].sort());
});

describe.each(Object.entries(AUTHORIZATION_MATRIX))('%s', (path, entry) => {
  it.each(ACTORS)('as %s', async (actor) => {
    const world = await buildWorld(app.db, people, actor);
    const caller = app.caller(actor === 'anonymous' ? null : people[actor]);
    const [namespace, name] = path.split('.') as [string, string];
    // Calling by path keeps the test generic over the router; the matrix supplies valid input.
    const procedure = (caller as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[namespace]![name]!;
    let outcome: Outcome | string = 'ok';
    try {
      await procedure(entry.input?.(world));
    } catch (error) {
      outcome = error instanceof TRPCError ? error.code : String(error);
    }
    expect(outcome).toBe(expected(entry, actor));
  });
});
