import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lr-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, tempDir());
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const KEY = Buffer.alloc(32, 7).toString('base64');
const OLD_KEY = Buffer.alloc(32, 3).toString('base64');

describe('configuration', () => {
  it('needs nothing in embedded mode and keeps one generated secret across restarts', () => {
    const cwd = tempDir();
    const first = loadConfig({}, cwd);
    expect(first.mode).toBe('embedded');
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.appUrl).toBe('http://localhost:3000');
    expect(first.outboxEnabled).toBe(true);
    expect(loadConfig({}, cwd).authSecret).toBe(first.authSecret);
    expect(fs.statSync(path.join(cwd, '.data', 'auth-secret')).mode & 0o777).toBe(0o600);
  });

  it('refuses to start PostgreSQL production mode without its secrets, naming each one', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://db/launch', NODE_ENV: 'production' });
    expect(problems.join('\n')).toMatch(/BETTER_AUTH_SECRET is missing/);
    expect(problems.join('\n')).toMatch(/BETTER_AUTH_URL is missing/);
    expect(problems.join('\n')).toMatch(/SMTP_URL is missing/);
    expect(problems.join('\n')).toMatch(/LR_SECRETS_KEY is missing/);
  });

  it('reports malformed values', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://db',
      BETTER_AUTH_SECRET: 'short',
      BETTER_AUTH_URL: 'ready.example.com',
      SMTP_URL: 'mail.example.com',
      AUTH_RATE_LIMIT_MAX: 'lots',
      LR_SESSION_CACHE_MS: '600000',
      LR_SECRETS_KEY: 'not-base64-and-too-short',
    });
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/LR_SECRETS_KEY must be 32 bytes/);
    expect(problems.join('\n')).toMatch(/LR_SESSION_CACHE_MS must be/);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://db/launch', NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(40), BETTER_AUTH_URL: 'https://ready.example.com/', SMTP_URL: 'smtp://mail:587', LR_SECRETS_KEY: KEY },
      tempDir(),
    );
    expect(config).toMatchObject({ mode: 'postgres', appUrl: 'https://ready.example.com', outboxEnabled: false, seedDemo: false, sessionCacheMs: 10_000 });
    expect(loadConfig({ LR_SESSION_CACHE_MS: '0' }, tempDir()).sessionCacheMs).toBe(0);
  });

  it('reads trusted proxies as IPs and CIDR ranges and names the bad entries', () => {
    expect(loadConfig({}, tempDir()).trustedProxies).toEqual([]);
    expect(loadConfig({ LR_TRUSTED_PROXIES: '10.0.0.0/24, 192.0.2.10' }, tempDir()).trustedProxies).toHaveLength(2);
    expect(problemsOf({ LR_TRUSTED_PROXIES: '10.0.0.0/24, lb.internal' }).join('\n')).toMatch(/LR_TRUSTED_PROXIES .*not: lb\.internal/);
  });

  it('gives the worker its pool and batch sizes, and refuses ones that are not positive whole numbers', () => {
    expect(loadConfig({}, tempDir()).worker).toEqual({ poolSize: 8, batchSize: 200 });
    expect(loadConfig({ LR_WORKER_POOL_SIZE: '3', LR_WORKER_BATCH: '50' }, tempDir()).worker).toEqual({ poolSize: 3, batchSize: 50 });
    expect(problemsOf({ LR_WORKER_POOL_SIZE: '0', LR_WORKER_BATCH: 'lots' })).toEqual([
      'LR_WORKER_POOL_SIZE must be a positive whole number.',
      'LR_WORKER_BATCH must be a positive whole number.',
    ]);
  });

  it('keeps one generated secrets key in the data directory, readable only by its owner', () => {
    const cwd = tempDir();
    const first = loadConfig({}, cwd).secretsKey!;
    expect(Buffer.from(first.current, 'base64')).toHaveLength(32);
    expect(loadConfig({}, cwd).secretsKey!.current).toBe(first.current);
    expect(fs.statSync(path.join(cwd, '.data', 'secrets-key')).mode & 0o777).toBe(0o600);
  });

  it('takes the secrets key and the keys it replaced from the environment', () => {
    const config = loadConfig({ LR_SECRETS_KEY: KEY, LR_SECRETS_KEY_PREVIOUS: `${OLD_KEY}, ${KEY}` }, tempDir());
    expect(config.secretsKey).toEqual({ current: KEY, previous: [OLD_KEY] });
    expect(problemsOf({ LR_SECRETS_KEY: KEY, LR_SECRETS_KEY_PREVIOUS: 'old' }).join('\n')).toMatch(/LR_SECRETS_KEY_PREVIOUS must list/);
    // 32 bytes of hex is 64 characters of "base64" decoding to 48 bytes: refused, not silently shortened.
    expect(problemsOf({ LR_SECRETS_KEY: 'ab'.repeat(32) }).join('\n')).toMatch(/LR_SECRETS_KEY must be 32 bytes/);
  });

  it('lets tests run PostgreSQL mode without a secrets key (the vault uses a test key), and nothing else', () => {
    const env = { DATABASE_URL: 'postgres://db/launch', BETTER_AUTH_SECRET: 'x'.repeat(40), BETTER_AUTH_URL: 'https://ready.example.com' };
    expect(loadConfig({ ...env, VITEST: 'true' }, tempDir()).secretsKey).toBeNull();
    expect(problemsOf(env)).toEqual([expect.stringMatching(/^LR_SECRETS_KEY is missing/)]);
  });
});
