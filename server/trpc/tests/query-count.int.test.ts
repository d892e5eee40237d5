/**
 * SQL statements per dashboard read. Each read must issue a bounded number of queries that does
 * not grow with the data: the same count for a project with one evidence row as for one with
 * many, and for a workspace with one project as for one with many (no N+1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
import { checkRuns } from '@/db/schema';
import type { SessionUser } from '../context';

let app: TestApp;
let founder: SessionUser;
let queries: string[] = [];

const fields = { name: 'Coach bot', productType: 'ai-chatbot', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.com' } as const;

/**
 * The generous ceiling per read; the real counts are printed and must also not grow with data.
 * 20 since go / no-go also reads the journeys' success rates and the endpoints' own targets
 * (overview 18, risks 17 when they joined); a repeated read is still one statement (read cache).
 */
const MAX_QUERIES_PER_READ = 20;

beforeAll(async () => {
  app = await createTestApp({ onQuery: (sql) => queries.push(sql) });
  founder = await app.signUp('Quentin Query');
});
afterAll(() => app.close());

async function count(read: () => Promise<unknown>): Promise<number> {
  queries = [];
  await read();
  return queries.length;
}

/** A workspace with `projects` projects; the first has a full roadmap, `evidence` evidence rows and comments on several items, risks, monitors and check runs. */
async function world(projectCount: number, evidence: number) {
  const caller = app.caller(founder);
  const workspaceId = (await caller.workspace.create({ name: `Q ${projectCount}/${evidence}` })).id;
  const projects = [];
  for (let i = 0; i < projectCount; i += 1) projects.push(await caller.project.create({ workspaceId, ...fields, name: `Client ${i}` }));
  const projectId = projects[0]!.id;
  const stage = await caller.audit.get({ projectId, filter: 'all' });
  const items = stage.items.slice(0, Math.min(evidence, stage.items.length));
  for (let e = 0; e < evidence; e += 1) {
    const item = items[e % items.length]!;
    await caller.audit.addEvidence({ projectId, itemId: item.id, body: `Evidence ${e}`, url: `https://example.com/e/${e}` });
    await caller.audit.comment({ projectId, itemId: item.id, body: `Comment ${e}` });
  }
  for (const item of items.slice(0, 3)) await caller.audit.updateItem({ projectId, itemId: item.id, status: 'failed' });
  for (let r = 0; r < Math.max(1, Math.floor(evidence / 4)); r += 1) {
    await caller.roadmap.addRisk({ projectId, title: `Risk number ${r}`, severity: 'high', impact: 'revenue' });
  }
  await caller.monitoring.quickSetup({ projectId });
  await app.db.insert(checkRuns).values(
    Array.from({ length: Math.max(1, evidence) }, (_, r) => ({
      projectId,
      checkIds: ['dns'],
      target: { domain: 'example.com' },
      status: 'done' as const,
      progress: { total: 1, done: 1, current: [] },
      startedBy: founder.id,
      startedAt: new Date(Date.now() - r * 60_000),
      finishedAt: new Date(Date.now() - r * 60_000 + 1000),
    })),
  );
  return { workspaceId, projectId };
}

async function countReads(w: { workspaceId: string; projectId: string }) {
  const caller = app.caller(founder);
  const { workspaceId, projectId } = w;
  return {
    'workspace.list': await count(() => caller.workspace.list()),
    'project.list': await count(() => caller.project.list({ workspaceId })),
    'project.get': await count(() => caller.project.get({ projectId })),
    'roadmap.overview': await count(() => caller.roadmap.overview({ projectId })),
    'audit.get': await count(() => caller.audit.get({ projectId, filter: 'all' })),
    'perimeter.get': await count(() => caller.perimeter.get({ projectId, filter: 'all' })),
    // An item's details, as the stage page asks when a person opens them: from the view just read.
    'perimeter.item': await (async () => {
      const itemId = (await caller.perimeter.get({ projectId, filter: 'all' })).items[0]!.id;
      return count(() => caller.perimeter.item({ projectId, itemId }));
    })(),
    'roadmap.risks': await count(() => caller.roadmap.risks({ projectId })),
    'monitoring.projectPanel': await count(() => caller.monitoring.projectPanel({ projectId })),
    'checks.runs': await count(() => caller.checks.runs({ projectId, limit: 20 })),
  };
}

describe('queries per dashboard read', () => {
  it('stay bounded and do not grow with evidence, comments, risks, runs or projects', async () => {
    const small = await countReads(await world(1, 1));
    const large = await countReads(await world(12, 24));
    const rows = Object.keys(small).map((read) => ({
      read,
      small: small[read as keyof typeof small],
      large: large[read as keyof typeof large],
    }));
    console.log(`[query-count ${process.env.LR_TEST_DRIVER ?? 'pglite'}]\n${rows.map((r) => `${r.read.padEnd(26)} ${String(r.small).padStart(3)} ${String(r.large).padStart(3)}`).join('\n')}`);
    for (const row of rows) {
      expect(row.small, row.read).toBeGreaterThan(0);
      expect(row.small, row.read).toBeLessThanOrEqual(MAX_QUERIES_PER_READ);
      expect(row.large, `${row.read} grows with data`).toBe(row.small);
    }
  });
});
