/**
 * Opens TCP (and TLS) connections to checked destinations. Every outbound socket of
 * the app is created here, after `resolveDestination` has applied the address policy,
 * and the connected peer is checked against the policy once more.
 */
import net from 'node:net';
import tls from 'node:tls';
import { decideAddress, type AddressPolicy } from './address-policy';
import { BlockedDestinationError, resolveDestination, type ResolvedDestination } from './destination';
import type { DnsResolver } from './resolver';

/** Test-only knobs: trust a test CA and reach test servers that cannot listen on 80/443. */
export interface TestNetworkOverrides {
  /** PEM certificates trusted in addition to the system roots. */
  extraCa?: readonly string[];
  /** Destination port → port actually dialled, e.g. { 443: 40123 }. The host is still resolved and checked. */
  portMap?: Readonly<Record<number, number>>;
}

export interface ConnectDeps {
  resolver: DnsResolver;
  policy: AddressPolicy;
  overrides?: TestNetworkOverrides;
}

export interface TlsSettings {
  /** When false the handshake completes whatever the certificate; callers inspect `authorized`. */
  rejectUnauthorized: boolean;
  alpnProtocols?: string[];
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  /** OpenSSL cipher list; a legacy-protocol probe needs '@SECLEVEL=0' or OpenSSL 3 refuses TLS 1.0/1.1 itself. */
  ciphers?: string;
  servername?: string;
  /** Default true. The TLS probe turns it off to report chain trust and name match separately. */
  verifyHostname?: boolean;
}

export interface ConnectRequest {
  hostname: string;
  port: number;
  tls?: TlsSettings;
  /** Absolute deadline (performance.now() based) for DNS, connect and handshake together. */
  deadline: number;
}

export interface ConnectTiming {
  dnsMs: number;
  connectMs: number;
  tlsMs: number;
}

export interface OpenedConnection {
  socket: net.Socket | tls.TLSSocket;
  destination: ResolvedDestination;
  port: number;
  timing: ConnectTiming;
}

export class ConnectError extends Error {
  constructor(
    readonly code: 'connect' | 'tls' | 'timeout',
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

function remaining(deadline: number): number {
  return Math.max(0, deadline - performance.now());
}

function withDeadline(socket: net.Socket, deadline: number, what: string, wait: (settle: (error?: Error) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ConnectError('timeout', `${what} timed out`));
    }, remaining(deadline));
    wait((error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
  });
}

async function dial(destination: ResolvedDestination, port: number, policy: AddressPolicy, deadline: number): Promise<net.Socket> {
  // Second, independent guard right before the socket exists.
  const decision = decideAddress(destination.address, policy);
  if (!decision.allowed) throw new BlockedDestinationError(destination.hostname, [decision]);
  const socket = net.connect({ host: destination.address, port, family: destination.family });
  await withDeadline(socket, deadline, `connecting to ${destination.address}:${port}`, (settle) => {
    socket.once('connect', () => settle());
    socket.once('error', (error: NodeJS.ErrnoException) => {
      settle(new ConnectError('connect', `could not connect to ${destination.address}:${port}: ${error.code ?? error.message}`, error.code));
    });
  });
  const peer = socket.remoteAddress ?? '';
  if (!decideAddress(peer, policy).allowed) {
    socket.destroy();
    throw new BlockedDestinationError(destination.hostname, [decideAddress(peer, policy)]);
  }
  return socket;
}

/**
 * A context trusting the system roots plus the extra CAs. Building one parses every root
 * certificate (tens of milliseconds), so it is made once per CA list and protocol settings
 * instead of on every handshake.
 */
const contexts = new WeakMap<readonly string[], Map<string, tls.SecureContext>>();

function extraCaContext(overrides: TestNetworkOverrides | undefined, settings: TlsSettings): tls.SecureContext | undefined {
  const extraCa = overrides?.extraCa;
  if (!extraCa?.length) return undefined;
  const byProtocol = contexts.get(extraCa) ?? new Map<string, tls.SecureContext>();
  contexts.set(extraCa, byProtocol);
  const key = `${settings.minVersion ?? ''}|${settings.maxVersion ?? ''}|${settings.ciphers ?? ''}`;
  let context = byProtocol.get(key);
  if (!context) {
    context = tls.createSecureContext({
      ca: [...tls.rootCertificates, ...extraCa],
      ...(settings.minVersion ? { minVersion: settings.minVersion } : {}),
      ...(settings.maxVersion ? { maxVersion: settings.maxVersion } : {}),
      ...(settings.ciphers ? { ciphers: settings.ciphers } : {}),
    });
    byProtocol.set(key, context);
  }
  return context;
}

async function handshake(
  socket: net.Socket,
  hostname: string,
  settings: TlsSettings,
  overrides: TestNetworkOverrides | undefined,
  deadline: number,
): Promise<tls.TLSSocket> {
  const servername = settings.servername ?? hostname;
  const secureContext = extraCaContext(overrides, settings);
  const secure = tls.connect({
    socket,
    host: servername,
    // SNI carries names only; an IP literal is sent without it.
    ...(net.isIP(servername) ? {} : { servername }),
    ...(secureContext ? { secureContext } : {}),
    rejectUnauthorized: settings.rejectUnauthorized,
    ...(settings.verifyHostname === false ? { checkServerIdentity: () => undefined } : {}),
    ...(settings.alpnProtocols ? { ALPNProtocols: settings.alpnProtocols } : {}),
    ...(settings.minVersion ? { minVersion: settings.minVersion } : {}),
    ...(settings.maxVersion ? { maxVersion: settings.maxVersion } : {}),
    ...(settings.ciphers ? { ciphers: settings.ciphers } : {}),
  });
  await withDeadline(secure, deadline, `TLS handshake with ${servername}`, (settle) => {
    secure.once('secureConnect', () => settle());
    secure.once('error', (error: NodeJS.ErrnoException) => {
      settle(new ConnectError('tls', `TLS with ${servername} failed: ${error.message}`, error.code));
    });
  });
  return secure;
}

/** The resolver has its own timeouts; this keeps DNS inside the caller's overall deadline too. */
async function resolveBefore(deadline: number, hostname: string, deps: ConnectDeps): Promise<ResolvedDestination> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectError('timeout', `resolving ${hostname} timed out`)), remaining(deadline));
  });
  try {
    return await Promise.race([resolveDestination(hostname, deps), expiry]);
  } finally {
    clearTimeout(timer);
  }
}

export async function openConnection(request: ConnectRequest, deps: ConnectDeps): Promise<OpenedConnection> {
  const destination = await resolveBefore(request.deadline, request.hostname, deps);
  const port = deps.overrides?.portMap?.[request.port] ?? request.port;
  const connectStarted = performance.now();
  const socket = await dial(destination, port, deps.policy, request.deadline);
  const connectMs = performance.now() - connectStarted;
  if (!request.tls) return { socket, destination, port, timing: { dnsMs: destination.dnsMs, connectMs, tlsMs: 0 } };

  const tlsStarted = performance.now();
  const secure = await handshake(socket, destination.hostname, request.tls, deps.overrides, request.deadline);
  const tlsMs = performance.now() - tlsStarted;
  return { socket: secure, destination, port, timing: { dnsMs: destination.dnsMs, connectMs, tlsMs } };
}
