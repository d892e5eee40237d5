/**
 * Turns a host name into the one address we will dial, after DNS and the address
 * policy. A name with any inward-pointing answer is refused outright, so a mixed
 * answer cannot be used to reach the inside on a later attempt.
 */
import { isIP } from 'node:net';
import { decideAddress, describeDecision, type AddressDecision, type AddressPolicy } from './address-policy';
import type { DnsAnswer, DnsResolver } from './resolver';

export interface ResolvedDestination {
  hostname: string;
  address: string;
  family: 4 | 6;
  /** Every address the name resolved to, with the policy's verdict. */
  decisions: AddressDecision[];
  dnsMs: number;
}

export class BlockedDestinationError extends Error {
  readonly code = 'blocked-address';
  constructor(
    readonly hostname: string,
    readonly decisions: AddressDecision[],
  ) {
    const blocked = decisions.filter((decision) => !decision.allowed).map(describeDecision);
    super(`refusing to connect to ${hostname}: ${blocked.join('; ')}`);
  }
}

export class DestinationDnsError extends Error {
  readonly code = 'dns';
  constructor(
    readonly hostname: string,
    readonly status: string,
  ) {
    super(`could not resolve ${hostname}: ${status}`);
  }
}

/** URL hosts keep IPv6 literals in brackets. */
export function stripBrackets(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function addressesOf(answer: DnsAnswer<string>): string[] {
  return answer.status === 'ok' ? answer.records : [];
}

async function lookupAddresses(resolver: DnsResolver, hostname: string): Promise<string[]> {
  const [v4, v6] = await Promise.all([resolver.query('A', hostname), resolver.query('AAAA', hostname)]);
  const addresses = [...addressesOf(v4), ...addressesOf(v6)];
  if (addresses.length > 0) return addresses;
  const failure = [v4, v6].find((answer) => answer.status !== 'nodata' && answer.status !== 'ok');
  throw new DestinationDnsError(hostname, failure?.status ?? 'no addresses');
}

export async function resolveDestination(
  rawHostname: string,
  deps: { resolver: DnsResolver; policy: AddressPolicy },
): Promise<ResolvedDestination> {
  const hostname = stripBrackets(rawHostname);
  const started = performance.now();
  const addresses = isIP(hostname) ? [hostname] : await lookupAddresses(deps.resolver, hostname);
  const dnsMs = performance.now() - started;
  const decisions = addresses.map((address) => decideAddress(address, deps.policy));
  const chosen = decisions.find((decision) => decision.family === 4) ?? decisions[0];
  if (!chosen || decisions.some((decision) => !decision.allowed)) throw new BlockedDestinationError(hostname, decisions);
  return { hostname, address: chosen.address, family: chosen.family, decisions, dnsMs };
}
