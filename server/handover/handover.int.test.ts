import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { activityLog, checkResults, checkRuns, checklistItems, itemComments, itemEvidence, manualRisks, monitors, projectShares } from '@/db/schema';
import { newToken } from '@/server/services/tokens';
import type { SessionUser } from '@/server/trpc/context';
import { refusal } from '@/test/trpc/expect-refusal';
import { insertFullRecords } from '@/test/handover/fixtures';
import { buildHandoverDocument } from './model';
import { pdfText } from '@/test/handover/pdf-text';
import { renderMarkdown } from './render-markdown';
import { renderHandoverPdf } from './render-pdf';
import { SECTIONS } from './types';

/** Secrets as people paste them: a provider key, an unprefixed random key, a password in a URL. */
const CANARIES = ['sk_live_51CanaryQ7wErTyUiOpAsDfGh', 'Zq8mN3vR7tK2pL9wX4yB6cD1fG5hJ0sA', 'CanaryPw_7f3kQ9xZ'];
const CANARY_TEXT = `${CANARIES[0]} and ${CANARIES[1]} and postgres://admin:${CANARIES[2]}@db.internal:5432/app`;

const APP_URL = 'https://ready.example.com';
const RUN_ID = '5f0c9a52-8d1e-4c39-9b7a-2f6e1d4c8a10';

let app: TestApp;
let owner: SessionUser;
let projectId: string;
let pdf: string;
let md: string;

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.signUp('Olive Owner');
  const workspaceId = (await app.caller(owner).workspace.create({ name: 'Olive Studio' })).id;
  const project = await app.caller(owner).project.create({
    workspaceId,
    name: 'Canary Club',
    productType: 'membership-community',
    segment: 'membership-community',
    maturity: 'customers-growth',
    primaryDomain: 'example.org',
    canonicalHost: 'www',
    subdomains: ['app'],
    mailDomain: 'mail.example.org',
  });
  projectId = project.id;
  await insertFullRecords(app.db, projectId, { canary: CANARY_TEXT });
  // Free text people write through the app, reached directly so nothing filters it on the way in.
  const [item] = await app.db.select().from(checklistItems).where(eq(checklistItems.projectId, projectId)).limit(1);
  await app.db.update(checklistItems).set({ status: 'passed', notes: `Key was ${CANARY_TEXT}` }).where(eq(checklistItems.id, item!.id));
  await app.db.insert(itemEvidence).values({ itemId: item!.id, projectId, kind: 'note', body: `Verified with ${CANARY_TEXT}` });
  await app.db.insert(itemComments).values({ itemId: item!.id, projectId, body: `Use ${CANARY_TEXT}` });
  // Check evidence as runs write it now, and as they wrote it before runs had a page.
  await app.db.insert(itemEvidence).values([
    { itemId: item!.id, projectId, kind: 'check', body: 'Automated TLS check passed.', url: `/p/${projectId}/check-runs/${RUN_ID}#tls`, checkStatus: 'pass' },
    { itemId: item!.id, projectId, kind: 'check', body: 'Automated HSTS check passed.', url: `/check-runs/${RUN_ID}#hsts`, checkStatus: 'pass' },
  ]);
  await app.db.insert(manualRisks).values({ projectId, title: 'Card data handled by hand', detail: `Found ${CANARY_TEXT}`, severity: 'high', impact: 'revenue' });

  const doc = await buildHandoverDocument(app.db, projectId, { preparedBy: 'Olive Owner', appUrl: APP_URL });
  pdf = pdfText(await renderHandoverPdf(doc));
  md = renderMarkdown(doc);
}, 120_000);
afterAll(() => app.close());

