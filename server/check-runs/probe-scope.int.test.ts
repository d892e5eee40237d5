/**
 * Issue #17 part 4: proving one domain must not unlock active probes against other hosts. A
 * project verified for shop.test lists endpoints on api.other.test; a real check run (rate-limit
 * burst and latency burst) must send them nothing and say plainly why.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { corsApi, loginApi } from '@/test/testnet/fixtures/api';
import { respond, routes } from '@/test/testnet/site';
import { domainOwnership } from '@/db/schema';
import { createProject } from '@/server/services/projects';
import { createWorkspace } from '@/server/services/workspaces';
import { startCheckRun } from './run';

const OTHER = 'api.other.test';
let site: QuickSite;
let app: TestApp;
const otherLogin = loginApi({ kind: 'unlimited' });

beforeAll(async () => {
  site = await startQuickSite({
    hosts: {
      'shop.test': routes({
        '/': respond(200, { 'content-type': 'text/html' }, '<p>shop</p>'),
        '/v1/health': corsApi('allow-list'),
        // An endpoint of our own that sends visitors elsewhere: at most one request may follow it.
        '/moved': respond(302, { location: `https://${OTHER}/v1/landing` }),
      }),
      [OTHER]: routes({ '/auth/login': otherLogin, '/v1/data': corsApi('wildcard'), '/v1/landing': corsApi('wildcard') }),
    },
  });
  app = await createTestApp({ checkDeps: () => site.deps });
});
afterAll(async () => {
  await app?.close();
  await site?.close();
});

it('runs no burst against endpoints outside the verified domain and says why', async () => {
  const founder = await app.signUp('Vera Verified');
  const workspace = await createWorkspace(app.db, { actor: founder }, { name: 'Scope Studio' });
  // .test is not a public suffix, so the service is called without the form's validation (as in testnet-project).
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
      endpoints: [
        { kind: 'login', method: 'POST', url: `https://${OTHER}/auth/login`, label: undefined },
        { kind: 'dashboard', method: 'GET', url: `https://${OTHER}/v1/data`, label: undefined },
        { kind: 'api-health', method: 'GET', url: '/v1/health', label: undefined },
        { kind: 'other', method: 'GET', url: '/moved', label: undefined },
      ],
      environments: [],
    },
  });
  await app.db.insert(domainOwnership).values({ projectId: project.id, domain: 'shop.test', token: 'shop-ownership-token-0123456789', verifiedAt: new Date(), method: 'dns-txt' });

  const { runId, finished } = await startCheckRun({ db: app.db, checkDeps: () => site.deps }, { projectId: project.id, actorId: founder.id, only: ['rate-limit', 'latency'] });
  await finished;
  const run = await app.caller(founder).checks.run({ projectId: project.id, runId });
  expect(run.results.map((r) => r.checkId).sort()).toEqual(['latency', 'rate-limit']);

  const toOther = site.requests.filter((r) => r.host === OTHER);
  // The burst never reaches the other host's listener: no sign-in attempt, no latency sample.
  expect(otherLogin.attempts()).toBe(0);
  expect(toOther.filter((r) => r.url.startsWith('/auth/login') || r.url.startsWith('/v1/data'))).toEqual([]);
  // A redirect out of the domain is followed once (to see where it goes), never sampled in a burst.
  expect(toOther.filter((r) => r.url.startsWith('/v1/landing')).length).toBeLessThanOrEqual(1);
  // The verified domain itself is still measured with the full burst.
  expect(site.requests.filter((r) => r.host === 'shop.test' && r.url === '/v1/health').length).toBeGreaterThan(5);

  const findings = run.results.flatMap((r) => r.findings);
  const outOfScope = findings.filter((f) => f.code.endsWith('.outside-verified-domain'));
  // Rate limit: the login endpoint. Latency: the login and dashboard endpoints, and the redirect.
  expect(outOfScope.map((f) => f.code).sort()).toEqual(['latency.outside-verified-domain', 'latency.outside-verified-domain', 'latency.outside-verified-domain', 'rate-limit.outside-verified-domain']);
  const [redirected, ...direct] = outOfScope.sort((a, b) => Number(b.message.includes('redirects')) - Number(a.message.includes('redirects')));
  expect(redirected!.message).toBe(`https://shop.test/moved redirects to ${OTHER}, which is not under the domain shop.test, so it was measured once instead of sampled repeatedly.`);
  for (const finding of direct) expect(finding.message).toContain(`${OTHER} is not under the verified domain shop.test, so it was not probed`);
});
