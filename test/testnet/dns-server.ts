/**
 * A real DNS server on loopback (UDP and TCP on one ephemeral port) answering from
 * fixture zones, so network code is tested through the resolver it uses in production.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket } from 'dns-packet';
import { answerFromZone, indexZone, type FixtureZone, type ZoneRecord } from './zone';

export type { FixtureFault, FixtureName, FixtureZone } from './zone';

export interface DnsQueryLogEntry {
  name: string;
  type: string;
}

export interface DnsTestServer {
  /** For `createResolver({ servers: [server] })`, e.g. '127.0.0.1:53124'. */
  readonly server: string;
  readonly port: number;
  /** Every question received, in order. */
  readonly queries: DnsQueryLogEntry[];
  setZone(zone: FixtureZone): void;
  close(): Promise<void>;
}

const RCODES = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;
const CLASSIC_UDP_LIMIT = 512;

/**
 * Character-strings hold at most 255 bytes, so longer fixture strings are split. A TXT
 * record needs at least one string on the wire, so "no strings" becomes one empty string.
 */
function characterStrings(pieces: string[]): Buffer[] {
  if (pieces.length === 0) return [Buffer.alloc(0)];
  return pieces.flatMap((piece) => {
    const bytes = Buffer.from(piece, 'utf8');
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 255) chunks.push(bytes.subarray(at, at + 255));
    return chunks.length > 0 ? chunks : [bytes];
  });
}

function toWire(record: ZoneRecord): Answer {
  const base = { name: record.name, ttl: 0, class: 'IN' as const };
  switch (record.type) {
    case 'TXT':
      return { ...base, type: 'TXT', data: characterStrings(record.data) };
    case 'MX':
      return { ...base, type: 'MX', data: { preference: record.data.priority, exchange: record.data.exchange } };
    case 'CAA':
      return { ...base, type: 'CAA', data: record.data };
    default:
      return { ...base, type: record.type, data: record.data };
  }
}

function encodeResponse(query: DecodedPacket, rcode: number, answers: Answer[], truncated = false): Buffer {
  const flags = dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (truncated ? dnsPacket.TRUNCATED_RESPONSE : 0);
  return dnsPacket.encode({
    type: 'response',
    id: query.id ?? 0,
    flags: flags | rcode,
    questions: query.questions ?? [],
    answers,
  });
}

function decodeOrUndefined(message: Buffer): DecodedPacket | undefined {
  try {
    return dnsPacket.decode(message);
  } catch {
    return undefined; // garbage on the port is ignored, as a real server would
  }
}

/** The client's EDNS buffer size, or the classic 512 bytes without EDNS. */
function udpPayloadLimit(query: DecodedPacket): number {
  const opt = (query.additionals ?? []).find((record) => record.type === 'OPT');
  return opt && 'udpPayloadSize' in opt ? Math.max(CLASSIC_UDP_LIMIT, opt.udpPayloadSize) : CLASSIC_UDP_LIMIT;
}

async function bindUdp(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  return socket;
}

async function listenTcp(port: number): Promise<net.Server | undefined> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** TCP messages carry a two-byte length prefix (RFC 1035 4.2.2). */
function serveTcp(server: net.Server, answer: (query: DecodedPacket) => Buffer | undefined): Set<net.Socket> {
  const open = new Set<net.Socket>();
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2) {
        const length = buffered.readUInt16BE(0);
        if (buffered.length < 2 + length) break;
        const query = decodeOrUndefined(buffered.subarray(2, 2 + length));
        buffered = buffered.subarray(2 + length);
        const response = query && answer(query);
        if (!response) continue;
        const prefix = Buffer.alloc(2);
        prefix.writeUInt16BE(response.length);
        socket.write(Buffer.concat([prefix, response]));
      }
    });
  });
  return open;
}

export async function startDnsServer(initialZone: FixtureZone = {}): Promise<DnsTestServer> {
  let zone = indexZone(initialZone);
  const queries: DnsQueryLogEntry[] = [];

  const answer = (query: DecodedPacket): Buffer | undefined => {
    const question = query.questions?.[0];
    if (!question) return undefined;
    queries.push({ name: question.name, type: question.type });
    const result = answerFromZone(zone, question.name, question.type);
    if (result.outcome === 'silence') return undefined;
    return encodeResponse(query, RCODES[result.rcode], result.records.map(toWire));
  };

  // UDP takes an ephemeral port and TCP must get the same one: retry a few times if it is taken.
  for (let attempt = 0; attempt < 10; attempt++) {
    const udp = await bindUdp();
    const port = udp.address().port;
    const tcp = await listenTcp(port);
    if (!tcp) {
      udp.close();
      continue;
    }
    udp.on('message', (message, remote) => {
      const query = decodeOrUndefined(message);
      const response = query && answer(query);
      if (!query || !response) return;
      const fits = response.length <= udpPayloadLimit(query);
      udp.send(fits ? response : encodeResponse(query, 0, [], true), remote.port, remote.address);
    });
    const tcpConnections = serveTcp(tcp, answer);
    return {
      server: `127.0.0.1:${port}`,
      port,
      queries,
      setZone(next) {
        zone = indexZone(next);
      },
      async close() {
        for (const socket of tcpConnections) socket.destroy();
        await Promise.all([
          new Promise<void>((resolve) => udp.close(() => resolve())),
          new Promise<void>((resolve) => tcp.close(() => resolve())),
        ]);
      },
    };
  }
  throw new Error('could not bind a DNS test server on loopback');
}
