/**
 * Decides whether an IP address is a destination we may connect to.
 *
 * Only plain global unicast addresses are public. Everything that can reach the
 * machine itself, its private networks or a cloud provider's metadata service is
 * blocked, including IPv6 forms that tunnel or translate to such an IPv4 address.
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export type BlockReason =
  | 'invalid'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'carrier-grade-nat'
  | 'cloud-metadata'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'ipv4-mapped'
  | 'ipv4-compatible'
  | 'ipv4-translated'
  | '6to4'
  | 'nat64'
  | 'teredo';

export interface AddressPolicy {
  /**
   * Allow loopback targets (tests, self-hosting on an intranet box): `true` for all of
   * 127.0.0.0/8 and ::1, or a list of exact loopback addresses. Never opens private ranges.
   */
  allowLoopback?: boolean | readonly string[];
}

export type AddressClass =
  | { address: string; family: 4 | 6; category: 'public' }
  | { address: string; family: 4 | 6; category: BlockReason; embeddedIPv4?: string };

export interface AddressDecision {
  address: string;
  family: 4 | 6;
  allowed: boolean;
  category: 'public' | BlockReason;
  embeddedIPv4?: string;
}

/** Addresses that answer with instance credentials; named so evidence says why. */
const CLOUD_METADATA = new Set([
  '169.254.169.254', // AWS, GCP, Azure, DigitalOcean, Oracle…
  '169.254.170.2', // AWS ECS task metadata
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure wire server: a public-looking address only reachable inside Azure
  'fd00:ec2::254', // AWS IPv6 metadata
]);

const IPV4_RANGE_REASONS: Record<string, BlockReason> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade-nat',
  private: 'private',
  reserved: 'reserved',
};

const IPV4_DOCUMENTATION = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'].map(cidr);
const IPV4_BENCHMARKING = cidr('198.18.0.0/15');

const IPV6_RANGE_REASONS: Record<string, BlockReason> = {
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
  rfc6145: 'ipv4-translated',
  teredo: 'teredo',
  benchmarking: 'benchmarking',
  discard: 'reserved',
  orchid2: 'reserved',
  deprecatedOrchid: 'reserved',
  droneRemoteIdProtocolEntityTags: 'reserved',
  segmentRouting: 'reserved',
  reserved: 'reserved',
};

const IPV6_DOCUMENTATION = ['2001:db8::/32', '3fff::/20'].map(cidr);
const IPV6_GLOBAL_UNICAST = cidr('2000::/3');
const IPV6_COMPATIBLE = cidr('::/96');
const NAT64_WELL_KNOWN = cidr('64:ff9b::/96');
const NAT64_LOCAL_USE = cidr('64:ff9b:1::/48');

function cidr(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  return ipaddr.parseCIDR(text);
}

function inRange(address: ipaddr.IPv4 | ipaddr.IPv6, range: [ipaddr.IPv4 | ipaddr.IPv6, number]): boolean {
  return address.kind() === range[0].kind() && address.match(range);
}

function classifyIPv4(address: ipaddr.IPv4): AddressClass {
  const text = address.toString();
  const family = 4 as const;
  if (CLOUD_METADATA.has(text)) return { address: text, family, category: 'cloud-metadata' };
  if (IPV4_DOCUMENTATION.some((range) => inRange(address, range))) {
    return { address: text, family, category: 'documentation' };
  }
  if (inRange(address, IPV4_BENCHMARKING)) return { address: text, family, category: 'benchmarking' };
  const reason = IPV4_RANGE_REASONS[address.range()];
  return reason ? { address: text, family, category: reason } : { address: text, family, category: 'public' };
}

/** An IPv6 address that carries an IPv4 one is public only if that IPv4 address is. */
function classifyEmbedding(
  text: string,
  embedded: ipaddr.IPv4,
  form: BlockReason,
): AddressClass {
  const inner = classifyIPv4(embedded);
  if (inner.category === 'public') return { address: text, family: 6, category: 'public' };
  return { address: text, family: 6, category: form, embeddedIPv4: inner.address };
}

