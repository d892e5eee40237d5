/**
 * CheckDeps wired to the testnet: the production resolver, HTTP client and TLS probe,
 * pointed at a loopback DNS server with loopback targets allowed.
 */
import type { TestNetworkOverrides } from '@/server/net/connect';
import { createHttpClient } from '@/server/net/http-client';
import { createResolver } from '@/server/net/resolver';
import { createTlsProber } from '@/server/net/tls-probe';
import type { CheckDeps } from '@/server/checks/types';
import type { DnsTestServer } from './dns-server';

export interface TestCheckDepsOptions {
  now?: Date;
  overrides?: TestNetworkOverrides;
  timeoutMs?: number;
}

export function testCheckDeps(dns: DnsTestServer, options: TestCheckDepsOptions = {}): CheckDeps {
  // Generous per-try timeout and a retry: fixtures answer at once, and a busy CI machine must not turn that into a failure.
  const resolver = createResolver({ servers: [dns.server], timeoutMs: 1_000, tries: 2 });
  const policy = { allowLoopback: true };
  const now = () => options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? 3_000;
  const overrides = options.overrides ? { overrides: options.overrides } : {};
  return {
    resolver,
    http: createHttpClient({ resolver, policy, timeoutMs, ...overrides }),
    tls: createTlsProber({ resolver, policy, timeoutMs, now, ...overrides }),
    now,
    addressPolicy: policy,
  };
}
