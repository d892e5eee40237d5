// `npm run migrate`: applies committed migrations to PostgreSQL (DATABASE_URL) or to the embedded
// database (which then must not be open in another process: the lock refuses it). It needs only
// the database settings, not the web app's secrets.
import path from 'node:path';
import { openPglite, openPostgres } from '../db/open';

const databaseUrl = process.env.DATABASE_URL;
const handle = databaseUrl
  ? openPostgres(databaseUrl, 1)
  : await openPglite({ dataDir: path.join(path.resolve(process.env.LR_DATA_DIR || '.data'), 'pglite') });
await handle.migrate();
await handle.close();
console.log(`Migrations applied (${handle.driver}).`);