function ipv4FromParts(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function classifyIPv6(address: ipaddr.IPv6): AddressClass {
  const text = address.toNormalizedString() === '0:0:0:0:0:0:0:0' ? '::' : address.toRFC5952String();
  const family = 6 as const;
  const parts = address.parts;
  const range = address.range();

  if (CLOUD_METADATA.has(text)) return { address: text, family, category: 'cloud-metadata' };
  if (range === 'ipv4Mapped') {
    // ::ffff:a.b.c.d is dialled as IPv4 by the kernel; never a legitimate DNS answer.
    return { address: text, family, category: 'ipv4-mapped', embeddedIPv4: address.toIPv4Address().toString() };
  }
  if (range === '6to4') {
    return classifyEmbedding(text, ipv4FromParts(parts[1] ?? 0, parts[2] ?? 0), '6to4');
  }
  if (inRange(address, NAT64_LOCAL_USE)) return { address: text, family, category: 'nat64' };
  if (inRange(address, NAT64_WELL_KNOWN)) {
    return classifyEmbedding(text, ipv4FromParts(parts[6] ?? 0, parts[7] ?? 0), 'nat64');
  }
  if (IPV6_DOCUMENTATION.some((r) => inRange(address, r))) return { address: text, family, category: 'documentation' };
  const reason = IPV6_RANGE_REASONS[range];
  if (reason) return { address: text, family, category: reason };
  if (inRange(address, IPV6_COMPATIBLE)) {
    return { address: text, family, category: 'ipv4-compatible', embeddedIPv4: ipv4FromParts(parts[6] ?? 0, parts[7] ?? 0).toString() };
  }
  // Everything outside 2000::/3 is unassigned or special-purpose.
  if (!inRange(address, IPV6_GLOBAL_UNICAST)) return { address: text, family, category: 'reserved' };
  return { address: text, family, category: 'public' };
}

/**
 * Classifies an IP literal. Only the canonical forms Node itself accepts are parsed
 * (no octal, hex or shortened IPv4 that some libraries tolerate).
 */
export function classifyAddress(input: string): AddressClass {
  const withoutZone = input.includes('%') ? input.slice(0, input.indexOf('%')) : input;
  const family = isIP(withoutZone);
  if (family === 0) return { address: input, family: 4, category: 'invalid' };
  const parsed = parseAddress(withoutZone);
  return parsed.kind() === 'ipv4' ? classifyIPv4(parsed as ipaddr.IPv4) : classifyIPv6(parsed as ipaddr.IPv6);
}

/** Parses an IP literal in the canonical forms Node accepts; throws on anything else. */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const family = isIP(text);
  if (family === 4) return ipaddr.IPv4.parse(text);
  if (family === 6) return ipaddr.IPv6.parse(canonicalIPv6(text));
  throw new Error(`"${text}" is not an IP address`);
}

/**
 * ipaddr.js 2.5 reads "::a.b.c.d" as "::ffff:a.b.c.d"; the WHATWG URL parser gets
 * dotted tails right, so IPv6 text goes through it first.
 */
function canonicalIPv6(text: string): string {
  return new URL(`http://[${text}]/`).hostname.slice(1, -1);
}

function loopbackAllowed(address: AddressClass, policy: AddressPolicy): boolean {
  if (address.category !== 'loopback' || !policy.allowLoopback) return false;
  if (policy.allowLoopback === true) return true;
  return policy.allowLoopback.some((allowed) => classifyAddress(allowed).address === address.address);
}

/** Applies the policy to one address. */
export function decideAddress(input: string, policy: AddressPolicy = {}): AddressDecision {
  const classified = classifyAddress(input);
  const allowed = classified.category === 'public' || loopbackAllowed(classified, policy);
  return {
    address: classified.address,
    family: classified.family,
    allowed,
    category: classified.category,
    ...('embeddedIPv4' in classified && classified.embeddedIPv4 ? { embeddedIPv4: classified.embeddedIPv4 } : {}),
  };
}

export function describeDecision(decision: AddressDecision): string {
  const embedded = decision.embeddedIPv4 ? ` (embeds ${decision.embeddedIPv4})` : '';
  return `${decision.address} is ${decision.allowed ? 'allowed' : `blocked: ${decision.category}`}${embedded}`;
}
