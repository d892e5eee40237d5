/**
 * Issue #17 part 6: the Markdown pack is opened in viewers that turn it into HTML. A project whose
 * every free-text column holds markup (script, img onerror, javascript: links, Markdown links and
 * images, autolinks, reference definitions, entity tricks, block syntax) is exported and rendered
 * with markdown-it, raw HTML allowed (the most permissive common setting): nothing the user typed
 * may become an element or attribute, and the payload must still be readable as text.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, getTableColumns, type Table } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import MarkdownIt from 'markdown-it';
import { createTestApp, type TestApp } from '@/test/harness';
import {
  alertChannels,
  alertSettings,
  checklistItems,
  contacts,
  envVars,
  goDecisions,
  handoverEntries,
  itemEvidence,
  manualRisks,
  monitorIncidents,
  monitors,
  projectDocuments,
  projectStages,
  projects,
  releaseSteps,
  user,
  workspaces,
} from '@/db/schema';
import { insertFullRecords } from '@/test/handover/fixtures';
import { buildHandoverDocument } from './model';
import { renderMarkdown } from './render-markdown';

/** Each line a different trick; prose fields get all of them, line by line. */
const LINES = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '[click me](javascript:alert(3))',
  '![pic](javascript:alert(4))',
  '<javascript:alert(5)> <https://evil.example/x>',
  '&lt;script&gt;alert(6)&lt;/script&gt; &#106;avascript:alert(7)',
  '<a href="javascript:alert(8)">link</a>',
  '[ref]: javascript:alert(9)',
  'see [ref] and [ref][] *em* _em_ `code` ~~gone~~',
  '# heading',
  '- list item',
  '> quote',
  '    indented code',
  '<svg/onload=alert(10)>',
];
const PAYLOAD = LINES.join('\n');
const INLINE_PAYLOAD = LINES.join(' ');

/** Columns that hold identifiers, codes the app switches on, or values the model parses. */
const NOT_FREE_TEXT = /(^id$|Id$|By$|Key$|token|hash|^code$|^checkId$|^expectedStatus$|^method$|^kind$|^status$|^role$|^segment$|^maturity$|^productType$|^templateId$|^canonicalHost$|^primaryDomain$|^mailDomain$|^stageKey$|^key$|^automatedCheck$|^severity$|^impact$|^phase$|^state$|^lastRotatedOn$|^dueOn$|^deadline$)/;

/** `suffix` keeps values apart where a column is unique per project (env var names, item keys). */
function freeTextColumns(table: Table, suffix = ''): Record<string, string> {
  const set: Record<string, string> = {};
  for (const [name, column] of Object.entries(getTableColumns(table)) as [string, PgColumn][]) {
    if (column.columnType === 'PgText' && !(column.enumValues?.length) && !NOT_FREE_TEXT.test(name)) set[name] = `${PAYLOAD}${suffix}`;
  }
  return set;
}

/** Rewrites every row of the project in `table`, one by one. */
async function poison(db: TestApp['db'], table: Table, projectId: string) {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const scope = columns.projectId ?? columns.id!;
  const key = columns.id ?? columns.projectId!;
  const rows = (await db.select({ key }).from(table as never).where(eq(scope, projectId))) as { key: string }[];
  for (const [n, row] of rows.entries()) {
    const values = freeTextColumns(table, ` #${n}`);
    if (Object.keys(values).length > 0) await db.update(table as never).set(values as never).where(eq(key, row.key));
  }
}

let app: TestApp;
let md: string;
let html: string;

