/**
 * Where the worker gets a project's secrets for a run. The project secrets store (server/vault,
 * `openProjectSecrets(db, projectId)`) is being built alongside; until it is merged no project
 * has secrets, so a step naming one fails with "The secret NAME is not set".
 */
import type { Database } from '@/db/types';
import { NO_SECRETS, type SecretBox } from './secret-box';

export type SecretsLoader = (db: Database, projectId: string) => Promise<SecretBox>;

export const openJourneySecrets: SecretsLoader = async () => NO_SECRETS;
