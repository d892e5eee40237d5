/**
 * RFC 7208 conformance: the OpenSPF suite through our check_host(), its zones served
 * by the loopback DNS server and read through the production resolver.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResolver, type DnsResolver } from '@/server/net/resolver';
import { startDnsServer, type DnsTestServer } from '@/test/testnet/dns-server';
import { loadSpfSuite, spfSuitePath, type SpfSuiteCase } from '@/test/testnet/spf-suite';
import { createZoneResolver } from '@/test/testnet/zone-resolver';
import { evaluateSpf, type SpfEvaluation } from './check-host';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const SUITE_FILE = spfSuitePath(REPO_ROOT);

/**
 * The cases we knowingly do not pass, pinned so that a new failure — or a fixed one — changes
 * the test. The hex case: the suite keeps the caller's upper-case IPv6 spelling in `%{i}`, we
 * write nibbles in lower case (both resolve the same PTR name).
 */
const HEX_CASE = 'Macro expansion rules / v-macro-ip6';
/**
 * These pass with the in-process zone and fail over the loopback DNS server, so the gap is in
 * the DNS transport of names holding ':' or macro-built labels, not in the evaluator (not yet
 * traced further).
 */
const KNOWN_OVER_DNS = [
  'A mechanism syntax / a-colon-domain',
  'A mechanism syntax / a-colon-domain-ip4mapped',
  'MX mechanism syntax / mx-colon-domain',
  'MX mechanism syntax / mx-colon-domain-ip4mapped',
  'Macro expansion rules / macro-mania-in-domain',
  HEX_CASE,
];

function verdict(test: SpfSuiteCase, outcome: SpfEvaluation): string | undefined {
  if (!test.results.includes(outcome.result)) return `expected ${test.results.join('|')}, got ${outcome.result} (${outcome.reason})`;
  if (test.explanation === undefined || outcome.result !== 'fail') return undefined;
  const ok = test.explanation === 'DEFAULT' ? outcome.explanationSource === 'default' : outcome.explanation === test.explanation;
  return ok ? undefined : `expected explanation "${test.explanation}", got "${outcome.explanation}"`;
}

async function runSuite(file: string, resolverFor: (zone: Parameters<typeof createZoneResolver>[0]) => Promise<DnsResolver>) {
  const failures: { name: string; problem: string }[] = [];
  let total = 0;
  for (const scenario of loadSpfSuite(file)) {
    const resolver = await resolverFor(scenario.zone);
    const outcomes = await Promise.all(
      scenario.cases.map(async (test) => {
        const outcome = await evaluateSpf({ ip: test.host, mailFrom: test.mailFrom, helo: test.helo }, { resolver });
        return { test, problem: verdict(test, outcome) };
      }),
    );
    total += outcomes.length;
    for (const { test, problem } of outcomes) if (problem) failures.push({ name: `${scenario.description} / ${test.name}`, problem });
  }
  return { total, passed: total - failures.length, failures };
}

function report(label: string, summary: Awaited<ReturnType<typeof runSuite>>): string[] {
  console.log(`${label}: ${summary.passed}/${summary.total} passed (${((summary.passed / summary.total) * 100).toFixed(1)}%)`);
  for (const failure of summary.failures) console.log(`  not passed: ${failure.name}: ${failure.problem}`);
  return summary.failures.map((failure) => failure.name).sort();
}

describe('OpenSPF RFC 7208 test suite', () => {
  let dns: DnsTestServer;
  beforeAll(async () => {
    dns = await startDnsServer();
  });
  afterAll(async () => dns?.close());

  it('passes every case but the pinned ones over loopback DNS through the production resolver', async () => {
    const summary = await runSuite(SUITE_FILE, async (zone) => {
      dns.setZone(zone);
      return createResolver({ servers: [dns.server], timeoutMs: 500, tries: 1 });
    });
    expect(summary.total).toBeGreaterThan(200);
    expect(report('RFC 7208 suite', summary)).toEqual([...KNOWN_OVER_DNS].sort());
  });

  it('passes every case but the hex-case one with an in-process zone resolver (evaluator alone)', async () => {
    const summary = await runSuite(SUITE_FILE, async (zone) => createZoneResolver(zone));
    expect(report('RFC 7208 suite (evaluator, in-process zone)', summary)).toEqual([HEX_CASE]);
  });
});
