/**
 * Issue #11's bar on the loopback testnet: the web app's "Run all checks" reports every problem
 * the CLI reports on a product full of launch blockers; a check that cannot run says why; findings
 * follow the product across runs (open → fixed → regressed); go / no-go follows the findings.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainOwnership, projectShares } from '@/db/schema';
import type { SessionUser } from '@/server/trpc/context';
import { createProject } from '@/server/services/projects';
import { createWorkspace } from '@/server/services/workspaces';
import { OWNERSHIP_TOKEN, startTestProduct, type TestProduct } from '@/test/testnet/product';
import { createTestApp, type TestApp } from '@/test/harness';
import { testnetProjectFields } from '@/test/testnet/project-fields';
import { waitForRunsInFlight } from './run';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PROBLEM = new Set(['critical', 'high', 'medium', 'low']);
/** Issue #12's deeper detection: what the product's broken mode must show in both runs, and its good mode must not. */
const DEEPER = [
  'redirects.no-https', // app. served over plain HTTP
  'redirects.loop', // on the sign-in endpoint's path
  'dns.stale-address', // a second address for app. where nothing answers
  'spf.too-many-lookups', // 11 lookups behind a term that matches the probe address
  'mixed-content.active',
  'mixed-content.passive',
  'open-endpoints.personal-data', // /v1/me answers a member without sign-in
  'error-pages.stack-trace', // Express's dev error handler on api.
  'exposed-paths.env-file',
  'tls.caa-forbids-issuer', // CAA allows only another authority
  'tls.renewal-overdue', // api.'s certificate past two-thirds of its life
];

let product: TestProduct;
let app: TestApp;
let founder: SessionUser;
let workspaceId: string;
let caDir: string;

