/**
 * Which hosts an active probe (the sign-in burst, the latency burst) may be pointed at: the
 * project's own domain and the names under it. Ownership is proved for that domain only, so
 * proving shop.example says nothing about api.other.com; endpoints elsewhere are skipped and
 * the finding says so. Pure: no DNS, no sockets.
 */
import { parse } from 'tldts';
import { normaliseHost } from './hosts';

export type ProbeScope = { inScope: true; host: string } | { inScope: false; host: string; message: string };

function hostOf(url: string): string | null {
  try {
    return normaliseHost(new URL(url).hostname);
  } catch {
    return null;
  }
}

/**
 * `url` may be probed actively on behalf of `domain` (the project's verified domain) when its
 * host is that domain or a name under it. IP literals never are (an address is not a name the
 * domain's owner controls), and neither is anything when `domain` is itself a public suffix.
 */
export function probeScope(url: string, domain: string, verified = true): ProbeScope {
  const apex = normaliseHost(domain);
  const host = hostOf(url);
  if (host === null) return { inScope: false, host: url, message: `${url} is not a valid address, so it was not probed.` };
  const under = host === apex || host.endsWith(`.${apex}`);
  const ownable = parse(apex, { allowPrivateDomains: true }).domain !== null;
  if (under && ownable && !parse(host).isIp) return { inScope: true, host };
  return { inScope: false, host, message: outsideMessage(host, apex, verified) };
}

/** `verified` is false for the light latency sample, which runs before ownership is proved. */
export function outsideMessage(host: string, domain: string, verified = true): string {
  return `${host} is not under the ${verified ? 'verified' : "project's"} domain ${domain}, so it was not probed: we only send repeated requests to the domain whose ownership the project proves.`;
}

export const OUTSIDE_FIX = 'Prove ownership of that domain (in a project for it) or remove the endpoint, or point it at an address under this project\'s domain.';
