/**
 * The embedded default runs the monitor worker — and with it the scheduled check runs — inside
 * the app process (it owns the PGlite database, so no other process could). Started by boot;
 * never during tests or `next build`.
 */
import type { Runtime } from '@/server/runtime';
import { monitorNetworkFromEnv } from './network';
import { chatbotCheckDepsFromEnv } from '@/server/chatbot/network';
import { startWorker, type MonitorWorker } from './worker';
import { inBackground } from '@/server/query-stats';
import { appCheckDeps } from '@/server/check-runs/network';

const holder = globalThis as typeof globalThis & { __launchReadyMonitorWorker?: MonitorWorker };

export function shouldRunEmbeddedWorker(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NEXT_PHASE === 'phase-production-build' || env.VITEST || env.NODE_ENV === 'test') return false;
  return (env.LR_MONITOR_WORKER ?? 'on').toLowerCase() !== 'off';
}

export function startEmbeddedWorker(runtime: Pick<Runtime, 'db' | 'mailer' | 'config'>): MonitorWorker {
  const { config } = runtime;
  // Scheduled check runs use the same network settings as the checks people start.
  const checkDeps = appCheckDeps(config);
  const scheduledChecks = config.scheduledRuns > 0 ? { checkDeps: () => checkDeps, maxRuns: config.scheduledRuns } : undefined;
  // Dev-mode module reloads call boot again: keep the one worker.
  holder.__launchReadyMonitorWorker ??= inBackground(() =>
    startWorker({ db: runtime.db, mailer: runtime.mailer, network: monitorNetworkFromEnv(), batchSize: 100, appUrl: config.appUrl, scheduledChecks, chatbot: { checkDeps: chatbotCheckDepsFromEnv() } }),
  );
  return holder.__launchReadyMonitorWorker;
}
