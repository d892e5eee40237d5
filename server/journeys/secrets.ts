/** Where the worker gets a project's secrets for a run: the vault, opened per run (values live only as long as the run). */
import type { Database } from '@/db/types';
import { openProjectSecrets, type SecretBox } from '@/server/vault';

export type SecretsLoader = (db: Database, projectId: string) => Promise<SecretBox>;

export const openJourneySecrets: SecretsLoader = (db, projectId) => openProjectSecrets(db, projectId);
