/**
 * The payment webhook check end to end: the signing secret is chosen by name from the vault,
 * opened only while the check runs, never stored; a web run and the CLI report the same
 * findings; the results settle the subscription-webhooks item with evidence.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '@/test/harness';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { paymentWebhook, type WebhookBehaviour } from '@/test/testnet/fixtures/payment-webhooks';
import { respond, routes, type SiteHandler } from '@/test/testnet/site';
import { checklistItems, domainOwnership, itemEvidence, projects } from '@/db/schema';
import { createProject, updateProject } from '@/server/services/projects';
import { createWorkspace } from '@/server/services/workspaces';
import { setSecret } from '@/server/vault';
import { rowsOf } from '@/server/monitoring/sql-rows';
import { sql } from 'drizzle-orm';
import { main } from '@/server/checks/cli/main';
import { projectFieldsSchema } from '@/server/projects/validation';
import type { SessionUser } from '@/server/trpc/context';
import { startCheckRun } from './run';

const SECRET = ['whsec', 'loopback', 'Zr8Kq2Vx7Lm4Pn1Tb6Wc'].join('_');
const HOOK = 'https://shop.test/api/webhooks/stripe';

let site: QuickSite;
let app: TestApp;
let founder: SessionUser;
let projectId: string;
let dir: string;
const handlers: Record<WebhookBehaviour, SiteHandler> = {
  good: paymentWebhook('good', SECRET),
  'ignores-signature': paymentWebhook('ignores-signature', SECRET),
  'errors-on-replay': paymentWebhook('errors-on-replay', SECRET),
};
let behaviour: WebhookBehaviour = 'good';

beforeAll(async () => {
  site = await startQuickSite({
    hosts: {
      'shop.test': routes({
        '/': respond(200, { 'content-type': 'text/html' }, '<p>shop</p>'),
        '/.well-known/launch-ready.txt': respond(200, { 'content-type': 'text/plain' }, 'shop-ownership-token-0123456789'),
        '/api/webhooks/stripe': (req, res, ctx) => handlers[behaviour](req, res, ctx),
      }),
    },
  });
  app = await createTestApp({ checkDeps: () => site.deps });
  founder = await app.signUp('Wendy Webhook');
  const workspace = await createWorkspace(app.db, { actor: founder }, { name: 'Webhook Studio' });
  // .test is not a public suffix, so the service is called without the form's validation (as in probe-scope).
  const project = await createProject(app.db, { workspaceId: workspace.id, actorId: founder.id }, {
    templateId: 'membership-growth',
    fields: {
      name: 'Shop',
      productType: 'membership-community',
      segment: 'membership-community',
      maturity: 'customers-growth',
      primaryDomain: 'shop.test',
      canonicalHost: 'apex',
      subdomains: [],
      mailDomain: null,
      dkimSelectors: [],
      productionUrl: 'https://shop.test/',
      endpoints: [{ kind: 'payment-webhook', method: 'POST', url: '/api/webhooks/stripe', label: undefined }],
      environments: [],
    },
  });
  projectId = project.id;
  dir = await mkdtemp(path.join(tmpdir(), 'lr-webhook-'));
  await writeFile(path.join(dir, 'ca.pem'), site.ca.certPem);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const fieldsWith = (signingSecret?: string) => ({
  name: 'Shop',
  productType: 'membership-community' as const,
  segment: 'membership-community' as const,
  maturity: 'customers-growth' as const,
  primaryDomain: 'shop.test',
  canonicalHost: 'apex' as const,
  subdomains: [],
  mailDomain: null,
  dkimSelectors: [],
  productionUrl: 'https://shop.test/',
  endpoints: [{ kind: 'payment-webhook' as const, method: 'POST' as const, url: '/api/webhooks/stripe', label: undefined, ...(signingSecret ? { signingSecret } : {}) }],
  environments: [],
});

async function runCheck() {
  const { runId, finished } = await startCheckRun({ db: app.db, checkDeps: () => site.deps }, { projectId, actorId: founder.id, only: ['payment-webhook'] });
  await finished;
  const run = await app.caller(founder).checks.run({ projectId, runId });
  return run.results.find((r) => r.checkId === 'payment-webhook')!;
}

async function webhookItem() {
  const [item] = await app.db.select().from(checklistItems).where(and(eq(checklistItems.projectId, projectId), eq(checklistItems.templateKey, 'routing.subscription-webhooks')));
  return item!;
}

describe('payment webhook check through a project run', () => {
  it('is skipped with what unblocks it until the domain is proved and a signing secret is chosen', async () => {
    const unproved = await runCheck();
    expect(unproved.status).toBe('skipped');
    expect(unproved.findings.map((f) => f.code)).toEqual(['payment-webhook.ownership-unverified']);
    await app.db.insert(domainOwnership).values({ projectId, domain: 'shop.test', token: 'shop-ownership-token-0123456789', verifiedAt: new Date(), method: 'well-known' });
    const noSecret = await runCheck();
    expect(noSecret.findings.map((f) => f.code)).toEqual(['payment-webhook.no-signing-secret']);
    expect(site.requests.filter((r) => r.url === '/api/webhooks/stripe')).toHaveLength(0);
  });

  it('takes the name of an existing project secret as the signing secret, and refuses anything else without changing the project', async () => {
    // The form: the name, bare or as its placeholder; never on an endpoint that is not a payment webhook.
    const parsed = projectFieldsSchema.safeParse({ ...fieldsWith('{{secret.STRIPE_WEBHOOK_SECRET}}'), primaryDomain: 'example.com', productionUrl: 'https://example.com/' });
    expect(parsed.success && parsed.data.endpoints[0]!.signingSecret).toBe('STRIPE_WEBHOOK_SECRET');
    const pasted = projectFieldsSchema.safeParse({ ...fieldsWith('whsec abc/def'), primaryDomain: 'example.com', productionUrl: 'https://example.com/' });
    expect(pasted.success).toBe(false);
    const wrongKind = projectFieldsSchema.safeParse({ ...fieldsWith(), endpoints: [{ kind: 'login', method: 'POST', url: '/api/login', signingSecret: 'X' }], primaryDomain: 'example.com', productionUrl: 'https://example.com/' });
    expect(wrongKind.success ? null : wrongKind.error.issues[0]!.message).toBe('Only a payment webhook has a signing secret.');

    const before = await app.db.select({ endpoints: projects.endpoints, updatedAt: projects.updatedAt }).from(projects).where(eq(projects.id, projectId));
    await expect(updateProject(app.db, { projectId, actorId: founder.id }, { fields: fieldsWith('STRIPE_WEBHOOK_SECRET') })).rejects.toMatchObject({ kind: 'bad-input', fields: { 'endpoints.0.signingSecret': expect.stringContaining('no secret named STRIPE_WEBHOOK_SECRET') } });
    expect(await app.db.select({ endpoints: projects.endpoints, updatedAt: projects.updatedAt }).from(projects).where(eq(projects.id, projectId))).toEqual(before);

    await setSecret(app.db, { projectId, actorId: founder.id }, { name: 'STRIPE_WEBHOOK_SECRET', value: SECRET });
    await updateProject(app.db, { projectId, actorId: founder.id }, { fields: fieldsWith('STRIPE_WEBHOOK_SECRET') });
    const [row] = await app.db.select({ endpoints: projects.endpoints }).from(projects).where(eq(projects.id, projectId));
    expect(row!.endpoints[0]!.signingSecret).toBe('STRIPE_WEBHOOK_SECRET');
  });

  it('a handler that verifies and skips repeats passes; the item waits for a person to confirm the subscription changes', async () => {
    behaviour = 'good';
    const result = await runCheck();
    expect(result.status).toBe('pass');
    expect(result.findings.map((f) => f.code)).toEqual(['payment-webhook.verified']);
    const item = await webhookItem();
    expect(item.status).toBe('in_progress');
    const [evidence] = await app.db.select().from(itemEvidence).where(eq(itemEvidence.itemId, item.id));
    expect(evidence!.body).toContain('a person confirms the rest');
    expect(evidence!.url).toContain('#payment-webhook');
  });

  it('a handler that ignores the signature fails the item with a critical finding; one that errors on a replay with a high one', async () => {
    behaviour = 'ignores-signature';
    const open = await runCheck();
    expect(open.findings.map((f) => [f.severity, f.code])).toEqual([['critical', 'payment-webhook.signature-not-verified']]);
    expect((await webhookItem()).status).toBe('failed');
    behaviour = 'errors-on-replay';
    const replay = await runCheck();
    expect(replay.findings.map((f) => [f.severity, f.code])).toEqual([['high', 'payment-webhook.not-idempotent']]);
  });

  it('the CLI reports the same findings as the web run, with the secret taken from the environment', async () => {
    behaviour = 'errors-on-replay';
    const web = await runCheck();
    let stdout = '';
    process.env.LR_TEST_WEBHOOK_SECRET = SECRET;
    const code = await main(
      ['check', 'https://shop.test/', '--only', 'payment-webhook', '--json', '--endpoint', `payment-webhook=POST:${HOOK}`, '--webhook-secret-env', 'LR_TEST_WEBHOOK_SECRET', '--ownership-token', 'shop-ownership-token-0123456789', '--dns-server', site.dns.server, '--allow-loopback', '--ca-file', path.join(dir, 'ca.pem'), '--port-map', `443:${site.portMap[443]},80:${site.portMap[80]}`],
      { stdout: (t) => void (stdout += t), stderr: () => undefined },
    );
    delete process.env.LR_TEST_WEBHOOK_SECRET;
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { results: Record<string, { status: string; findings: { code: string; severity: string; message: string }[] }> };
    const cli = report.results['payment-webhook']!;
    expect(cli.status).toBe(web.status);
    expect(cli.findings.map((f) => [f.severity, f.code, f.message])).toEqual(web.findings.map((f) => [f.severity, f.code, f.message]));
    expect(stdout).not.toContain(SECRET);
  });

  it('never stores the signing secret: not in runs, results, findings, evidence or the activity log', async () => {
    for (const table of ['check_runs', 'check_results', 'findings', 'item_evidence', 'activity_log', 'projects']) {
      const rows = await rowsOf<{ t: string }>(app.db, sql`select t::text as t from ${sql.identifier(table)} t`);
      expect(rows.filter((r) => r.t.includes(SECRET)).length, table).toBe(0);
    }
  });
});
