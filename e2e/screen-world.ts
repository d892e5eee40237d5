// Who the screens walk looks as, and the ids their pages need: the demo consultant and client
// (seeded projects with monitors, records and, after one "Run all checks", findings), a founder
// who has just signed up (long names, empty pages) and a signed-out visitor.
import { expect, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import type { Role } from './routes';
import { signIn, signUp, trpc, uniqueEmail } from './helpers';

const DEMO_PASSWORD = 'launch-ready-demo';
/** A link token of the right shape that opens nothing: the "link not valid" pages. */
const DEAD_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
/** No spaces anywhere: a name that can only fit by breaking inside the word. */
export const LONG_WORKSPACE_NAME = 'Northwind-Partners-International-Consulting-Collective-of-Independents';
export const LONG_PROJECT_NAME = 'The Extraordinarily Long-Named Membership Platform for Independent Wellness Coaches';

export type World = Record<string, string>;

const idAfter = (url: string, segment: string) => {
  const parts = new URL(url).pathname.split('/');
  return parts[parts.indexOf(segment) + 1]!;
};

/** From a page showing Cohort Club: its id and one of its monitors. */
async function cohortClub(page: Page): Promise<World> {
  await page.waitForURL(/\/p\//);
  const projectId = idAfter(page.url(), 'p');
  await page.goto(`/p/${projectId}/monitors`);
  const monitorHref = await page.locator(`a[href^="/p/${projectId}/monitors/"]`).evaluateAll((links) =>
    links.map((a) => a.getAttribute('href') ?? '').find((href) => /\/monitors\/[0-9a-f-]{36}$/.test(href)),
  );
  expect(monitorHref, 'Cohort Club has a monitor').toBeTruthy();
  const journeyHref = await page.locator(`a[href^="/p/${projectId}/monitors/journeys/"]`).evaluateAll((links) =>
    links.map((a) => a.getAttribute('href') ?? '').find((href) => /\/journeys\/[0-9a-f-]{36}$/.test(href)),
  );
  expect(journeyHref, 'Cohort Club has a journey').toBeTruthy();
  return { projectId, monitorId: monitorHref!.split('/').pop()!, journeyId: journeyHref!.split('/').pop()!, token: DEAD_TOKEN };
}

/** The demo consultant's workspace and Cohort Club, checked once so its risks list has findings. */
async function consultantWorld(page: Page): Promise<World> {
  await signIn(page, 'demo@launch-ready.local', DEMO_PASSWORD);
  await page.goto('/app');
  await page.waitForURL(/\/w\//);
  const workspaceId = idAfter(page.url(), 'w');
  await page.getByRole('table', { name: 'Projects' }).getByRole('link', { name: 'Cohort Club' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort Club' })).toBeVisible();
  const world: World = { workspaceId, ...(await cohortClub(page)) };
  const projectId = world.projectId!;
  const runs = (await trpc(page, 'checks.runs', { projectId }, 'query')) as { stageKey: string | null }[];
  if (!runs.some((run) => run.stageKey === null)) {
    const { runId } = (await trpc(page, 'checks.start', { projectId }, 'mutation')) as { runId: string };
    await expect.poll(async () => ((await trpc(page, 'checks.run', { projectId, runId }, 'query')) as { status: string }).status, { timeout: 60_000 }).toBe('done');
  }
  const done = (await trpc(page, 'checks.runs', { projectId }, 'query')) as { id: string; stageKey: string | null }[];
  return { ...world, runId: done.find((run) => run.stageKey === null)!.id };
}

/** The demo client sees Cohort Club only; a workspace id they cannot open stands for the consultant's. */
async function clientWorld(page: Page): Promise<World> {
  await signIn(page, 'client@launch-ready.local', DEMO_PASSWORD);
  await page.goto('/shared');
  await page.getByRole('link', { name: 'Cohort Club' }).click();
  return { workspaceId: crypto.randomUUID(), ...(await cohortClub(page)) };
}

/** A founder who has just signed up: a workspace and a project with very long names, nothing else yet. */
async function founderWorld(page: Page): Promise<World> {
  await signUp(page, 'Fenella Fitzgerald-Featherstonehaugh', uniqueEmail('screens'));
  await page.getByLabel('Workspace name').fill(LONG_WORKSPACE_NAME);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('link', { name: 'Create your first project' }).click();
  const workspaceId = idAfter(page.url(), 'w');
  await page.getByLabel('Project name').fill(LONG_PROJECT_NAME);
  await page.getByLabel('Product type').selectOption('membership-community');
  await page.getByLabel('Primary domain').fill('example.com');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(/\/p\//);
  return { workspaceId, projectId: idAfter(page.url(), 'p'), token: DEAD_TOKEN };
}

/** Signs the page in as the role and returns the ids its pages need. */
export async function enterWorld(page: Page, role: Role): Promise<World> {
  switch (role) {
    case 'consultant':
      return consultantWorld(page);
    case 'client':
      return clientWorld(page);
    case 'founder':
      return founderWorld(page);
    case 'visitor':
      return { token: DEAD_TOKEN };
  }
}
