/**
 * PGlite has no lock of its own: two processes opening one data directory silently diverge
 * and lose data. The embedded owner therefore holds `<dir>.lock` (holding its pid) for its
 * whole life, and a second opener fails fast with a message that says what to do.
 */
import fs from 'node:fs';
import os from 'node:os';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database at ${dataDir} is already in use by another Launch Ready process (pid ${ownerPid}). ` +
        `Stop that process first, or point this one at another directory with LR_DATA_DIR. ` +
        `To run several processes on one database, use PostgreSQL (set DATABASE_URL).`,
    );
    this.name = 'DataDirLockedError';
  }
}

type LockContent = { pid: number; host: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockContent | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockContent;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DataDirLockedError. Returns a release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  const mine: LockContent = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(mine), { flag: 'wx' });
      const release = () => {
        if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (owner && owner.pid === process.pid) return () => {};
      // A lock left by a crashed process on this host is stale; anything else is a live owner.
      if (owner && (owner.host !== mine.host || isAlive(owner.pid))) throw new DataDirLockedError(dataDir, owner.pid);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, readOwner(lockPath)?.pid ?? -1);
}
