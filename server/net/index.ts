/**
 * One place to build the network dependencies the checks receive. Production passes
 * nothing (system DNS, strict policy); self-hosting on an intranet may allow loopback.
 */
import type { AddressPolicy } from './address-policy';
import type { TestNetworkOverrides } from './connect';
import { createHttpClient, type HttpClient } from './http-client';
import { createResolver, type DnsResolver } from './resolver';
import { createTlsProber, type TlsProber } from './tls-probe';

export interface NetworkOptions {
  dnsServers?: string[];
  policy?: AddressPolicy;
  httpTimeoutMs?: number;
  maxBodyBytes?: number;
  overrides?: TestNetworkOverrides;
}

export interface Network {
  resolver: DnsResolver;
  http: HttpClient;
  tls: TlsProber;
}

export function createNetwork(options: NetworkOptions = {}): Network {
  const resolver = createResolver(options.dnsServers ? { servers: options.dnsServers } : {});
  const policy = options.policy ?? {};
  const overrides = options.overrides ? { overrides: options.overrides } : {};
  return {
    resolver,
    http: createHttpClient({
      resolver,
      policy,
      ...(options.httpTimeoutMs ? { timeoutMs: options.httpTimeoutMs } : {}),
      ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...overrides,
    }),
    tls: createTlsProber({ resolver, policy, ...(options.httpTimeoutMs ? { timeoutMs: options.httpTimeoutMs } : {}), ...overrides }),
  };
}

export { decideAddress, classifyAddress, type AddressPolicy, type AddressDecision, type BlockReason } from './address-policy';
export { HttpRequestError, headerValue, type HttpClient, type HttpResponse, type HttpHeaders, type RedirectHop } from './http-client';
export { TlsProbeError, type TlsProber, type TlsProbeResult, type CertificateSummary } from './tls-probe';
export type { DnsResolver, DnsAnswer, DnsRecordType } from './resolver';
