// `npm run worker`: a monitor worker for PostgreSQL mode. Run as many as you like; they share the
// work through the database (SKIP LOCKED claims) and need no coordinator.
// Needs DATABASE_URL; SMTP_URL / MAIL_FROM as for the web processes (no SMTP_URL → the outbox).
import { openPostgres } from '../db/open';
import { createMailer } from '../server/mail/mailer';
import { monitorNetworkFromEnv } from '../server/monitoring/network';
import { startWorker } from '../server/monitoring/worker';
import { chatbotCheckDepsFromEnv } from '../server/chatbot/network';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl?.startsWith('postgres')) {
  console.error('The monitor worker needs DATABASE_URL=postgres://… (in the embedded default the app runs the worker itself).');
  process.exit(1);
}
const handle = openPostgres(databaseUrl, Number(process.env.LR_WORKER_POOL_SIZE ?? 8));
const mailer = createMailer({ db: handle.db, smtpUrl: process.env.SMTP_URL, from: process.env.MAIL_FROM ?? 'Launch Ready <no-reply@launch-ready.local>' });
const worker = startWorker({ db: handle.db, mailer, network: monitorNetworkFromEnv(), batchSize: Number(process.env.LR_WORKER_BATCH ?? 200), chatbot: { checkDeps: chatbotCheckDepsFromEnv() } });
console.log(`Monitor worker ${worker.id} started.`);

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
