/**
 * Browser journeys per worker: 20 six-step sign-in journeys (real Chromium, the loopback product,
 * every request through the guarded client) spread over their interval like the schedule grid,
 * run by one browser pool as a worker runs them. Prints run times, how late each started and the
 * slots missed (started later than the grace a worker allows). Bounded: one or more intervals.
 *   npx tsx scripts/bench-journeys.ts [--journeys-count 20] [--interval 60] [--intervals 1]
 */
import { createNetwork } from '@/server/net';
import { graceMs } from '@/server/monitoring/schedule';
import { boxOf } from '@/server/journeys/secret-box';
import { createBrowserPool } from '@/server/journeys/browser/browser-pool';
import { runBrowserJourney } from '@/server/journeys/browser/run-browser-journey';
import type { BrowserStep } from '@/db/schema';
import { BROWSER_PASSWORD, BROWSER_USER, startBrowserJourneySite, WELCOME_TEXT } from '@/test/testnet/browser-journey-site';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 1) if (process.argv[i]!.startsWith('--')) args.set(process.argv[i]!.slice(2), process.argv[i + 1] ?? '');
const count = Number(args.get('journeys-count') || 20);
const intervalS = Number(args.get('interval') || 60);
const intervals = Number(args.get('intervals') || 1);

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
};

async function main() {
  const site = await startBrowserJourneySite();
  const http = createNetwork({ policy: { allowLoopback: ['127.0.0.1'] } }).http;
  const pool = createBrowserPool();
  const secrets = boxOf({ QA_PASSWORD: BROWSER_PASSWORD });
  const steps: BrowserStep[] = [
    { name: 'Open', action: 'visit', target: `${site.origin}/login`, value: null, timeoutMs: 15_000 },
    { name: 'Email', action: 'fill', target: 'Email', value: BROWSER_USER, timeoutMs: 10_000 },
    { name: 'Password', action: 'fill', target: 'Password', value: '{{secret.QA_PASSWORD}}', timeoutMs: 10_000 },
    { name: 'Sign in', action: 'click', target: 'Sign in', value: null, timeoutMs: 10_000 },
    { name: 'Home', action: 'expect-url', target: '/home', value: null, timeoutMs: 10_000 },
    { name: 'Greeting', action: 'expect-text', target: WELCOME_TEXT, value: null, timeoutMs: 5_000 },
  ];
  const grace = graceMs(intervalS);
  const start = performance.now() + 2000;
  const durations: number[] = [];
  const lateness: number[] = [];
  let failed = 0;
  let missed = 0;
  const runs: Promise<void>[] = [];
  for (let k = 0; k < intervals; k += 1) {
    for (let j = 0; j < count; j += 1) {
      const due = start + k * intervalS * 1000 + (j * intervalS * 1000) / count;
      runs.push(
        new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, due - performance.now()))).then(async () => {
          const result = await runBrowserJourney(pool, http, steps, secrets);
          const finished = performance.now();
          // The pool is first come, first served: the run got the browser when it finished minus its own time.
          const late = finished - result.totalMs - due;
          lateness.push(late);
          durations.push(result.totalMs);
          if (late > grace) missed += 1;
          if (!result.ok) failed += 1;
        }),
      );
    }
  }
  await Promise.all(runs);
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();
  await site.close();
  console.log(`browser journeys: ${count} per worker, every ${intervalS} s, ${intervals} interval(s), ${elapsed.toFixed(1)} s`);
  console.log(`  runs ${durations.length}, failed ${failed}, missed slots ${missed} (grace ${grace / 1000} s), browser launches ${pool.launches}`);
  console.log(`  run time p50 ${pct(durations, 50).toFixed(0)} ms, p95 ${pct(durations, 95).toFixed(0)} ms, max ${pct(durations, 100).toFixed(0)} ms`);
  console.log(`  start delay p50 ${pct(lateness, 50).toFixed(0)} ms, p95 ${pct(lateness, 95).toFixed(0)} ms, max ${pct(lateness, 100).toFixed(0)} ms`);
  const busy = durations.reduce((a, b) => a + b, 0) / 1000;
  console.log(`  browser busy ${((busy / (intervals * intervalS)) * 100).toFixed(0)} % of the time`);
  process.exitCode = missed > 0 || failed > 0 ? 1 : 0;
}

void main();
