/**
 * Connects with TLS and reports what a browser would judge: the chain, whether it is
 * trusted, whether it names the host, the negotiated protocol and days to expiry.
 * The handshake completes even for bad certificates so they can be described.
 */
import tls from 'node:tls';
import type { AddressPolicy } from './address-policy';
import { ConnectError, openConnection, type ConnectTiming, type TestNetworkOverrides } from './connect';
import { BlockedDestinationError, DestinationDnsError } from './destination';
import type { DnsResolver } from './resolver';

export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** subjectAltName entries, e.g. ["DNS:example.com", "IP Address:192.0.2.1"]. */
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  serialNumber: string;
  fingerprint256: string;
  selfIssued: boolean;
}

export interface TlsProbeResult {
  host: string;
  port: number;
  address: string;
  /** e.g. "TLSv1.3". */
  protocol: string | null;
  alpnProtocol: string | null;
  cipher: string;
  /** Chain verified against the trusted roots. */
  authorized: boolean;
  authorizationError?: string;
  hostnameMatches: boolean;
  hostnameError?: string;
  /** Leaf first. */
  chain: CertificateSummary[];
  /** Whole days until the leaf expires; negative once expired. */
  daysToExpiry: number;
  timing: ConnectTiming;
}

export interface TlsProbeTarget {
  host: string;
  port?: number;
  /** SNI and name to verify, when different from host. */
  servername?: string;
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  /** OpenSSL cipher list, e.g. 'DEFAULT:@SECLEVEL=0' to find out whether a server still speaks TLS 1.0/1.1. */
  ciphers?: string;
}

export interface TlsProberOptions {
  resolver: DnsResolver;
  policy?: AddressPolicy;
  timeoutMs?: number;
  now?: () => Date;
  overrides?: TestNetworkOverrides;
}

export interface TlsProber {
  probe(target: TlsProbeTarget): Promise<TlsProbeResult>;
}

export class TlsProbeError extends Error {
  constructor(
    readonly code: 'blocked-address' | 'dns' | 'connect' | 'tls' | 'timeout',
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

const DAY_MS = 86_400_000;

/** Whole days, rounded toward zero: "expires in 20 days", "expired 10 days ago" (-10). */
function wholeDays(ms: number): number {
  return Math.trunc(ms / DAY_MS) + 0; // + 0 turns -0 into 0
}

function distinguishedName(fields: tls.Certificate | undefined): string {
  if (!fields) return '';
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

function summarise(certificate: tls.PeerCertificate): CertificateSummary {
  const subject = distinguishedName(certificate.subject);
  const issuer = distinguishedName(certificate.issuer);
  return {
    subject,
    issuer,
    subjectAltNames: certificate.subjectaltname ? certificate.subjectaltname.split(', ') : [],
    validFrom: new Date(certificate.valid_from).toISOString(),
    validTo: new Date(certificate.valid_to).toISOString(),
    serialNumber: certificate.serialNumber,
    fingerprint256: certificate.fingerprint256,
    selfIssued: subject === issuer,
  };
}

/** Walks issuer links from the leaf; the root links to itself. Bounded by depth. */
function chainOf(leaf: tls.DetailedPeerCertificate): CertificateSummary[] {
  const chain: CertificateSummary[] = [];
  let current: tls.DetailedPeerCertificate | undefined = leaf;
  const seen = new Set<string>();
  for (let depth = 0; current && depth < 10 && !seen.has(current.fingerprint256); depth++) {
    seen.add(current.fingerprint256);
    chain.push(summarise(current));
    current = current.issuerCertificate;
  }
  return chain;
}

function toProbeError(error: unknown): TlsProbeError {
  if (error instanceof BlockedDestinationError) return new TlsProbeError('blocked-address', error.message);
  if (error instanceof DestinationDnsError) return new TlsProbeError('dns', error.message, error.status);
  if (error instanceof ConnectError) return new TlsProbeError(error.code, error.message, error.detail);
  return new TlsProbeError('connect', error instanceof Error ? error.message : String(error));
}

export function createTlsProber(options: TlsProberOptions): TlsProber {
  const now = options.now ?? (() => new Date());
  return {
    async probe(target) {
      const port = target.port ?? 443;
      const servername = target.servername ?? target.host;
      let opened;
      try {
        opened = await openConnection(
          {
            hostname: target.host,
            port,
            deadline: performance.now() + (options.timeoutMs ?? 10_000),
            tls: {
              rejectUnauthorized: false,
              verifyHostname: false,
              servername,
              alpnProtocols: ['h2', 'http/1.1'],
              ...(target.minVersion ? { minVersion: target.minVersion } : {}),
              ...(target.maxVersion ? { maxVersion: target.maxVersion } : {}),
              ...(target.ciphers ? { ciphers: target.ciphers } : {}),
            },
          },
          { resolver: options.resolver, policy: options.policy ?? {}, ...(options.overrides ? { overrides: options.overrides } : {}) },
        );
      } catch (error) {
        throw toProbeError(error);
      }
      const socket = opened.socket as tls.TLSSocket;
      try {
        const leaf = socket.getPeerCertificate(true);
        const hostnameError = leaf.raw ? tls.checkServerIdentity(servername, leaf) : new Error('no certificate');
        const chain = leaf.raw ? chainOf(leaf) : [];
        const validTo = chain[0] ? Date.parse(chain[0].validTo) : now().getTime();
        return {
          host: target.host,
          port,
          address: opened.destination.address,
          protocol: socket.getProtocol(),
          alpnProtocol: socket.alpnProtocol || null,
          cipher: socket.getCipher().name,
          authorized: socket.authorized,
          ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
          hostnameMatches: hostnameError === undefined,
          ...(hostnameError ? { hostnameError: hostnameError.message } : {}),
          chain,
          daysToExpiry: wholeDays(validTo - now().getTime()),
          timing: opened.timing,
        };
      } finally {
        socket.destroy();
      }
    },
  };
}
