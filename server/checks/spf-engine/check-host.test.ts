/**
 * RFC 7208 conformance: the OpenSPF suite through our check_host(), its zones served
 * by the loopback DNS server and read through the production resolver.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResolver, type DnsResolver } from '@/server/net/resolver';
import { startDnsServer, type DnsTestServer } from '@/server/testnet/dns-server';
import { loadSpfSuite, locateSpfSuite, type SpfSuiteCase } from '@/server/testnet/spf-suite';
import { createZoneResolver } from '@/server/testnet/zone-resolver';
import { evaluateSpf, type SpfEvaluation } from './check-host';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const SUITE_FILE = locateSpfSuite(REPO_ROOT);
const REQUIRED_PASS_RATE = 0.95;

function verdict(test: SpfSuiteCase, outcome: SpfEvaluation): string | undefined {
  if (!test.results.includes(outcome.result)) return `expected ${test.results.join('|')}, got ${outcome.result} (${outcome.reason})`;
  if (test.explanation === undefined || outcome.result !== 'fail') return undefined;
  const ok = test.explanation === 'DEFAULT' ? outcome.explanationSource === 'default' : outcome.explanation === test.explanation;
  return ok ? undefined : `expected explanation "${test.explanation}", got "${outcome.explanation}"`;
}

async function runSuite(file: string, resolverFor: (zone: Parameters<typeof createZoneResolver>[0]) => Promise<DnsResolver>) {
  const failures: string[] = [];
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
    for (const { test, problem } of outcomes) if (problem) failures.push(`${scenario.description} / ${test.name}: ${problem}`);
  }
  return { total, passed: total - failures.length, failures };
}

function report(label: string, summary: { total: number; passed: number; failures: string[] }): number {
  const rate = summary.passed / summary.total;
  console.log(`${label}: ${summary.passed}/${summary.total} passed (${(rate * 100).toFixed(1)}%)`);
  for (const failure of summary.failures) console.log(`  not passed: ${failure}`);
  return rate;
}

// The suite lives outside the repository (../shared/data/spf); without it there is nothing to run.
describe.skipIf(!SUITE_FILE)('OpenSPF RFC 7208 test suite', () => {
  let dns: DnsTestServer;
  beforeAll(async () => {
    dns = await startDnsServer();
  });
  afterAll(async () => dns?.close());

  it('passes at least 95% over loopback DNS through the production resolver', async () => {
    const summary = await runSuite(SUITE_FILE ?? '', async (zone) => {
      dns.setZone(zone);
      return createResolver({ servers: [dns.server], timeoutMs: 500, tries: 1 });
    });
    expect(report('RFC 7208 suite', summary)).toBeGreaterThanOrEqual(REQUIRED_PASS_RATE);
  });

  it('passes at least 95% with an in-process zone resolver (evaluator alone)', async () => {
    const summary = await runSuite(SUITE_FILE ?? '', async (zone) => createZoneResolver(zone));
    expect(report('RFC 7208 suite (evaluator, in-process zone)', summary)).toBeGreaterThanOrEqual(REQUIRED_PASS_RATE);
  });
});
