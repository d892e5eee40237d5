import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, routes, type SiteHandler } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { PATHS, run } from './exposed-paths';

const INDEX = '<!doctype html><html><head><title>Shop</title></head><body><div id="root"></div></body></html>';
/** A single-page app: every path answers 200 with the same index.html. */
const spa = respond(200, { 'content-type': 'text/html' }, INDEX);
/** A soft 404 that names the path, so every answer differs from the baseline. */
const soft404: SiteHandler = (_request, response, context) => void response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html><body>Sorry, ${context.url} was not found.</body></html>`);
const ENV = ['# production', 'DATABASE_URL=postgres://shop:hunter2-not-real@db.internal/shop', 'STRIPE_SECRET_KEY=not-a-real-key', 'export SESSION_SECRET=also-not-real', ''].join('\n');
const GIT_CONFIG = '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n[remote "origin"]\n\turl = git@github.com:shop/shop.git\n';
const text = (body: string) => respond(200, { 'content-type': 'text/plain' }, body);

describe('exposed-paths check', () => {
  let site: QuickSite;

  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'safe.test': routes({ '/': spa, '/.env': respond(403, {}, 'forbidden') }),
        'spa.test': spa,
        'app.spa.test': soft404,
        'leaky.test': routes({ '/.env': text(ENV), '/.git/config': text(GIT_CONFIG), '/dump.sql': text('-- PostgreSQL database dump\nCREATE TABLE users (id int, email text);\n'), '*': spa }),
        'admin.leaky.test': routes({ '/phpmyadmin/': respond(200, { 'content-type': 'text/html' }, '<html><head><title>phpMyAdmin</title></head><body><form><input type="password"></form></body></html>'), '/server-status': respond(200, { 'content-type': 'text/html' }, '<html><head><title>Apache Status</title></head><body><h1>Apache Server Status for admin.leaky.test</h1></body></html>') }),
      },
    });
  });
  afterAll(() => site?.close());

  const requestsTo = async (work: () => Promise<unknown>) => {
    const before = site.requests.length;
    await work();
    return site.requests.slice(before);
  };

  it('raises nothing for 403s, a single-page app that answers every path with index.html, or a soft 404 page', async () => {
    for (const domain of ['safe.test', 'spa.test']) {
      const outcome = await run({ domain, subdomains: domain === 'spa.test' ? ['app'] : [], ownershipVerified: true }, site.deps);
      expect(outcome.findings, domain).toEqual([]);
      expect(outcome.status).toBe('pass');
    }
  });

  it('finds an .env file, the .git folder and a database dump, keeping variable names but no values', async () => {
    const outcome = await run({ domain: 'leaky.test', ownershipVerified: true }, site.deps);
    expect(outcome.findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['exposed-paths.env-file:critical', 'exposed-paths.git-repository:high', 'exposed-paths.database-dump:critical']);
    const env = outcome.findings[0]!;
    expect(env.message).toBe('https://leaky.test/.env is public: it serves an environment file with your configuration (usually keys and passwords).');
    expect(env.evidence).toMatchObject({ host: 'leaky.test', paths: ['/.env'], found: [{ path: '/.env', status: 200, detail: { variables: ['DATABASE_URL', 'STRIPE_SECRET_KEY', 'SESSION_SECRET'], count: 3 } }] });
    expect(outcome.findings[1]!.evidence).toMatchObject({ paths: ['/.git/config'] });
    expect(JSON.stringify(outcome)).not.toMatch(/hunter2|not-a-real-key|also-not-real/);
    expect(outcome.status).toBe('fail');
  });

  it('finds database admin tools and status pages on listed subdomains, within 11 requests a host', async () => {
    const sent = await requestsTo(async () => {
      const outcome = await run({ domain: 'leaky.test', subdomains: ['admin'], ownershipVerified: true }, site.deps);
      expect(outcome.findings.filter((f) => (f.evidence as { host: string }).host === 'admin.leaky.test').map((f) => `${f.code}:${f.severity}`)).toEqual(['exposed-paths.database-admin:high', 'exposed-paths.server-status:medium']);
    });
    expect(sent).toHaveLength(2 * (PATHS.length + 1));
    expect(sent.every((r) => r.method === 'GET')).toBe(true);
  });

  it('sends nothing without verified ownership, and says why', async () => {
    let outcome: Awaited<ReturnType<typeof run>> | undefined;
    const sent = await requestsTo(async () => {
      outcome = await run({ domain: 'leaky.test' }, site.deps);
    });
    expect(sent).toEqual([]);
    expect(outcome!.status).toBe('error');
    expect(outcome!.findings[0]).toMatchObject({ code: 'exposed-paths.ownership-unverified', severity: 'info' });
  });
});
