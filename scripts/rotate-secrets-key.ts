// `npm run secrets:rotate`: re-seals every project secret with the current LR_SECRETS_KEY, opening
// old rows with LR_SECRETS_KEY_PREVIOUS (docs/decisions/0014). Safe to run while web processes and
// workers run on PostgreSQL; the embedded database must be closed (stop `npm start` first).
import path from 'node:path';
import { openPglite, openPostgres } from '../db/open';
import { ConfigError, loadConfig } from '../server/config';
import { keyringOf } from '../server/vault/keyring';
import { resealSecrets } from '../server/vault/rotate';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
if (!config.secretsKey) {
  console.error('Set LR_SECRETS_KEY (the new key) and LR_SECRETS_KEY_PREVIOUS (the old ones) first.');
  process.exit(1);
}
const handle = config.databaseUrl ? openPostgres(config.databaseUrl, 1) : await openPglite({ dataDir: path.join(config.dataDir, 'pglite') });
try {
  const report = await resealSecrets(handle.db, keyringOf(config.secretsKey));
  console.log(`Re-sealed ${report.resealed} secret${report.resealed === 1 ? '' : 's'} with the current key.`);
  for (const row of report.unreadable) console.log(`Could not open ${row.name} (project ${row.projectId}): ${row.reason} Set it again in the project's settings.`);
  console.log(report.unreadable.length === 0 ? 'Nothing is sealed with an older key now: LR_SECRETS_KEY_PREVIOUS can be removed.' : 'Keep LR_SECRETS_KEY_PREVIOUS until these are set again.');
  process.exitCode = report.unreadable.length === 0 ? 0 : 2;
} finally {
  await handle.close();
}
