/**
 * Start-up of a web process (called from instrumentation.ts): validate configuration, open the
 * database (the embedded owner takes the data-directory lock and migrates), seed the demo
 * workspace on an empty embedded database. Fails fast with a readable message.
 */
import { eq } from 'drizzle-orm';
import { ConfigError } from './config';
import { DataDirLockedError } from '@/db/data-dir-lock';
import { getRuntime } from './runtime';
import { DEMO_CLIENT, DEMO_CONSULTANT, DEMO_PASSWORD, seedDemoIfEmpty } from './demo/seed';
import { user } from '@/db/schema';
import { shouldRunEmbeddedWorker, startEmbeddedWorker } from './monitoring/embedded';
import { socketHeaderIsOurs } from './http/client-address';

export async function boot(): Promise<void> {
  if (process.env.NODE_ENV === 'production' && !socketHeaderIsOurs()) {
    // Plain `next start` cannot tell route handlers the connection's address, so per-address
    // sign-in limits would have nothing trustworthy to count.
    console.error('\nLaunch Ready must be served by `npm run serve` (scripts/serve.mjs), not `next start`: it passes each connection\'s address to the sign-in rate limit.\n');
    process.exit(1);
  }
  try {
    const runtime = await getRuntime();
    const { config, db, auth } = runtime;
    if (config.mode === 'embedded') {
      const seeded = config.seedDemo && (await seedDemoIfEmpty(db, auth));
      const [demo] = await db.select({ id: user.id }).from(user).where(eq(user.email, DEMO_CONSULTANT.email)).limit(1);
      console.log(`\nLaunch Ready (embedded database at ${config.dataDir}) is at ${config.appUrl}`);
      if (demo) {
        console.log(seeded ? '  A demo workspace was created. Sign in with:' : '  Demo workspace sign-in:');
        console.log(`    consultant  ${DEMO_CONSULTANT.email} / ${DEMO_PASSWORD}`);
        console.log(`    client      ${DEMO_CLIENT.email} / ${DEMO_PASSWORD}  (sees one shared project)`);
      }
      if (config.outboxEnabled) console.log(`  No SMTP_URL set: emails land in ${config.appUrl}/outbox\n`);
      if (shouldRunEmbeddedWorker()) startEmbeddedWorker(runtime);
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
