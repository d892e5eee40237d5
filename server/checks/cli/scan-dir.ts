/** `scan-secrets <dir>`: the same secret rules over files on disk, bounded, values masked. */
import { opendir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { scanText, type SecretHit } from '../secrets/scanner';

export const SCAN_LIMITS = { maxFiles: 20_000, maxFileBytes: 5 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 };
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FileHit extends Omit<SecretHit, 'dedupeKey'> {
  file: string;
}

export interface DirectoryScan {
  root: string;
  filesScanned: number;
  bytesScanned: number;
  skipped: { binary: number; tooLarge: number };
  limited: boolean;
  hits: FileHit[];
}

async function* files(root: string): AsyncGenerator<string> {
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for await (const entry of await opendir(dir)) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      else if (entry.isFile()) yield full;
    }
  }
}

export async function scanDirectory(root: string): Promise<DirectoryScan> {
  const scan: DirectoryScan = { root, filesScanned: 0, bytesScanned: 0, skipped: { binary: 0, tooLarge: 0 }, limited: false, hits: [] };
  for await (const file of files(root)) {
    if (scan.filesScanned >= SCAN_LIMITS.maxFiles || scan.bytesScanned >= SCAN_LIMITS.maxTotalBytes) {
      scan.limited = true;
      break;
    }
    const info = await stat(file);
    if (info.size > SCAN_LIMITS.maxFileBytes) {
      scan.skipped.tooLarge += 1;
      continue;
    }
    const bytes = await readFile(file);
    if (bytes.subarray(0, 8_000).includes(0)) {
      scan.skipped.binary += 1;
      continue;
    }
    scan.filesScanned += 1;
    scan.bytesScanned += bytes.length;
    const relative = path.relative(root, file);
    for (const { dedupeKey: _key, ...hit } of await scanText(bytes.toString('utf8'), relative)) scan.hits.push({ file: relative, ...hit });
  }
  scan.hits.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return scan;
}
