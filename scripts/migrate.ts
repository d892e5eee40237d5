// `npm run migrate`: applies committed migrations to PostgreSQL (DATABASE_URL) or to the embedded
// database (which then must not be open in another process: the lock refuses it).
import path from 'node:path';
import { getConfig } from '../server/config';
import { openPglite, openPostgres } from '../db/open';

const config = getConfig();
const handle =
  config.mode === 'postgres' ? openPostgres(config.databaseUrl ?? '', 1) : await openPglite({ dataDir: path.join(config.dataDir, 'pglite') });
await handle.migrate();
await handle.close();
console.log(`Migrations applied (${handle.driver}).`);
