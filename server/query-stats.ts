/**
 * Counts the SQL statements web requests send, for `npm run bench` (LR_QUERY_STATS=on only).
 * Work started inside `inBackground` — the embedded monitor worker — is left out, so the count
 * divided by the requests served is the queries per request even while monitors are checked.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();
const holder = globalThis as typeof globalThis & { __launchReadyRequestQueries?: number };

export function inBackground<T>(start: () => T): T {
  return background.run(true, start);
}

export function countQuery(): void {
  if (background.getStore()) return;
  holder.__launchReadyRequestQueries = (holder.__launchReadyRequestQueries ?? 0) + 1;
}

export function requestQueryCount(): number {
  return holder.__launchReadyRequestQueries ?? 0;
}
