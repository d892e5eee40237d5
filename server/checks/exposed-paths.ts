/**
 * Exposed files and tools: asks the canonical host and up to 2 listed subdomains for a fixed
 * list of 10 paths that should never be public (environment files, the .git folder, database
 * dumps and backups, database admin tools, server status pages, Spring's /actuator/env), plus
 * one random path per host as a baseline. At most 33 GETs, 2 hosts × 4 paths at a time, no
 * redirects followed, 64 KB read each, 5 s each, 15-second cap. A path that gets no answer
 * makes the result incomplete (status error, unless something was found), not a pass. Needs verified ownership (it is what an attacker's scanner
 * asks), and only hosts under the verified domain.
 *
 * A path counts as exposed only when it answers 200 with content that has the file's own shape
 * (KEY=value lines, a git config, SQL, a zip) and differs from the baseline, so a single-page
 * app that answers every path with its index.html raises nothing. Values are never kept:
 * evidence holds variable names, sizes and signatures.
 */
import { createHash, randomBytes } from 'node:crypto';
import { headerValue, type HttpResponse } from '@/server/net/http-client';
import { bodyText, fetchSafely } from './support/fetch';
import { findingsOf } from './support/finding';
import { siteHosts } from './support/hosts';
import { deadlineIn, mapBounded, type Deadline } from './support/pool';
import { probeScope } from './support/probe-scope';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue, Severity } from './types';

export const id = 'exposed-paths';
export const title = 'No exposed .env, .git, backups or admin tools';

const finding = findingsOf(id);
export const MAX_HOSTS = 3;
const TIME_CAP_MS = 15_000;
const REQUEST_TIMEOUT_MS = 5_000;

type Kind = 'env-file' | 'git-repository' | 'database-dump' | 'backup-archive' | 'database-admin' | 'server-status' | 'actuator-env';

/** What a response must look like to count, and what it reveals (no values). */
type Match = { detail: JsonValue };

interface ProbePath {
  path: string;
  kind: Kind;
  recognise(body: Uint8Array, text: string, response: HttpResponse): Match | undefined;
}

const looksLikeHtml = (text: string) => /^\s*(<!doctype html|<html|<head|<body)/i.test(text);

function envFile(_body: Uint8Array, text: string): Match | undefined {
  if (looksLikeHtml(text)) return undefined;
  const names = [...text.matchAll(/^\s*(?:export\s+)?([A-Z][A-Z0-9_]{1,63})\s*=/gm)].map((m) => m[1]!);
  return names.length >= 2 ? { detail: { variables: names.slice(0, 20), count: names.length } } : undefined;
}

