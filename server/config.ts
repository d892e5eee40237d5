/**
 * Start-up configuration, validated once with a message that names what is missing.
 * The embedded default needs nothing: it keeps a generated secret in its data directory.
 * PostgreSQL mode is how production runs, so it refuses to start without its secrets.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseTrustedProxies, type AddressRange } from './http/client-address';

export type AppConfig = {
  mode: 'embedded' | 'postgres';
  databaseUrl: string | undefined;
  /** Embedded mode: where PGlite and the generated secret live. */
  dataDir: string;
  authSecret: string;
  /** Public origin of the app; better-auth only accepts POSTs whose Origin equals it. */
  appUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** True when mail goes to the in-app outbox instead of SMTP. */
  outboxEnabled: boolean;
  /** Auth attempts allowed per IP per window on sign-in/sign-up/reset routes. */
  authRateLimit: { window: number; max: number };
  seedDemo: boolean;
  /** Automated checks: DNS servers to ask (default: the system's), and whether loopback targets are allowed. */
  checks: { dnsServers: string[] | undefined; allowLoopbackTargets: boolean };
  /** How long a verified session is remembered in this process (0 turns the memory off). */
  sessionCacheMs: number;
  /** Count SQL statements per web request for the benchmark (GET /api/query-stats). */
  queryStats: boolean;
  /** Scheduled check runs the embedded worker runs at once (LR_SCHEDULED_RUNS; 0 = none). */
  scheduledRuns: number;
  /** Proxies whose X-Forwarded-For is believed (LR_TRUSTED_PROXIES); none by default. */
  trustedProxies: AddressRange[];
  /** `npm run worker` (PostgreSQL mode): connections it keeps and monitors it claims per batch. */
  worker: { poolSize: number; batchSize: number };
  /**
   * Project secrets (server/vault): LR_SECRETS_KEY, 32 bytes in base64, and the keys it replaced
   * (LR_SECRETS_KEY_PREVIOUS), still read until every secret is written under the current one.
   * Null only in tests run against PostgreSQL without a key (the vault then uses a per-process test key).
   */
  secretsKey: { current: string; previous: string[] } | null;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Launch Ready cannot start; fix its configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const MIN_SECRET_LENGTH = 32;