function cliJson(args: string[]): Promise<{ results: Record<string, { status: string; findings: { code: string; severity: string }[] }> }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/launch-ready-cli.ts'), ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout) => {
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(error ?? new Error(`CLI printed no JSON: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

function cliArgs(): string[] {
  const endpoints = (product.target.endpoints ?? []).flatMap((e) => ['--endpoint', `${e.kind}=${e.method}:${e.url}`]);
  return [
    'check', product.domain, '--json', '--subdomains', 'app,api', '--dkim-selectors', 's1', '--ownership-token', OWNERSHIP_TOKEN, ...endpoints,
    '--dns-server', product.dns.server, '--allow-loopback', '--ca-file', path.join(caDir, 'ca.pem'), '--port-map', `443:${product.portMap[443]},80:${product.portMap[80]}`,
  ];
}

const problemCodes = (findings: { code: string; severity: string }[]) => findings.filter((f) => PROBLEM.has(f.severity)).map((f) => f.code);

async function newProject(name: string, verified: boolean) {
  const t = product.target;
  const project = await createProject(app.db, { workspaceId, actorId: founder.id }, {
    templateId: 'membership-rescue',
    fields: testnetProjectFields(product.target, name),
  });
  if (verified) await app.db.insert(domainOwnership).values({ projectId: project.id, domain: t.domain, token: OWNERSHIP_TOKEN, verifiedAt: new Date(), method: 'dns-txt' });
  return project.id;
}

/** Presses "Run all checks" as the web app does and waits for the run to be stored. */
async function runAll(projectId: string) {
  const { runId } = await app.caller(founder).checks.start({ projectId });
  await waitForRunsInFlight();
  return app.caller(founder).checks.run({ projectId, runId });
}

beforeAll(async () => {
  product = await startTestProduct({ leaky: true, blockers: true });
  app = await createTestApp({ checkDeps: () => product.deps });
  founder = await app.signUp('Fran Findings');
  workspaceId = (await createWorkspace(app.db, { actor: founder }, { name: 'Findings Studio' })).id;
  caDir = await mkdtemp(path.join(tmpdir(), 'lr-findings-'));
  await writeFile(path.join(caDir, 'ca.pem'), product.caPem);
});
afterAll(async () => {
  await app?.close();
  await product?.close();
  if (caDir) await rm(caDir, { recursive: true, force: true });
});

describe('a whole-project run on a product full of launch blockers', () => {
  let projectId: string;

  it('reports every problem the CLI reports, including the ones no rescue-playbook item names', async () => {
    product.setBroken(true);
    projectId = await newProject('Blocked Co', true);
    // One after the other: both probe the same loopback servers, and TLS handshakes have a time limit.
    const cli = await cliJson(cliArgs());
    const web = await runAll(projectId);
    const cliCodes = new Set(Object.values(cli.results).flatMap((r) => problemCodes(r.findings)));
    const webCodes = new Set(web.results.flatMap((r) => problemCodes(r.findings)));
    // The blockers the issue named: an expired certificate and a credentialed CORS hole; and the planted keys.
    expect([...cliCodes]).toEqual(expect.arrayContaining(['tls.expired', 'spf.pass-all']));
    expect([...cliCodes].some((c) => c.startsWith('cors.'))).toBe(true);
    expect([...cliCodes].some((c) => c.startsWith('secrets.'))).toBe(true);
    // Latency is a measurement: two runs on a busy machine may judge it differently, so it is left out of the comparison.
    expect([...cliCodes].filter((c) => !webCodes.has(c) && !c.startsWith('latency.'))).toEqual([]);
    // The deeper detection: every new problem, in both runs.
    expect(DEEPER.filter((code) => !cliCodes.has(code))).toEqual([]);
    expect(DEEPER.filter((code) => !webCodes.has(code))).toEqual([]);
    // Every check of the catalogue ran, not only the few the rescue playbook's items name.
    expect(web.results).toHaveLength(Object.keys(cli.results).length);
    expect(web.summary).toMatch(/^19 checks: /);
    // Results are ordered by severity: failures first.
    expect(web.results[0]!.status).toBe('fail');
    expect(web.results.at(-1)!.status).not.toBe('fail');

    const findings = await app.caller(founder).findings.list({ projectId });
    const open = findings.filter((f) => f.state === 'open');
    expect(new Set(open.map((f) => f.code))).toEqual(webCodes);
    const expired = open.find((f) => f.code === 'tls.expired')!;
    expect(expired).toMatchObject({ severity: 'critical', subject: 'app.acme.test', impact: 'security' });
    expect(expired.fix.length).toBeGreaterThan(10);
  }, 120_000);

  it('ranks the concrete findings first on the risk list and says no-go, each reason linking to its evidence', async () => {
    const { ranked } = await app.caller(founder).roadmap.risks({ projectId });
    expect(ranked[0]!.source).toBe('finding');
    expect(ranked[0]!.severity).toBe('critical');
    expect(ranked.find((r) => r.title.includes('Stripe') || r.checkId === 'secrets')?.fix).toBeTruthy();
    const overview = await app.caller(founder).roadmap.overview({ projectId });
    expect(overview.recommendation.verdict).toBe('no-go');
    const expired = (await app.caller(founder).findings.list({ projectId })).find((f) => f.code === 'tls.expired')!;
    const tlsReason = overview.recommendation.reasons.find((r) => r.href === `risks#finding-${expired.id}`);
    expect(tlsReason).toMatchObject({ level: 'no-go', kind: 'finding', text: expect.stringContaining(expired.subject) });
    expect(overview.risks[0]!.source).toBe('finding');
  });

  it('marks what the product fixed as fixed, and what came back as regressed, keeping the history', { timeout: 120_000 }, async () => {
    product.setBroken(false);
    const cli = await cliJson(cliArgs());
    const web = await runAll(projectId);
    // The good product shows none of the deeper problems, in either run.
    const good = [...Object.values(cli.results).flatMap((r) => problemCodes(r.findings)), ...web.results.flatMap((r) => problemCodes(r.findings))];
    expect(good.filter((code) => DEEPER.includes(code))).toEqual([]);
    let findings = await app.caller(founder).findings.list({ projectId });
    const spf = () => findings.find((f) => f.code === 'spf.pass-all')!;
    expect(spf().state).toBe('fixed');
    expect(findings.filter((f) => f.checkId === 'cors').every((f) => f.state === 'fixed')).toBe(true);
    expect(findings.filter((f) => DEEPER.includes(f.code)).map((f) => `${f.code} ${f.subject} ${f.state}`).filter((line) => !line.endsWith(' fixed'))).toEqual([]);
    expect(findings.find((f) => f.code === 'tls.expired')!.state).toBe('open');

    product.setBroken(true);
    await runAll(projectId);
    findings = await app.caller(founder).findings.list({ projectId });
    expect(spf().state).toBe('regressed');
    const history = await app.caller(founder).findings.history({ projectId, findingId: spf().id });
    expect(history.map((e) => e.kind)).toEqual(['regressed', 'fixed', 'opened']);
  });

  it('lets editors accept a finding with a reason and an expiry; clients and outsiders cannot', async () => {
    const findings = await app.caller(founder).findings.list({ projectId });
    const spf = findings.find((f) => f.code === 'spf.pass-all')!;
    await expect(app.caller(founder).findings.accept({ projectId, findingId: spf.id, reason: 'Marketing mail goes out tomorrow.', until: '2020-01-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const client = await app.signUp('Cal Client');
    await app.db.insert(projectShares).values({ projectId, email: client.email, role: 'collaborator', userId: client.id, tokenHash: `hash-${client.id}`, invitedBy: founder.id, expiresAt: new Date(Date.now() + 86_400_000), acceptedAt: new Date() });
    const outsider = await app.signUp('Otto Outsider');
    const input = { projectId, findingId: spf.id, reason: 'The old provider is switched off next week.', until: '2099-01-31' };
    await expect(app.caller(client).findings.accept(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.caller(outsider).findings.accept(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.caller(founder).findings.list({ projectId })).find((f) => f.id === spf.id)!.state).toBe('regressed');

    await app.caller(founder).findings.accept(input);
    const accepted = (await app.caller(founder).findings.list({ projectId })).find((f) => f.id === spf.id)!;
    expect(accepted).toMatchObject({ state: 'accepted', effectiveState: 'accepted', acceptedReason: input.reason, acceptedUntil: '2099-01-31', acceptedByName: 'Fran Findings' });
    const { ranked } = await app.caller(founder).roadmap.risks({ projectId });
    expect(ranked.some((r) => r.id === spf.id)).toBe(false);
  });

  it('runs one check run at a time per project', { timeout: 60_000 }, async () => {
    const { runId } = await app.caller(founder).checks.start({ projectId });
    await expect(app.caller(founder).checks.start({ projectId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await waitForRunsInFlight();
    expect((await app.caller(founder).checks.run({ projectId, runId })).status).toBe('done');
  });
});

it('records a check that cannot run with the reason and the action that unblocks it, in the results and the risk list', async () => {
  const projectId = await newProject('Unproven Co', false);
  const before = product.requests.length;
  const run = await runAll(projectId);
  // No path an attacker's scanner would ask for was requested without proof of ownership.
  expect(run.results.find((r) => r.checkId === 'exposed-paths')).toMatchObject({ status: 'skipped', findings: [{ code: 'exposed-paths.ownership-unverified', fix: expect.stringContaining('Prove you own acme.test') }] });
  expect(product.requests.slice(before).filter((r) => r.url.startsWith('/.env') || r.url.startsWith('/.git'))).toEqual([]);
  const limit = run.results.find((r) => r.checkId === 'rate-limit')!;
  expect(limit.status).toBe('skipped');
  expect(limit.findings[0]!.message).toContain('prove');
  expect(limit.findings[0]!.fix).toContain('Prove you own acme.test');
  const { ranked } = await app.caller(founder).roadmap.risks({ projectId });
  const blocked = ranked.find((r) => r.source === 'check' && r.checkId === 'rate-limit');
  expect(blocked).toMatchObject({ state: 'cannot-run', fix: expect.stringContaining('Prove you own acme.test') });
  // Nothing was probed, so nothing about the rate limit is "fixed" or "found".
  expect((await app.caller(founder).findings.list({ projectId })).some((f) => f.checkId === 'rate-limit')).toBe(false);
});
