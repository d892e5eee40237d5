import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectableValues, fakeSecrets, type FakeSecrets } from '@/test/testnet/fake-secrets';
import { startTestProduct, OWNERSHIP_TOKEN, type TestProduct } from '@/test/testnet/product';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(ROOT, 'scripts/launch-ready-cli.ts');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, timeout: 120_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
    });
  });
}

// Each case starts a tsx process (seconds on a quiet machine, far more on a loaded one): the
// bounds below only stop a hung CLI, they measure nothing.
describe('launch-ready CLI', { timeout: 150_000 }, () => {
  let product: TestProduct;
  let dir: string;
  let planted: FakeSecrets;
  let network: string[];

  beforeAll(async () => {
    product = await startTestProduct({ leaky: true });
    dir = await mkdtemp(path.join(tmpdir(), 'lr-cli-'));
    await writeFile(path.join(dir, 'ca.pem'), product.caPem);
    network = ['--dns-server', product.dns.server, '--allow-loopback', '--ca-file', path.join(dir, 'ca.pem'), '--port-map', `443:${product.portMap[443]},80:${product.portMap[80]}`];
    planted = fakeSecrets();
    await mkdir(path.join(dir, 'build/static'), { recursive: true });
    await writeFile(path.join(dir, 'build/static/app.js'), `const k="${planted.stripeSecret}";\nconst o="${planted.openai}";`);
    await writeFile(path.join(dir, 'build/index.html'), '<html>nothing here</html>');
    await writeFile(path.join(dir, '.env.example'), 'DATABASE_URL=\nSTRIPE_SECRET_KEY=\nRESEND_API_KEY=\n');
    await writeFile(path.join(dir, '.env'), `DATABASE_URL=${planted.databaseUrl}\nSTRIPE_SECRET_KEY=\nEXTRA=1\n`);
  });
  afterAll(async () => {
    await product?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('checks a domain on the testnet and prints JSON for CI, exiting 1 on the planted secrets', async () => {
    const run = await cli(['check', 'acme.test', '--json', '--subdomains', 'app,api', '--dkim-selectors', 's1', '--endpoint', 'login=POST:https://api.acme.test/auth/login', '--ownership-token', OWNERSHIP_TOKEN, ...network]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { exitCode: number; target: { ownershipVerified: boolean }; results: Record<string, { status: string }> };
    expect(report.target.ownershipVerified).toBe(true);
    expect(Object.keys(report.results)).toHaveLength(19);
    expect(report.results.secrets?.status).toBe('fail');
    expect(report.results.spf?.status).toBe('pass');
    expect(report.results['rate-limit']?.status).toBe('pass');
    for (const value of detectableValues(product.secrets!)) expect(run.stdout + run.stderr).not.toContain(value);
  });

  it('prints readable text, honours --only and --fail-on', async () => {
    const [run, secrets, usage] = await Promise.all([
      cli(['check', 'https://acme.test/', '--only', 'spf,dmarc,hsts', '--fail-on', 'low', ...network]),
      cli(['check', 'acme.test', '--only', 'secrets', '--fail-on', 'none', ...network]),
      cli(['check', 'acme.test', '--only', 'nope']),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✔ PASS\s+SPF/);
    expect(run.stdout).toContain('3 passed, 0 failed');
    expect(secrets.code).toBe(0);
    expect(secrets.stdout).toMatch(/✖ FAIL\s+Secrets/);
    expect(secrets.stdout).toContain('CRITICAL');
    expect(secrets.stdout).toContain('Fix: ');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown check: nope');
  });

  it('scans a directory for secrets with masked output', async () => {
    const [run, jsonRun] = await Promise.all([cli(['scan-secrets', path.join(dir, 'build')]), cli(['scan-secrets', path.join(dir, 'build'), '--json'])]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('static/app.js:1:');
    expect(run.stdout).toContain('Stripe live secret key');
    expect(run.stdout).toContain('sk_l…(107 chars)');
    expect(run.stdout).not.toContain(planted.stripeSecret);
    expect(run.stdout).not.toContain(planted.openai);
    const json = JSON.parse(jsonRun.stdout) as { hits: { file: string }[]; filesScanned: number };
    expect(json.filesScanned).toBe(2);
    expect(json.hits).toHaveLength(2);
  });

  it('checks required environment variables without printing values', async () => {
    const [run, fromEnvironment] = await Promise.all([
      cli(['env-check', '--example', path.join(dir, '.env.example'), '--env-file', path.join(dir, '.env')]),
      cli(['env-check', '--example', path.join(dir, '.env.example')], { DATABASE_URL: 'x', STRIPE_SECRET_KEY: 'y', RESEND_API_KEY: 'z' }),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✔ DATABASE_URL');
    expect(run.stdout).toContain('✖ STRIPE_SECRET_KEY  empty');
    expect(run.stdout).toContain('✖ RESEND_API_KEY  missing');
    expect(run.stdout).toContain('EXTRA');
    expect(run.stdout).not.toContain(planted.databaseUrl);
    expect(fromEnvironment.code).toBe(0);
    expect(fromEnvironment.stdout).toContain('All required variables are set.');
  });
});