function readOrCreateLocalSecret(dataDir: string, name = 'auth-secret', encoding: BufferEncoding = 'base64url'): string {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString(encoding);
  fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** A vault key is exactly 32 bytes (AES-256), written in base64 (`openssl rand -base64 32`). */
export function isSecretsKey(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

/** Tests against PostgreSQL may leave the key out; nothing else may. */
const runningTests = (env: Env) => Boolean(env.VITEST) || env.NODE_ENV === 'test';

function secretsKeyConfig(env: Env, mode: AppConfig['mode'], dataDir: string, problems: string[]): AppConfig['secretsKey'] {
  const previous = (env.LR_SECRETS_KEY_PREVIOUS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  if (previous.some((k) => !isSecretsKey(k))) problems.push('LR_SECRETS_KEY_PREVIOUS must list earlier LR_SECRETS_KEY values (32 bytes in base64 each), separated by commas.');
  let current = env.LR_SECRETS_KEY?.trim() ?? '';
  if (!current && mode === 'embedded') current = readOrCreateLocalSecret(dataDir, 'secrets-key', 'base64');
  if (!current) {
    if (runningTests(env)) return null;
    problems.push('LR_SECRETS_KEY is missing: project secrets are encrypted with it. Set it to 32 random bytes in base64 (`openssl rand -base64 32`) and keep it safe: without it stored secrets cannot be read.');
    return null;
  }
  if (!isSecretsKey(current)) {
    problems.push('LR_SECRETS_KEY must be 32 bytes written in base64 (44 characters ending in “=”, e.g. from `openssl rand -base64 32`).');
    return null;
  }
  return { current, previous: previous.filter((k) => k !== current) };
}

function validUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function positiveInt(value: string | undefined, fallback: number): number | null {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** What the automated checks ask and may reach; also read by `npm run worker`, which runs scheduled checks. */
export function checksConfig(env: Env): { value: AppConfig['checks']; problem: string | null } {
  const dnsServers = env.LR_DNS_SERVERS ? env.LR_DNS_SERVERS.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const bad = dnsServers?.some((server) => !/^[\d.:[\]a-fA-F]+$/.test(server));
  return {
    value: { dnsServers, allowLoopbackTargets: env.LR_ALLOW_LOOPBACK_TARGETS === 'on' },
    problem: bad ? 'LR_DNS_SERVERS must list IP addresses (optionally with :port), separated by commas.' : null,
  };
}

/** LR_SCHEDULED_RUNS: scheduled check runs one worker runs at once (0: none on this worker). */
export function scheduledRunsPerWorker(env: Env): number | null {
  const value = env.LR_SCHEDULED_RUNS;
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 8 ? n : null;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL || undefined;
  const mode = databaseUrl ? 'postgres' : 'embedded';
  const dataDir = path.resolve(cwd, env.LR_DATA_DIR || '.data');

  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection string.');
  }

  let authSecret = env.BETTER_AUTH_SECRET ?? '';
  if (!authSecret && mode === 'embedded') authSecret = readOrCreateLocalSecret(dataDir);
  if (!authSecret) {
    problems.push(
      `BETTER_AUTH_SECRET is missing. Set it to a random string of at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`).`,
    );
  } else if (authSecret.length < MIN_SECRET_LENGTH) {
    problems.push(`BETTER_AUTH_SECRET is too short: use at least ${MIN_SECRET_LENGTH} characters.`);
  }

  const port = env.PORT || '3000';
  const appUrl = (env.BETTER_AUTH_URL || (mode === 'embedded' ? `http://localhost:${port}` : '')).replace(/\/+$/, '');
  if (!appUrl) problems.push('BETTER_AUTH_URL is missing: set it to the public URL of the app, e.g. https://ready.example.com.');
  else if (!validUrl(appUrl)) problems.push(`BETTER_AUTH_URL is not an http(s) URL: ${appUrl}`);

  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://.');
  const outboxRequested = env.MAIL_OUTBOX === 'on';
  if (mode === 'postgres' && !smtpUrl && !outboxRequested && env.NODE_ENV === 'production') {
    problems.push('SMTP_URL is missing: production needs a mail server (or set MAIL_OUTBOX=on to keep mail in the in-app outbox, for staging only).');
  }

  const window = positiveInt(env.AUTH_RATE_LIMIT_WINDOW_SECONDS, 60);
  const max = positiveInt(env.AUTH_RATE_LIMIT_MAX, 10);
  if (window === null) problems.push('AUTH_RATE_LIMIT_WINDOW_SECONDS must be a positive whole number.');
  if (max === null) problems.push('AUTH_RATE_LIMIT_MAX must be a positive whole number.');

  const sessionCacheMs = env.LR_SESSION_CACHE_MS === '0' ? 0 : positiveInt(env.LR_SESSION_CACHE_MS, 10_000);
  if (sessionCacheMs === null || sessionCacheMs > 60_000) problems.push('LR_SESSION_CACHE_MS must be a whole number of milliseconds from 0 to 60000.');

  const checks = checksConfig(env);
  if (checks.problem) problems.push(checks.problem);
  const scheduledRuns = scheduledRunsPerWorker(env);
  if (scheduledRuns === null) problems.push('LR_SCHEDULED_RUNS must be a whole number from 0 to 8.');

  const proxies = parseTrustedProxies(env.LR_TRUSTED_PROXIES);
  if (proxies.invalid.length > 0) {
    problems.push(`LR_TRUSTED_PROXIES must list IP addresses or CIDR ranges (e.g. 10.0.0.0/24), separated by commas; not: ${proxies.invalid.join(', ')}.`);
  }

  const workerPoolSize = positiveInt(env.LR_WORKER_POOL_SIZE, 8);
  const workerBatchSize = positiveInt(env.LR_WORKER_BATCH, 200);
  if (workerPoolSize === null) problems.push('LR_WORKER_POOL_SIZE must be a positive whole number.');
  if (workerBatchSize === null) problems.push('LR_WORKER_BATCH must be a positive whole number.');

  const secretsKey = secretsKeyConfig(env, mode, dataDir, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    mode,
    databaseUrl,
    dataDir,
    authSecret,
    appUrl,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Launch Ready <no-reply@launch-ready.local>',
    outboxEnabled: !smtpUrl,
    authRateLimit: { window: window ?? 60, max: max ?? 10 },
    seedDemo: mode === 'embedded' && env.LR_SEED_DEMO !== 'off',
    checks: checks.value,
    sessionCacheMs: sessionCacheMs ?? 10_000,
    queryStats: env.LR_QUERY_STATS === 'on',
    scheduledRuns: scheduledRuns ?? 1,
    trustedProxies: proxies.ranges,
    worker: { poolSize: workerPoolSize ?? 8, batchSize: workerBatchSize ?? 200 },
    secretsKey,
  };
}

let cached: AppConfig | undefined;
export function getConfig(): AppConfig {
  cached ??= loadConfig();
  return cached;
}