beforeAll(async () => {
  app = await createTestApp();
  const owner = await app.signUp('Xena Xss');
  const workspaceId = (await app.caller(owner).workspace.create({ name: 'Xss Studio' })).id;
  const project = await app.caller(owner).project.create({
    workspaceId,
    name: 'Xss Club',
    productType: 'membership-community',
    segment: 'membership-community',
    maturity: 'customers-growth',
    primaryDomain: 'example.org',
    subdomains: ['app'],
    endpoints: [{ kind: 'login', method: 'POST', url: '/api/login' }],
  });
  const projectId = project.id;
  await insertFullRecords(app.db, projectId, { canary: PAYLOAD });
  const [item] = await app.db.select().from(checklistItems).where(eq(checklistItems.projectId, projectId)).limit(1);
  await app.db.update(checklistItems).set({ status: 'not_applicable' }).where(eq(checklistItems.id, item!.id));
  await app.db.insert(itemEvidence).values({ itemId: item!.id, projectId, kind: 'note', body: PAYLOAD });
  await app.db.insert(manualRisks).values({ projectId, title: PAYLOAD, detail: PAYLOAD, severity: 'high', impact: 'revenue' });
  await app.db.insert(goDecisions).values({ projectId, decision: 'go', reason: PAYLOAD, recommendation: { verdict: 'go', reasons: [INLINE_PAYLOAD] } });

  // Every free-text column of every record the pack reads, written directly so nothing filters it on the way in.
  for (const table of [projects, projectStages, checklistItems, itemEvidence, envVars, projectDocuments, releaseSteps, contacts, handoverEntries, monitors, monitorIncidents, alertChannels, manualRisks, goDecisions]) {
    await poison(app.db, table, projectId);
  }
  await app.db.update(workspaces).set(freeTextColumns(workspaces)).where(eq(workspaces.id, workspaceId));
  await app.db.update(user).set({ name: INLINE_PAYLOAD }).where(eq(user.id, owner.id));
  await app.db
    .update(projects)
    .set({ subdomains: [INLINE_PAYLOAD], productionUrl: `https://example.org/${encodeURI(INLINE_PAYLOAD)}`, endpoints: [{ kind: 'login', method: 'POST', url: `/${INLINE_PAYLOAD}`, label: INLINE_PAYLOAD }], environments: [{ name: INLINE_PAYLOAD, url: 'https://example.org/' }] })
    .where(eq(projects.id, projectId));
  await app.db.update(envVars).set({ environments: [INLINE_PAYLOAD] }).where(eq(envVars.projectId, projectId));
  await app.db.update(alertSettings).set({ fallbackEmail: INLINE_PAYLOAD }).where(eq(alertSettings.projectId, projectId));

  const doc = await buildHandoverDocument(app.db, projectId, { preparedBy: INLINE_PAYLOAD });
  md = renderMarkdown(doc);
  html = new MarkdownIt({ html: true }).render(md);
}, 120_000);
afterAll(() => app.close());

/** The elements the pack's own structure produces; anything else came from user text. */
const STRUCTURE = new Set(['h1', 'h2', 'h3', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ol', 'ul', 'li', 'strong', 'em', 'blockquote']);

it('plants the payload in many places of the pack', () => {
  const places = md.split('alert(1)').length - 1;
  console.log(`[markdown xss] payload appears in ${places} places of the Markdown pack`);
  expect(places).toBeGreaterThanOrEqual(30);
});

it('renders no element or attribute from user text', () => {
  const tags = html.match(/<[^>]*>/g) ?? [];
  const foreign = tags.filter((tag) => {
    const name = /^<\/?([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
    const attributes = tag.replace(/^<\/?[a-z0-9]+/i, '').replace(/\/?>$/, '').trim();
    const allowedAttributes = attributes === '' || (name === 'ol' && /^start="\d+"$/.test(attributes));
    return !STRUCTURE.has(name) || !allowedAttributes;
  });
  expect([...new Set(foreign)]).toEqual([]);
  expect(html).not.toMatch(/<(script|img|a|svg|iframe|code|pre|hr|h4|s|del)\b/i);
  expect(tags.filter((tag) => /\s(href|src|on\w+)\s*=|javascript:/i.test(tag))).toEqual([]);
  // Emphasis from the pack's own labels is fine; from user text it would wrap "em".
  expect(html).not.toContain('<em>em</em>');
});

it('still shows the payload as text', () => {
  const text = html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  for (const line of LINES) expect(text).toContain(line.trim());
});
