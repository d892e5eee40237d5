import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the seed playbooks live: `LR_SEEDS_DIR`, else `../shared/seeds` next to the repository
 * (they are shared input, not part of this repository). Used by tests only.
 */
export function seedsDir(): string {
  return process.env.LR_SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../../shared/seeds');
}

export function seedsAvailable(dir = seedsDir()): boolean {
  return existsSync(dir);
}

/**
 * For tests that need the playbooks: on a developer machine without them they skip; under CI a
 * missing directory fails the file instead of passing silently.
 */
export function seedsForTests(): boolean {
  if (seedsAvailable()) return true;
  if (process.env.CI) throw new Error(`The seed playbooks are missing at ${seedsDir()} (set LR_SEEDS_DIR); CI must run these tests.`);
  return false;
}

/** file name → text, for every `*.txt` in the directory, sorted by name. */
export function readSeeds(dir = seedsDir()): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out.set(f, readFileSync(path.join(dir, f), 'utf8'));
  return out;
}
