/** One of each operating record in the authorization world, so update/remove procedures have a target. */
import { contacts, envVars, handoverEntries, projectSecrets, releaseSteps } from '@/db/schema';
import { seal } from '@/server/vault/cipher';
import { processKeyring } from '@/server/vault/keyring';
import type { Database } from '@/db/types';

export type RecordsWorld = { envVarId: string; releaseStepId: string; contactId: string; entryId: string; secretName: string };

export async function buildRecordsWorld(db: Database, projectId: string): Promise<RecordsWorld> {
  const [envVar] = await db.insert(envVars).values({ projectId, name: 'STRIPE_SECRET_KEY', environments: ['production'], purpose: 'Charges', storedIn: 'Vercel' }).returning();
  const [step] = await db.insert(releaseSteps).values({ projectId, phase: 'build', title: 'Build passes', position: 0 }).returning();
  const [contact] = await db.insert(contacts).values({ projectId, name: 'Dana Okafor', email: 'dana@example.test', escalationOrder: 1 }).returning();
  // A second contact, so moving the first one down changes the order.
  await db.insert(contacts).values({ projectId, name: 'Priya Shah', email: 'priya@example.test', escalationOrder: 2 });
  const [entry] = await db.insert(handoverEntries).values({ projectId, kind: 'improvement', title: 'Second deployer', businessValue: 4, position: 1 }).returning();
  const secretName = 'WORLD_API_KEY';
  await db.insert(projectSecrets).values({ projectId, name: secretName, ...seal(processKeyring().current, { projectId, name: secretName }, 'world-api-key-value-1234') });
  return { envVarId: envVar!.id, releaseStepId: step!.id, contactId: contact!.id, entryId: entry!.id, secretName };
}