/** pdftotext wraps table cells onto several lines; compare with whitespace collapsed. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('handover pack content', () => {
  it('links check evidence to the run’s page by its full address, wrapped inside the PDF column', () => {
    const tls = `${APP_URL}/p/${projectId}/check-runs/${RUN_ID}#tls`;
    const hsts = `${APP_URL}/p/${projectId}/check-runs/${RUN_ID}#hsts`;
    expect(md).toContain(tls);
    expect(md).toContain(hsts);
    expect(md).not.toContain('](/check-runs');
    // The PDF cuts the address onto several lines of its cell (pdftotext shows the pieces); joined, it is whole.
    const joined = pdf.replace(/\s+/g, '');
    expect(joined).toContain(tls);
    expect(joined).toContain(hsts);
    expect(pdf).not.toContain(tls);
  });

  it('has every section, with contents and page numbers, in both formats', () => {
    for (const [, title] of SECTIONS) {
      expect(flat(pdf)).toContain(title);
      expect(md).toContain(`## ${title}`);
    }
    expect(pdf).toContain('Contents');
    expect(pdf).toMatch(/Page 2 of \d+/);
  });

  it('carries the key facts', () => {
    const facts = [
      'Canary Club', 'Olive Studio', 'Olive Owner', 'https://www.example.org', // cover and routing
      'STRIPE_SECRET_KEY', '1Password: Ops vault', 'RESEND_API_KEY', // env inventory and secret locations
      'Promote the previous deployment in Vercel', // rollback path
      'Homepage', 'Sign-in API', 'ops@example.org', 'priya@example.org', // monitors and alert routing
      'Sign-in API answered 502 Bad Gateway', // incident
      'api.example.org', 'DMARC policy is p=none', // TLS and email auth
      'Card data handled by hand', // manual risk
      'Search is slow above 10,000 posts', 'Add a second person who can deploy', 'Look at failed payments in Stripe', // handover entries
      'Priya Shah', '+44 20 7946 0002', // contacts
    ];
    for (const fact of facts) {
      expect(flat(pdf), fact).toContain(fact);
      expect(flat(md), fact).toContain(fact);
    }
    // Improvements are ranked by business value.
    expect(md.indexOf('Add a second person who can deploy')).toBeLessThan(md.indexOf('Dark mode'));
  });

  it('gives each monitor its own p95 target, says where it came from and which budgets were missed', async () => {
    // membership-growth: 300 ms for common reads, 800 ms for heavier actions; the sign-in API's 800 ms is set by hand.
    expect(md).toContain('| p95 target |');
    expect(md).toMatch(/\| Homepage \|.*\| 300 ms, common reads \|/);
    expect(md).toMatch(/\| Stripe webhook \|.*\| 800 ms, heavier actions \|/);
    expect(md).toContain('Latency budgets: all 3 monitors with a p95 stayed within target over the 7 days.');
    expect(flat(pdf)).toContain('p95 target');
    expect(flat(pdf)).toContain('Latency budgets: all 3 monitors');

    await app.db.update(monitors).set({ p95TargetMs: 100 }).where(and(eq(monitors.projectId, projectId), eq(monitors.name, 'Sign-in API')));
    const doc = await buildHandoverDocument(app.db, projectId, { preparedBy: 'Olive Owner', appUrl: APP_URL });
    const missedMd = renderMarkdown(doc);
    const missedPdf = flat(pdfText(await renderHandoverPdf(doc)));
    expect(missedMd).toMatch(/Latency budgets missed over the 7 days: Sign-in API \(p95 \d+ ms against 100 ms for common reads: set by hand on this monitor\)\./);
    expect(missedPdf).toMatch(/Latency budgets missed over the 7 days: Sign-in API \(p95 \d+ ms against 100 ms for common reads: set by hand on this monitor\)\./);
    await app.db.update(monitors).set({ p95TargetMs: 800 }).where(and(eq(monitors.projectId, projectId), eq(monitors.name, 'Sign-in API')));
  });

  it('never prints a planted secret, wherever it was planted', () => {
    for (const canary of CANARIES) {
      expect(pdf).not.toContain(canary);
      expect(md).not.toContain(canary);
    }
    // Slack webhook URLs are credentials too.
    expect(md).not.toContain('hooks.slack.com');
    expect(md).toContain('\\[secret hidden\\]'); // brackets from text are escaped (markdown-text.ts)
    expect(md).toMatch(/secret-looking values found in notes were hidden/);
  });
});

describe('handover pack access', () => {
  it('hides the pack from outsiders and serves it to a client with view access, recording the export', async () => {
    const outsider = await app.signUp('Oscar Outsider');
    expect((await refusal(app.caller(outsider).handoverPack.preview({ projectId }))).code).toBe('NOT_FOUND');
    expect((await refusal(app.caller(outsider).handoverPack.export({ projectId, format: 'pdf' }))).code).toBe('NOT_FOUND');

    const client = await app.signUp('Cleo Client');
    await app.db.insert(projectShares).values({ projectId, email: client.email, role: 'viewer', userId: client.id, tokenHash: newToken().hash, invitedBy: owner.id, expiresAt: new Date(), acceptedAt: new Date() });
    const doc = await app.caller(client).handoverPack.export({ projectId, format: 'pdf' });
    expect(doc.cover.preparedBy).toBe('Cleo Client');
    const log = await app.db.select().from(activityLog).where(eq(activityLog.projectId, projectId));
    expect(log.some((e) => e.action === 'handover.export' && e.actorId === client.id)).toBe(true);

    const preview = await app.caller(client).handoverPack.preview({ projectId });
    expect(preview.markdown).toContain('# Handover pack: Canary Club');
  });

  it('says a TLS result in an older format is one, instead of guessing its dates', async () => {
    const workspaceId = (await app.caller(owner).workspace.create({ name: 'Old Studio' })).id;
    const old = await app.caller(owner).project.create({ workspaceId, name: 'Old', productType: 'ai-chatbot', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.net' });
    const [run] = await app.db.insert(checkRuns).values({ projectId: old.id, checkIds: ['tls'], target: { domain: 'example.net' }, status: 'done', progress: { total: 1, done: 1, current: [] }, finishedAt: new Date() }).returning();
    // A shape the handover pack used to guess at: an expiry under another name, no hosts list.
    await app.db.insert(checkResults).values({ runId: run!.id, projectId: old.id, checkId: 'tls', status: 'pass', findings: [], evidence: { domain: 'example.net', notAfter: '2031-01-01T00:00:00Z' }, durationMs: 5 });
    const doc = await buildHandoverDocument(app.db, old.id, { preparedBy: 'Olive Owner' });
    expect(doc.tls.certificates).toEqual({ state: 'not-measured', note: expect.stringContaining('evidence in an older format') });
    expect(flat(renderMarkdown(doc))).not.toContain('2031-01-01');
  });

  it('lists honest gaps for a bare project', async () => {
    const workspaceId = (await app.caller(owner).workspace.create({ name: 'Bare Studio' })).id;
    const bare = await app.caller(owner).project.create({ workspaceId, name: 'Bare', productType: 'ai-chatbot', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.net' });
    const doc = await buildHandoverDocument(app.db, bare.id, { preparedBy: 'Olive Owner' });
    const gaps = doc.gaps.join('\n');
    for (const expected of ['Monitors: not measured yet', 'environment-variable inventory is empty', 'no deployment runbook', 'No contacts', 'No go / no-go decision']) {
      expect(gaps).toContain(expected);
    }
    expect(doc.monitoring.monitors.state).toBe('not-measured');
    const text = pdfText(await renderHandoverPdf(doc));
    expect(flat(text)).toContain('Not measured yet: set up uptime monitors on the Observability stage.');
  });
});
