/**
 * One failed sign-in against the project's login endpoint with a made-up account, as the
 * cookie and rate-limit checks send it. Nothing real is ever submitted.
 */
import { randomBytes } from 'node:crypto';
import type { HttpResponse } from '@/server/net/http-client';
import { fetchEveryHop, fetchSafely, type Fetched } from './fetch';
import type { CheckDeps, CheckEndpoint, CheckTarget } from '../types';

export const PROBE_EMAIL = 'launch-ready-probe@example.invalid';

export function loginEndpoint(target: CheckTarget): CheckEndpoint | undefined {
  return target.endpoints?.find((endpoint) => endpoint.kind === 'login');
}

/** A fresh wrong password each time; JSON, which current auth endpoints accept. */
export function failedLoginRequest() {
  return {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email: PROBE_EMAIL, password: `wrong-${randomBytes(9).toString('base64url')}` }),
  };
}

/** GET endpoints are pages (fetched as such); others get one failed sign-in, redirects walked hop by hop. */
export async function loginProbe(target: CheckTarget, deps: CheckDeps): Promise<{ responses: HttpResponse[] } | undefined> {
  const endpoint = loginEndpoint(target);
  if (!endpoint) return undefined;
  const request = endpoint.method === 'GET' ? { method: 'GET' as const } : failedLoginRequest();
  return fetchEveryHop(deps.http, endpoint.url, { ...request, allowInvalidTls: true, maxBodyBytes: 64 * 1024, timeoutMs: 5_000 });
}

export function attemptLogin(deps: CheckDeps, url: string, timeoutMs: number): Promise<Fetched> {
  return fetchSafely(deps.http, url, { ...failedLoginRequest(), followRedirects: false, maxBodyBytes: 16 * 1024, timeoutMs, allowInvalidTls: true });
}
