/**
 * The launch-ready command line, on the same engine as the app:
 *
 *   check <domain|url> [--only spf,dmarc] [--json] [--fail-on high] [--dns-server 127.0.0.1:5353]
 *         [--allow-loopback] [--subdomains app,api] [--canonical apex|www] [--dkim-selectors s1]
 *         [--endpoint login=POST:https://…] [--p95-target 300] [--ownership-token TOKEN]
 *         [--ca-file ca.pem] [--port-map 443:8443,80:8080] [--timeout 20] [--webhook-secret-env STRIPE_WEBHOOK_SECRET]
 *   scan-secrets <dir> [--json] [--fail-on high]
 *   env-check --example .env.example [--env-file .env] [--json]
 *
 * Exit status: 0 fine, 1 findings at or above --fail-on (default high) or missing variables,
 * 2 usage error.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createNetwork } from '@/server/net';
import { CATALOGUE, CHECK_IDS, runChecks } from '../catalogue';
import { verifyOwnership } from '../ownership';
import { atLeast } from '../support/finding';
import type { CheckDeps, CheckEndpoint, CheckTarget, Severity } from '../types';
import { checkEnv, formatEnvCheck } from './env-check';
import { findingsAtOrAbove, formatText, type FailOn } from './report';
import { scanDirectory } from './scan-dir';
import { FINDING_SEVERITIES } from '@/lib/vocabulary/roadmap';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

class UsageError extends Error {}

const SEVERITIES: readonly FailOn[] = [...FINDING_SEVERITIES, 'none'];
const METHODS: readonly CheckEndpoint['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export const USAGE = `Usage:
  launch-ready check <domain|url> [--only spf,dmarc] [--json] [--fail-on high] [--dns-server 127.0.0.1:5353] [--allow-loopback]
                     [--subdomains app,api] [--canonical apex|www] [--dkim-selectors s1,s2] [--endpoint login=POST:https://…]
                     [--p95-target 300] [--ownership-token TOKEN] [--ca-file ca.pem] [--port-map 443:8443,80:8080] [--timeout 20]
                     [--webhook-secret-env VAR]  (the environment variable holding the payment webhook's test signing secret)
  launch-ready scan-secrets <dir> [--json] [--fail-on high]
  launch-ready env-check --example .env.example [--env-file .env] [--json]

Checks: ${CHECK_IDS.join(', ')}
Exit status: 0 fine, 1 findings at or above --fail-on (default high), 2 usage error.
`;

const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);

function failOnOf(value: string | undefined): FailOn {
  const failOn = (value ?? 'high') as FailOn;
  if (!SEVERITIES.includes(failOn)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
  return failOn;
}

function endpointOf(spec: string): CheckEndpoint {
  const match = /^([a-z-]+)=([A-Z]+):(https?:\/\/.+)$/.exec(spec);
  const method = match?.[2] as CheckEndpoint['method'] | undefined;
  if (!match || !method || !METHODS.includes(method)) throw new UsageError(`--endpoint "${spec}" should look like login=POST:https://example.com/api/login`);
  return { kind: match[1]!, method, url: match[3]! };
}

function portMapOf(value: string | undefined): Record<number, number> | undefined {
  if (!value) return undefined;
  return Object.fromEntries(
    list(value).map((pair) => {
      const [from, to] = pair.split(':').map(Number);
      if (!from || !to) throw new UsageError(`--port-map "${pair}" should look like 443:8443`);
      return [from, to];
    }),
  );
}

/** "shop.example" or "https://www.shop.example/app" → the target's domain, canonical host and URL. */
function subjectOf(input: string): Pick<CheckTarget, 'domain' | 'canonicalHost' | 'productionUrl'> {
  if (!input.includes('://')) return { domain: input.toLowerCase().replace(/^www\./, ''), canonicalHost: input.toLowerCase().startsWith('www.') ? 'www' : 'apex' };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new UsageError(`"${input}" is not a URL`);
  }
  const host = url.hostname.toLowerCase();
  return { domain: host.replace(/^www\./, ''), canonicalHost: host.startsWith('www.') ? 'www' : 'apex', productionUrl: url.href };
}

