/** The page most checks look at: the canonical homepage, redirects followed. */
import { homepageUrl } from './hosts';
import { fetchSafely, type Fetched } from './fetch';
import type { CheckDeps, CheckTarget } from '../types';

export interface HomepageOptions {
  headers?: Record<string, string>;
  maxBodyBytes?: number;
}

/**
 * Header checks judge headers even behind a certificate problem (the TLS check reports that),
 * so the handshake is completed whatever the certificate.
 */
export function fetchHomepage(target: CheckTarget, deps: CheckDeps, options: HomepageOptions = {}): Promise<Fetched> {
  return fetchSafely(deps.http, homepageUrl(target), {
    allowInvalidTls: true,
    timeoutMs: 8_000,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    ...(options.headers ? { headers: options.headers } : {}),
  });
}
