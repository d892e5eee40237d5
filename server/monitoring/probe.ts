/**
 * Runs one check through server/net (the only code that opens sockets): an HTTP(S) request with
 * the expected status and optional keyword, or a certificate probe. Never throws: every outcome
 * is a result, and a hanging target costs at most its timeout.
 */
import { HttpRequestError, TlsProbeError, type HttpClient, type TlsProber } from '@/server/net';
import type { HttpMethod } from '@/server/net/http-client';

export type ProbeTarget = {
  kind: 'http' | 'certificate';
  url: string;
  method: string;
  expectedStatus: string;
  keyword: string | null;
  timeoutMs: number;
};

export type ProbeResult = { ok: boolean; statusCode: number | null; latencyMs: number | null; error: string | null };

export type ProbeNetwork = { http: HttpClient; tls: TlsProber };

/** A certificate closer to expiry than this fails its check. */
export const CERTIFICATE_WARNING_DAYS = 14;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function statusMatches(rule: string, status: number): boolean {
  if (rule === 'success') return status >= 200 && status < 400;
  if (rule === 'no-server-error') return status < 500;
  return String(status) === rule;
}

export function describeRule(rule: string): string {
  if (rule === 'success') return 'a 2xx or 3xx status';
  if (rule === 'no-server-error') return 'any status below 500';
  return `status ${rule}`;
}

async function probeHttp(network: ProbeNetwork, target: ProbeTarget): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const method = target.method as HttpMethod;
    const response = await network.http.request(target.url, {
      method,
      timeoutMs: target.timeoutMs,
      maxBodyBytes: target.keyword ? 512 * 1024 : 64 * 1024,
      ...(BODY_METHODS.has(method) ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}),
    });
    const latencyMs = response.totalMs;
    if (!statusMatches(target.expectedStatus, response.status)) {
      return { ok: false, statusCode: response.status, latencyMs, error: `Answered ${response.status}; expected ${describeRule(target.expectedStatus)}.` };
    }
    if (target.keyword && !response.text().includes(target.keyword)) {
      return { ok: false, statusCode: response.status, latencyMs, error: `The page does not contain “${target.keyword}”.` };
    }
    return { ok: true, statusCode: response.status, latencyMs, error: null };
  } catch (error) {
    const latencyMs = performance.now() - started;
    if (error instanceof HttpRequestError) {
      const message = error.code === 'timeout' ? `No answer within ${target.timeoutMs / 1000} s.` : error.message;
      return { ok: false, statusCode: null, latencyMs: error.code === 'timeout' ? null : latencyMs, error: message };
    }
    return { ok: false, statusCode: null, latencyMs: null, error: error instanceof Error ? error.message : String(error) };
  }
}

async function probeCertificate(network: ProbeNetwork, target: ProbeTarget): Promise<ProbeResult> {
  const started = performance.now();
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return { ok: false, statusCode: null, latencyMs: null, error: `"${target.url}" is not a URL.` };
  }
  try {
    const result = await network.tls.probe({ host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 443 });
    const latencyMs = performance.now() - started;
    if (!result.authorized) return { ok: false, statusCode: null, latencyMs, error: `The certificate is not trusted: ${result.authorizationError ?? 'unknown reason'}.` };
    if (!result.hostnameMatches) return { ok: false, statusCode: null, latencyMs, error: `The certificate is not valid for ${url.hostname}.` };
    if (result.daysToExpiry < CERTIFICATE_WARNING_DAYS) {
      return { ok: false, statusCode: null, latencyMs, error: `The certificate expires in ${Math.max(0, Math.floor(result.daysToExpiry))} days.` };
    }
    return { ok: true, statusCode: null, latencyMs, error: null };
  } catch (error) {
    const message = error instanceof TlsProbeError || error instanceof Error ? error.message : String(error);
    return { ok: false, statusCode: null, latencyMs: null, error: message };
  }
}

export function runProbe(network: ProbeNetwork, target: ProbeTarget): Promise<ProbeResult> {
  return target.kind === 'certificate' ? probeCertificate(network, target) : probeHttp(network, target);
}
