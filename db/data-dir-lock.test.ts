import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';
import { openPglite } from './open';
import { workspaces } from './schema';

const dirs: string[] = [];
function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lr-lock-'));
  dirs.push(dir);
  return path.join(dir, 'pglite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function openInAnotherProcess(dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/open-embedded.ts', dataDir], { encoding: 'utf8', timeout: 60_000 });
}

// Migrating an embedded database and starting a second Node process take seconds on a loaded machine.
describe('embedded data directory lock', { timeout: 120_000 }, () => {
  it('stops a second process at once with a clear message, and the data stays intact', async () => {
    const dataDir = tempDataDir();
    const owner = await openPglite({ dataDir });
    await owner.migrate();
    await owner.db.insert(workspaces).values({ name: 'still here' });

    const second = openInAnotherProcess(dataDir);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('already in use by another Launch Ready process');
    expect(second.stderr).toContain(`pid ${process.pid}`);

    expect(await owner.db.select({ name: workspaces.name }).from(workspaces)).toEqual([{ name: 'still here' }]);
    await owner.close();

    // Once the owner is gone, the next process opens it normally.
    const after = openInAnotherProcess(dataDir);
    expect(after.stdout).toContain('opened');
    expect(after.status).toBe(0);
  });

  it('takes over a lock left behind by a process that no longer exists', () => {
    const dataDir = tempDataDir();
    // A pid far above the kernel's default pid_max is never alive.
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: 999_999_999, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const release = acquireDataDirLock(dataDir);
    expect(JSON.parse(fs.readFileSync(`${dataDir}.lock`, 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('refuses when a live process holds the lock', () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
  });
});
