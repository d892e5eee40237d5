/** One claimed slot's check: the project's secrets opened only when the monitor's request names one. */
import type { Database } from '@/db/types';
import { openProjectSecrets } from '@/server/vault/box';
import type { ClaimedSlot } from './claim';
import { runProbe, type ProbeNetwork, type ProbeResult } from './probe';
import { usesSecrets } from './request';

export async function probeSlot(db: Database, network: ProbeNetwork, slot: ClaimedSlot): Promise<ProbeResult> {
  if (slot.kind !== 'http' || !usesSecrets(slot)) return runProbe(network, slot);
  let secrets;
  try {
    secrets = await openProjectSecrets(db, slot.projectId);
  } catch {
    return { ok: false, statusCode: null, latencyMs: null, error: 'The project’s secrets could not be read (database unavailable); nothing was sent.' };
  }
  return runProbe(network, slot, secrets);
}
