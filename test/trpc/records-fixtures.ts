/** A founder's project with a member, a viewer and a collaborator client and an outsider, for the records tests. */
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { projectShares, workspaceMembers } from '@/db/schema';
import { newToken } from '@/server/services/tokens';
import type { TestApp } from '@/test/harness';
import { appRouter } from '@/server/trpc/root';

export async function recordsProject(app: TestApp, templateId = 'coach-dashboard-prototype') {
  const [founder, member, viewer, collaborator, outsider] = [
    await app.signUp('Fiona Founder'),
    await app.signUp('Mo Member'),
    await app.signUp('Vic Viewer'),
    await app.signUp('Cole Collaborator'),
    await app.signUp('Olga Outsider'),
  ];
  const { id: workspaceId } = await app.caller(founder).workspace.create({ name: 'Fiona Co' });
  await app.db.insert(workspaceMembers).values({ workspaceId, userId: member.id, role: 'member' });
  const project = await app.caller(founder).project.create({
    workspaceId,
    name: 'Coach dashboard',
    productType: 'saas-dashboard',
    segment: 'coach-consultant',
    maturity: 'idea-prototype',
    primaryDomain: 'example.com',
    templateId,
  });
  for (const [person, role] of [
    [viewer, 'viewer'],
    [collaborator, 'collaborator'],
  ] as const) {
    await app.db
      .insert(projectShares)
      .values({ projectId: project.id, email: person.email, role, userId: person.id, tokenHash: newToken().hash, expiresAt: new Date(Date.now() + 1e7), acceptedAt: new Date() });
  }
  return { projectId: project.id, workspaceId, founder, member, viewer, collaborator, outsider };
}

/** The error as a browser would receive it: the router's error formatter applied. */
export function formatted(error: TRPCError) {
  return appRouter._def._config.errorFormatter({
    error,
    type: 'mutation',
    path: undefined,
    input: undefined,
    ctx: undefined,
    shape: { message: error.message, code: -32600, data: { code: error.code, httpStatus: getHTTPStatusCodeFromError(error), path: undefined } },
  });
}

/** Field messages of a refused call (400), as the form shows them. */
export function fieldErrorsOf(error: TRPCError): Record<string, string> {
  expect(getHTTPStatusCodeFromError(error)).toBe(400);
  return (formatted(error).data as { fieldErrors: Record<string, string> | null }).fieldErrors ?? {};
}
