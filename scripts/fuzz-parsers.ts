/**
 * Fuzzes every parser of strangers' input and the secret detector (test/checks/fuzz) and prints
 * the figures: cases, adversarial inputs, worst and average ms per KB, the slowest case.
 *   npx tsx scripts/fuzz-parsers.ts [cases per parser, default 10000] [only targets whose name contains …]
 */
import { TARGETS } from '@/test/checks/fuzz/targets';
import { DEFAULT_CASES, measure } from '@/test/checks/fuzz/measure';

const cases = Number(process.argv[2] ?? DEFAULT_CASES);
const only = process.argv[3];
const rows = [];
for (const target of TARGETS.filter((t) => !only || t.name.includes(only))) {
  const f = await measure(target, { cases });
  const row = {
    parser: f.name,
    cases: f.cases,
    adversarial: f.adversarial,
    'max ms/KB': f.maxMsPerKb.toFixed(3),
    'avg ms/KB': f.avgMsPerKb.toFixed(4),
    'slowest case': `${f.slowestMs.toFixed(1)} ms (${f.slowestKb.toFixed(0)} KB)`,
    'total s': (f.totalMs / 1000).toFixed(1),
    'over bound': f.overBound.length,
    crashes: f.crashes.length,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
  for (const crash of f.crashes.slice(0, 3)) console.error(`${f.name}: ${crash.error}\n  input: ${JSON.stringify(crash.input)}`);
}
console.table(rows);
