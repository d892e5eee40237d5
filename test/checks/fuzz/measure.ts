/** Runs one fuzz target: every case timed, exceptions that are not the parser's documented answer collected. */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import type { FuzzTarget } from './targets';

export interface FuzzFigures {
  name: string;
  cases: number;
  adversarial: number;
  /** Milliseconds per KB of input, inputs under 1 KB counted as 1 KB (so tiny inputs do not inflate the figure). */
  maxMsPerKb: number;
  avgMsPerKb: number;
  /** The slowest single case: its time and size. */
  slowestMs: number;
  slowestKb: number;
  totalMs: number;
  /** Cases over the time bound: size and time. */
  overBound: { kb: number; ms: number }[];
  /** Unexpected exceptions: the input (cut to 200 characters) and the error. */
  crashes: { input: string; error: string }[];
}

export const DEFAULT_CASES = 10_000;

/**
 * A generous safety bound, not a speed target: 1 s for any case (garbage collection, and the two
 * cores are shared with other jobs: load averages of 15–20 were seen) plus 10 ms per KB. Linear
 * parsers here run at 0.01–0.5 ms per KB on average; the quadratic regexes and structures this
 * found took 15–74 s on 100 KB inputs (and grow with the square of the size).
 */
export function timeBoundMs(chars: number): number {
  return 1_000 + 10 * (chars / 1024);
}

export async function measure(target: FuzzTarget, options: { cases?: number; seed?: number } = {}): Promise<FuzzFigures> {
  const cases = options.cases ?? DEFAULT_CASES;
  const generated = fc.sample(target.arbitrary, { numRuns: cases, seed: options.seed ?? 17 });
  const adversarial = target.adversarial();
  const figures: FuzzFigures = { name: target.name, cases: generated.length, adversarial: adversarial.length, maxMsPerKb: 0, avgMsPerKb: 0, slowestMs: 0, slowestKb: 0, totalMs: 0, overBound: [], crashes: [] };
  let sumPerKb = 0;
  // Untimed warm-up: the first calls compile the parser, which is not what is measured.
  for (const input of generated.slice(0, 50)) await (async () => target.run(input))().catch(() => {});
  for (const input of [...generated, ...adversarial]) {
    const started = performance.now();
    try {
      await target.run(input);
    } catch (error) {
      if (!target.expected?.(error)) figures.crashes.push({ input: input.slice(0, 200), error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error) });
    }
    const ms = performance.now() - started;
    const kb = input.length / 1024;
    const perKb = ms / Math.max(1, kb);
    sumPerKb += perKb;
    figures.totalMs += ms;
    figures.maxMsPerKb = Math.max(figures.maxMsPerKb, perKb);
    if (ms > figures.slowestMs) Object.assign(figures, { slowestMs: ms, slowestKb: kb });
    if (ms > timeBoundMs(input.length)) figures.overBound.push({ kb, ms });
  }
  figures.avgMsPerKb = sumPerKb / (generated.length + adversarial.length);
  return figures;
}
