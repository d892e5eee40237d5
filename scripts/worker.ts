// `npm run worker`: a monitor worker for PostgreSQL mode, which also runs projects' scheduled check
// runs and scheduled chatbot runs. Run as many as you like; they share the work through the
// database (SKIP LOCKED claims) and need no coordinator.
// It reads the same configuration as the web process (server/config.ts): DATABASE_URL, SMTP_URL,
// MAIL_FROM, the secrets, BETTER_AUTH_URL (links in alerts), the checks' network settings,
// LR_SCHEDULED_RUNS, LR_WORKER_POOL_SIZE / LR_WORKER_BATCH.
import { openPostgres } from '../db/open';
import { ConfigError, loadConfig, type AppConfig } from '../server/config';
import { createMailer } from '../server/mail/mailer';
import { monitorNetworkFromEnv } from '../server/monitoring/network';
import { startWorker } from '../server/monitoring/worker';
import { chatbotCheckDepsFromEnv } from '../server/chatbot/network';
import { appCheckDeps } from '../server/check-runs/network';

function configOrExit(): AppConfig & { databaseUrl: string } {
  try {
    const config = loadConfig();
    if (config.mode === 'postgres' && config.databaseUrl) return { ...config, databaseUrl: config.databaseUrl };
    console.error('The monitor worker needs DATABASE_URL=postgres://… (in the embedded default the app runs the worker itself).');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
  }
  process.exit(1);
}

const config = configOrExit();
const checkDeps = appCheckDeps(config);
const scheduledRuns = config.scheduledRuns;
const handle = openPostgres(config.databaseUrl, config.worker.poolSize);
const mailer = createMailer({ db: handle.db, smtpUrl: config.smtpUrl, from: config.mailFrom });
const worker = startWorker({
  db: handle.db,
  mailer,
  network: monitorNetworkFromEnv(),
  batchSize: config.worker.batchSize,
  appUrl: config.appUrl,
  scheduledChecks: scheduledRuns > 0 ? { checkDeps: () => checkDeps, maxRuns: scheduledRuns } : undefined,
  chatbot: { checkDeps: chatbotCheckDepsFromEnv() },
});
const scheduled = scheduledRuns > 0 ? `, running up to ${scheduledRuns} scheduled check run${scheduledRuns === 1 ? '' : 's'} at once` : '';
console.log(`Monitor worker ${worker.id} started${scheduled}; alerts by ${mailer.transport === 'smtp' ? 'SMTP' : 'the in-app outbox'}.`);

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
