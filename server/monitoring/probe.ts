/**
 * Runs one check through server/net (the only code that opens sockets): an HTTP(S) request with
 * the monitor's method, headers and body, judged by its assertions (server/monitoring/assertions.ts),
 * or a certificate probe. Never throws: every outcome
 * is a result, and a hanging target costs at most its timeout.
 */
import { HttpRequestError, TlsProbeError, type HttpClient, type TlsProber } from '@/server/net';
import type { HttpMethod } from '@/server/net/http-client';
import { DomainError } from '@/server/errors';
import { secretBoxOf, type SecretBox } from '@/server/vault/box';
import { describeRule, failedAssertion, statusMatches, type Assertions } from './assertions';
import { buildRequest, type BuiltRequest, type RequestSettings } from './request';

export type ProbeTarget = Assertions &
  RequestSettings & {
    kind: 'http' | 'certificate';
    url: string;
    timeoutMs: number;
  };

export type ProbeResult = { ok: boolean; statusCode: number | null; latencyMs: number | null; error: string | null };

export type ProbeNetwork = { http: HttpClient; tls: TlsProber };

/** A certificate closer to expiry than this fails its check. */
export const CERTIFICATE_WARNING_DAYS = 14;
const NO_SECRETS = secretBoxOf([]);

export { describeRule, statusMatches };

async function probeHttp(network: ProbeNetwork, target: ProbeTarget, secrets: SecretBox): Promise<ProbeResult> {
  let request: BuiltRequest;
  try {
    request = buildRequest(target, secrets);
  } catch (error) {
    // A placeholder naming a secret the project no longer has: nothing is sent, and the result says which.
    const message = error instanceof DomainError ? error.message : `The request could not be built: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, statusCode: null, latencyMs: null, error: message };
  }
  const started = performance.now();
  try {
    const response = await network.http.request(target.url, {
      method: target.method as HttpMethod,
      timeoutMs: target.timeoutMs,
      maxBodyBytes: target.keyword || target.jsonPath ? 512 * 1024 : 64 * 1024,
      headers: request.headers,
      body: request.body,
      // A redirect could carry a secret header to another host: with secrets, a 3xx is the answer.
      followRedirects: !request.carriesSecrets,
    });
    const latencyMs = response.totalMs;
    const failure = failedAssertion(target, { status: response.status, latencyMs, text: () => response.text() });
    return { ok: failure === null, statusCode: response.status, latencyMs, error: failure };
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

/**
 * `secrets`: the project's box when the monitor's request names any (else none is opened). Every
 * error leaves here masked, so what is stored, alerted and exported never holds a secret value.
 */
export async function runProbe(network: ProbeNetwork, target: ProbeTarget, secrets: SecretBox = NO_SECRETS): Promise<ProbeResult> {
  const result = target.kind === 'certificate' ? await probeCertificate(network, target) : await probeHttp(network, target, secrets);
  return result.error ? { ...result, error: secrets.mask(result.error) } : result;
}