function gitConfig(_body: Uint8Array, text: string): Match | undefined {
  return /^\s*\[core\]/m.test(text) && /repositoryformatversion/.test(text) ? { detail: { signature: '[core] repositoryformatversion', remote: /^\s*\[remote /m.test(text) } } : undefined;
}

function sqlDump(_body: Uint8Array, text: string): Match | undefined {
  if (looksLikeHtml(text)) return undefined;
  const signature = /-- MySQL dump|-- PostgreSQL database dump|^CREATE TABLE|^INSERT INTO|^COPY [\w."]+ \(/im.exec(text)?.[0];
  return signature ? { detail: { signature: signature.trim() } } : undefined;
}

function archive(body: Uint8Array): Match | undefined {
  if (body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04) return { detail: { signature: 'zip' } };
  if (body[0] === 0x1f && body[1] === 0x8b) return { detail: { signature: 'gzip' } };
  return undefined;
}

const byTitle = (pattern: RegExp, signature: string) => (_body: Uint8Array, text: string): Match | undefined => (pattern.test(text) ? { detail: { signature } } : undefined);

function actuatorEnv(_body: Uint8Array, text: string): Match | undefined {
  return /"activeProfiles"\s*:/.test(text) && /"propertySources"\s*:/.test(text) ? { detail: { signature: 'activeProfiles, propertySources' } } : undefined;
}

export const PATHS: readonly ProbePath[] = [
  { path: '/.env', kind: 'env-file', recognise: envFile },
  { path: '/.env.production', kind: 'env-file', recognise: envFile },
  { path: '/.git/config', kind: 'git-repository', recognise: gitConfig },
  { path: '/backup.sql', kind: 'database-dump', recognise: sqlDump },
  { path: '/dump.sql', kind: 'database-dump', recognise: sqlDump },
  { path: '/backup.zip', kind: 'backup-archive', recognise: archive },
  { path: '/phpmyadmin/', kind: 'database-admin', recognise: byTitle(/<title>[^<]*phpMyAdmin/i, 'phpMyAdmin') },
  { path: '/adminer.php', kind: 'database-admin', recognise: byTitle(/<title>[^<]*Adminer|adminer\.org/i, 'Adminer') },
  { path: '/server-status', kind: 'server-status', recognise: byTitle(/<title>Apache Status<\/title>|Apache Server Status for/i, 'Apache server-status') },
  { path: '/actuator/env', kind: 'actuator-env', recognise: actuatorEnv },
];

const WORDING: Record<Kind, { severity: Severity; what: string; fix: string }> = {
  'env-file': {
    severity: 'critical',
    what: 'an environment file with your configuration (usually keys and passwords)',
    fix: 'Remove the file from the public folder and block dot-files at the web server or CDN; then rotate every key and password it held, since it has been readable by anyone.',
  },
  'git-repository': {
    severity: 'high',
    what: 'the .git folder, from which anyone can download your source code and its history',
    fix: 'Deploy a build without the .git folder, or deny /.git at the web server; then check the history for secrets and rotate them.',
  },
  'database-dump': {
    severity: 'critical',
    what: 'a database dump',
    fix: 'Delete the dump from the public folder now, treat its data as leaked (tell affected users if it holds personal data) and keep backups in private storage.',
  },
  'backup-archive': {
    severity: 'high',
    what: 'a backup archive',
    fix: 'Delete the archive from the public folder and keep backups in private storage; check what it contained and rotate any secrets in it.',
  },
  'database-admin': {
    severity: 'high',
    what: 'a database admin tool, open to anyone who can guess or steal a password',
    fix: 'Remove it from the public server, or put it behind a VPN / IP allow-list; use your host\'s database console instead.',
  },
  'server-status': {
    severity: 'medium',
    what: "the web server's status page, which lists visitors' addresses and requests",
    fix: 'Restrict /server-status to localhost (Require local) or turn mod_status off.',
  },
  'actuator-env': {
    severity: 'high',
    what: "Spring Boot's /actuator/env, which lists the application's configuration",
    fix: 'Expose only the health endpoint publicly (management.endpoints.web.exposure.include=health) and protect the rest.',
  },
};

type Baseline = { status: number; hash: string } | null;

const hashOf = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');

type Hit = { host: string; path: string; kind: Kind; status: number; bytes: number; detail: JsonValue };

async function probeHost(deps: CheckDeps, host: string, deadline: Deadline): Promise<{ hits: Hit[]; asked: number; answered: number; unanswered: string[] }> {
  const request = (path: string) =>
    deadline.expired()
      ? Promise.resolve(null)
      : fetchSafely(deps.http, `https://${host}${path}`, { followRedirects: false, allowInvalidTls: true, maxBodyBytes: 64 * 1024, timeoutMs: Math.max(1, Math.min(REQUEST_TIMEOUT_MS, deadline.remainingMs())) });
  const random = await request(`/launch-ready-${randomBytes(8).toString('hex')}`);
  const baseline: Baseline = random?.ok ? { status: random.response.status, hash: hashOf(random.response.body) } : null;
  const asked = await mapBounded(PATHS, 4, async (probe) => ({ probe, fetched: await request(probe.path) }));
  const hits: Hit[] = [];
  for (const { probe, fetched } of asked) {
    if (!fetched?.ok || fetched.response.status !== 200) continue;
    const { response } = fetched;
    // The same answer as for a made-up path (a single-page app's index.html) is not the file.
    if (baseline && baseline.status === 200 && baseline.hash === hashOf(response.body)) continue;
    const text = headerValue(response.headers, 'content-encoding') ? bodyText(response) : Buffer.from(response.body).toString('utf8');
    const match = probe.recognise(response.body, text, response);
    if (match) hits.push({ host, path: probe.path, kind: probe.kind, status: response.status, bytes: response.body.length, detail: match.detail });
  }
  const answered = [random, ...asked.map((a) => a.fetched)].filter((f) => f?.ok).length;
  const unanswered = asked.filter((a) => !a.fetched?.ok).map((a) => a.probe.path);
  return { hits, asked: 1 + asked.filter((a) => a.fetched !== null).length, answered, unanswered };
}

function hitFinding(host: string, kind: Kind, hits: readonly Hit[]): Finding {
  const wording = WORDING[kind];
  const paths = hits.map((h) => h.path);
  return finding(
    wording.severity,
    kind,
    `https://${host}${paths[0]} is public: it serves ${wording.what}${paths.length > 1 ? ` (also ${paths.slice(1).join(', ')})` : ''}.`,
    wording.fix,
    { host, paths, found: hits.map((h) => ({ path: h.path, status: h.status, bytes: h.bytes, detail: h.detail })) },
  );
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const hosts = siteHosts(target);
  if (target.ownershipVerified !== true) {
    return result(
      [finding('info', 'ownership-unverified', `Exposed files were not looked for: that sends ${PATHS.length + 1} requests for paths like /.env and /.git/config per host, which we only do once you have proved you own ${hosts.apex}.`, `Prove you own ${hosts.apex} (a DNS TXT record or a file on the site), then run the checks again.`, { domain: hosts.apex })],
      undefined,
      { incomplete: true },
    );
  }
  const names = [hosts.canonical, ...hosts.subdomains].filter((host) => probeScope(`https://${host}/`, hosts.apex).inScope).slice(0, MAX_HOSTS);
  const deadline = deadlineIn(TIME_CAP_MS);
  const probed = await mapBounded(names, 2, (host) => probeHost(deps, host, deadline));
  const findings: Finding[] = [];
  probed.forEach(({ hits }, index) => {
    const byKind = new Map<Kind, Hit[]>();
    for (const hit of hits) byKind.set(hit.kind, [...(byKind.get(hit.kind) ?? []), hit]);
    for (const [kind, list] of byKind) findings.push(hitFinding(names[index]!, kind, list));
  });
  const answered = probed.reduce((sum, p) => sum + p.answered, 0);
  const asked = probed.reduce((sum, p) => sum + p.asked, 0);
  // A path that got no answer (time-out, refused, time cap) was not checked: say so instead of passing.
  const unanswered = probed.flatMap((p, index) => p.unanswered.map((path) => `https://${names[index]}${path}`));
  if (answered === 0) {
    findings.push(finding('info', 'unreachable', 'None of the hosts answered, so no path was checked.', 'See the DNS, TLS and redirects checks, then run this again.', { hosts: names }));
  } else if (unanswered.length > 0) {
    findings.push(finding('info', 'incomplete', `${unanswered.length} of the paths got no answer (${unanswered.slice(0, 3).join(', ')}${unanswered.length > 3 ? ', …' : ''}), so they were not checked.`, 'Run the checks again; if it keeps happening, see whether the site slows down or drops requests.', { unanswered: unanswered.slice(0, 20) }));
  }
  return result(findings, { hosts: names, requests: asked, paths: PATHS.map((p) => p.path) }, { incomplete: answered === 0 || unanswered.length > 0 });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { exposedPathsEvidence as evidenceSchema, type ExposedPathsEvidence as Evidence } from './evidence/probes';
