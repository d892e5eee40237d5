/**
 * An injected clock for timing tests: fixtures say how long they "took" in a response header
 * instead of sleeping, and `declaredTimings` makes the checks' HTTP client report exactly that.
 * The request still crosses real loopback sockets; only the stopwatch is the test's, so a loaded
 * machine cannot turn a 200 ms endpoint into a 350 ms one.
 */
import type { HttpClient } from '@/server/net/http-client';
import type { CheckDeps } from '@/server/checks/types';

export const SERVED_IN_HEADER = 'x-test-served-in-ms';

/** Headers for a fixture response that declares its own duration. */
export const servedIn = (ms: number): Record<string, string> => ({ [SERVED_IN_HEADER]: String(Math.max(0, Math.round(ms))) });

export function declaredTimingClient(http: HttpClient): HttpClient {
  return {
    async request(url, options) {
      const response = await http.request(url, options);
      const ms = Number(response.headers[SERVED_IN_HEADER]?.[0] ?? 0);
      return { ...response, totalMs: ms, timing: { ...response.timing, dnsMs: 0, connectMs: 0, tlsMs: 0, ttfbMs: ms, totalMs: ms }, text: response.text };
    },
  };
}

export const declaredTimings = (deps: CheckDeps): CheckDeps => ({ ...deps, http: declaredTimingClient(deps.http) });
