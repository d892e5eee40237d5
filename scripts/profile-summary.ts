/**
 * Reads a V8 CPU profile (`npm run bench -- --profile DIR` writes one for the app) and prints
 * where the time went: by file (self time) and the functions with the most self time.
 *
 *   npx tsx scripts/profile-summary.ts /tmp/prof/CPU.….cpuprofile [--top 30]
 */
import fs from 'node:fs';
import path from 'node:path';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const file = process.argv[2];
if (!file) throw new Error('Usage: profile-summary.ts <file.cpuprofile> [--top N]');
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 30;
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** Files named short: the package or the app chunk. */
function where(url: string): string {
  if (!url) return '(native)';
  const clean = url.replace(/^file:\/\//, '');
  const modules = clean.lastIndexOf('node_modules/');
  if (modules >= 0) return clean.slice(modules + 'node_modules/'.length);
  const next = clean.indexOf('.next/');
  if (next >= 0) return clean.slice(next);
  return path.basename(clean);
}

const byFile = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const special = functionName.startsWith('(') ? functionName : null;
  const fileKey = special ?? where(url);
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
  const fnKey = special ?? `${functionName || '(anonymous)'} — ${where(url)}:${lineNumber + 1}`;
  byFunction.set(fnKey, (byFunction.get(fnKey) ?? 0) + us);
}

const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
const rows = (map: Map<string, number>) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `| ${key} | ${(us / 1000).toFixed(0)} | ${pct(us)} |`);

console.log(`profile: ${(total / 1e6).toFixed(1)} s sampled\n`);
console.log('| file (self time) | ms | share |\n| --- | ---: | ---: |');
console.log(rows(byFile).join('\n'));
console.log('\n| function (self time) | ms | share |\n| --- | ---: | ---: |');
console.log(rows(byFunction).join('\n'));
