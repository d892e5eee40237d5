// `npm run worker`: a monitor worker for PostgreSQL mode, which also runs projects' scheduled check
// runs. Run as many as you like; they share the work through the database (SKIP LOCKED claims)
// and need no coordinator.
// Needs DATABASE_URL; SMTP_URL / MAIL_FROM as for the web processes (no SMTP_URL → the outbox);
// BETTER_AUTH_URL for links in alerts; LR_DNS_SERVERS / LR_ALLOW_LOOPBACK_TARGETS as for the
// checks; LR_SCHEDULED_RUNS scheduled runs at once (default 1, 0 = none on this worker).
import { openPostgres } from '../db/open';
import { createMailer } from '../server/mail/mailer';
import { monitorNetworkFromEnv } from '../server/monitoring/network';
import { startWorker } from '../server/monitoring/worker';
import { appCheckDeps } from '../server/check-runs/network';
import { checksConfig, scheduledRunsPerWorker } from '../server/config';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl?.startsWith('postgres')) {
  console.error('The monitor worker needs DATABASE_URL=postgres://… (in the embedded default the app runs the worker itself).');
  process.exit(1);
}
const checks = checksConfig(process.env);
const scheduledRuns = scheduledRunsPerWorker(process.env);
if (checks.problem || scheduledRuns === null) {
  console.error(checks.problem ?? 'LR_SCHEDULED_RUNS must be a whole number from 0 to 8.');
  process.exit(1);
}
const checkDeps = appCheckDeps({ checks: checks.value });
const handle = openPostgres(databaseUrl, Number(process.env.LR_WORKER_POOL_SIZE ?? 8));
const mailer = createMailer({ db: handle.db, smtpUrl: process.env.SMTP_URL, from: process.env.MAIL_FROM ?? 'Launch Ready <no-reply@launch-ready.local>' });
const worker = startWorker({
  db: handle.db,
  mailer,
  network: monitorNetworkFromEnv(),
  batchSize: Number(process.env.LR_WORKER_BATCH ?? 200),
  appUrl: process.env.BETTER_AUTH_URL?.replace(/\/+$/, ''),
  scheduledChecks: scheduledRuns > 0 ? { checkDeps: () => checkDeps, maxRuns: scheduledRuns } : undefined,
});
console.log(`Monitor worker ${worker.id} started${scheduledRuns > 0 ? `, running up to ${scheduledRuns} scheduled check run${scheduledRuns === 1 ? '' : 's'} at once` : ''}.`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing checks in flight…`);
  await worker.stop();
  await handle.close();
  console.log(`Stopped after ${worker.stats.written} results.`);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
