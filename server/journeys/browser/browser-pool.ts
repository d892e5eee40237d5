/**
 * One Chromium per worker, one journey in it at a time (a FIFO queue): each journey gets a fresh
 * context (own cookies and storage) and the browser is closed when idle, when a journey runs out
 * of time (a stuck page cannot hold the next one) and when the worker stops.
 */
import { chromium, type Browser } from 'playwright-core';

/** The system Chromium the browser tests use, with the same switches (playwright.config.ts). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Every request is answered by the route handler; anything that escaped it cannot resolve a name.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
];

export type BrowserPool = {
  /** Runs `task` with the browser once every earlier task is done. */
  use<T>(task: (browser: Browser) => Promise<T>): Promise<T>;
  /** Closes the browser now (a timed-out journey); the next task launches a fresh one. */
  discard(): Promise<void>;
  /** Waiting + running tasks. */
  readonly queued: number;
  close(): Promise<void>;
  readonly launches: number;
};

const CLOSE_LIMIT_MS = 5000;

async function closeHard(browser: Browser): Promise<void> {
  // browser.close() kills the process; the timer only stops a hung close from holding the queue.
  await Promise.race([browser.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CLOSE_LIMIT_MS).unref())]);
}

export function createBrowserPool(options: { idleMs?: number; executablePath?: string } = {}): BrowserPool {
  const idleMs = options.idleMs ?? 30_000;
  let browser: Promise<Browser> | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let queued = 0;
  let launches = 0;
  let idleTimer: NodeJS.Timeout | null = null;
  let closed = false;

  async function current(): Promise<Browser> {
    if (browser) {
      const b = await browser.catch(() => null);
      if (b?.isConnected()) return b;
    }
    launches += 1;
    browser = chromium.launch({ executablePath: options.executablePath ?? CHROMIUM_PATH, args: LAUNCH_ARGS, timeout: 30_000 });
    return browser;
  }

  async function discard() {
    const b = browser;
    browser = null;
    const resolved = b ? await b.catch(() => null) : null;
    if (resolved) await closeHard(resolved);
  }

  return {
    get queued() {
      return queued;
    },
    get launches() {
      return launches;
    },
    use(task) {
      if (closed) return Promise.reject(new Error('The browser pool is closed.'));
      queued += 1;
      if (idleTimer) clearTimeout(idleTimer);
      const run = tail.then(async () => task(await current()));
      tail = run
        .catch(() => undefined)
        .finally(() => {
          queued -= 1;
          if (queued === 0 && !closed) idleTimer = setTimeout(() => void discard(), idleMs).unref();
        });
      return run;
    },
    discard,
    async close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      await tail;
      await discard();
    },
  };
}