async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      only: { type: 'string' },
      json: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      'dns-server': { type: 'string', multiple: true },
      'allow-loopback': { type: 'boolean', default: false },
      subdomains: { type: 'string' },
      canonical: { type: 'string' },
      'dkim-selectors': { type: 'string' },
      endpoint: { type: 'string', multiple: true },
      'p95-target': { type: 'string' },
      'ownership-token': { type: 'string' },
      'ca-file': { type: 'string' },
      'port-map': { type: 'string' },
      timeout: { type: 'string' },
      // The signing secret is read from the environment, never from the command line (shell history, ps).
      'webhook-secret-env': { type: 'string' },
    },
  });
  const input = positionals[0];
  if (!input || positionals.length > 1) throw new UsageError('check needs exactly one domain or URL');
  const failOn = failOnOf(values['fail-on']);
  const only = values.only ? list(values.only) : undefined;
  const unknown = (only ?? []).filter((id) => !CHECK_IDS.includes(id as (typeof CHECK_IDS)[number]));
  if (unknown.length > 0) throw new UsageError(`unknown check${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`);
  if (values.canonical && values.canonical !== 'apex' && values.canonical !== 'www') throw new UsageError('--canonical must be apex or www');

  const extraCa = values['ca-file'] ? [await readFile(values['ca-file'], 'utf8')] : undefined;
  const portMap = portMapOf(values['port-map']);
  const policy = { allowLoopback: values['allow-loopback'] };
  const dnsServers = (values['dns-server'] ?? []).flatMap(list);
  const network = createNetwork({
    ...(dnsServers.length ? { dnsServers } : {}),
    policy,
    ...(extraCa || portMap ? { overrides: { ...(extraCa ? { extraCa } : {}), ...(portMap ? { portMap } : {}) } } : {}),
  });
  const deps: CheckDeps = { ...network, now: () => new Date(), addressPolicy: policy };
  const subject = subjectOf(input);
  const p95 = values['p95-target'] ? Number(values['p95-target']) : undefined;
  const target: CheckTarget = {
    ...subject,
    ...(values.canonical ? { canonicalHost: values.canonical as 'apex' | 'www' } : {}),
    subdomains: list(values.subdomains),
    dkimSelectors: list(values['dkim-selectors']),
    endpoints: (values.endpoint ?? []).map(endpointOf),
    ...(p95 && p95 > 0 ? { targets: { commonReadP95Ms: p95 } } : {}),
  };
  const secretEnv = values['webhook-secret-env'];
  if (secretEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(secretEnv)) throw new UsageError('--webhook-secret-env takes the name of an environment variable, not the secret itself');
  const signingSecret = secretEnv ? process.env[secretEnv] || null : null;
  target.paymentWebhooks = (target.endpoints ?? []).filter((e) => e.kind === 'payment-webhook').map((e) => ({ url: e.url, secretName: secretEnv ?? null, signingSecret }));
  // What is printed never carries the secret: the target without it, and any echo of it masked.
  const masked = (text: string) => (signingSecret ? text.split(signingSecret).join('••••') : text);
  if (values['ownership-token']) {
    const ownership = await verifyOwnership(target.domain, values['ownership-token'], deps);
    target.ownershipVerified = ownership.verified;
    if (!values.json) io.stderr(ownership.verified ? `Ownership of ${target.domain} verified (${ownership.method}).\n` : `Ownership of ${target.domain} not verified; active probes are skipped.\n`);
  }
  const timeout = values.timeout ? Number(values.timeout) * 1000 : undefined;
  const started = performance.now();
  const results = await runChecks(target, deps, {
    ...(only ? { only } : {}),
    ...(timeout && timeout > 0 ? { timeoutMs: timeout } : {}),
    onProgress: (progress) => {
      if (!values.json && progress.type === 'finished') io.stderr(`  [${progress.done}/${progress.total}] ${progress.id}: ${progress.status}\n`);
    },
  });
  const durationMs = Math.round(performance.now() - started);
  const exitCode = findingsAtOrAbove(results, failOn).length > 0 ? 1 : 0;
  const printable = { ...target, paymentWebhooks: (target.paymentWebhooks ?? []).map(({ url, secretName }) => ({ url, secretName })) };
  if (values.json) io.stdout(masked(`${JSON.stringify({ target: printable, durationMs, failOn, exitCode, results }, null, 2)}\n`));
  else io.stdout(masked(formatText(input, results, CATALOGUE, durationMs, failOn)));
  return exitCode;
}

async function scanCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, 'fail-on': { type: 'string' } } });
  const dir = positionals[0];
  if (!dir || positionals.length > 1) throw new UsageError('scan-secrets needs exactly one directory');
  const failOn = failOnOf(values['fail-on']);
  const scan = await scanDirectory(dir);
  const blocking = failOn === 'none' ? [] : scan.hits.filter((hit) => atLeast(hit.severity, failOn as Severity));
  const exitCode = blocking.length > 0 ? 1 : 0;
  if (values.json) {
    io.stdout(`${JSON.stringify({ ...scan, failOn, exitCode }, null, 2)}\n`);
    return exitCode;
  }
  const lines = [`Scanned ${scan.filesScanned} files (${Math.round(scan.bytesScanned / 1024)} KB) under ${dir}${scan.limited ? ' — stopped at the scan limit' : ''}.`];
  for (const hit of scan.hits) lines.push(`  ${hit.severity.toUpperCase().padEnd(8)} ${hit.file}:${hit.line}:${hit.column}  ${hit.provider}  ${hit.masked}`);
  lines.push(scan.hits.length === 0 ? 'No secrets found.' : `${scan.hits.length} secret${scan.hits.length === 1 ? '' : 's'} found. Revoke each one with its provider, then move it to a server-side environment variable or secret manager.`);
  io.stdout(`${lines.join('\n')}\n`);
  return exitCode;
}

async function envCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { example: { type: 'string' }, 'env-file': { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.example) throw new UsageError('env-check needs --example <file>');
  const check = await checkEnv(values.example, values['env-file']);
  const exitCode = check.missing.length + check.empty.length > 0 ? 1 : 0;
  io.stdout(values.json ? `${JSON.stringify({ ...check, exitCode }, null, 2)}\n` : formatEnvCheck(check));
  return exitCode;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await checkCommand(rest, io);
      case 'scan-secrets':
        return await scanCommand(rest, io);
      case 'env-check':
        return await envCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
