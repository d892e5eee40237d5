/**
 * The environment-variable inventory and where secrets live. The table holds names only; this
 * source never selects anything that could be a value.
 */
import { asc, eq } from 'drizzle-orm';
import { envVars, user } from '@/db/schema';
import type { EnvVarRow, SecretsSection } from '../types';
import type { SourceContext } from './context';

/** A secret not rotated for this long is listed as due. */
export const ROTATION_DAYS = 180;

export const ROTATION_STEPS = [
  'Create a new value at the provider (payment, email, database or API dashboard) without deleting the old one yet.',
  'Replace the value where it is stored for each environment listed, then redeploy so the app reads it.',
  'Check the feature that uses it still works (a test payment, a test email, a sign-in).',
  'Revoke the old value at the provider, and write the date in the inventory.',
  'If the value was ever exposed (pasted in chat, committed, shipped to the browser), rotate it today, not on schedule.',
];

export async function buildEnvVars(ctx: SourceContext): Promise<EnvVarRow[]> {
  const rows = await ctx.db
    .select({
      name: envVars.name,
      environments: envVars.environments,
      ownerName: envVars.ownerName,
      ownerUserName: user.name,
      purpose: envVars.purpose,
      storedIn: envVars.storedIn,
      isSecret: envVars.isSecret,
      lastRotatedOn: envVars.lastRotatedOn,
    })
    .from(envVars)
    .leftJoin(user, eq(user.id, envVars.ownerUserId))
    .where(eq(envVars.projectId, ctx.projectId))
    .orderBy(asc(envVars.name));
  return rows.map((r) => ({ name: r.name, environments: r.environments, owner: r.ownerUserName ?? r.ownerName, purpose: r.purpose, storedIn: r.storedIn, isSecret: r.isSecret, lastRotatedOn: r.lastRotatedOn }));
}

export function buildSecrets(rows: EnvVarRow[], now: Date): SecretsSection {
  const secrets = rows.filter((r) => r.isSecret);
  const byPlace = new Map<string, string[]>();
  for (const s of secrets) {
    const place = s.storedIn ?? 'Not recorded';
    byPlace.set(place, [...(byPlace.get(place) ?? []), s.name]);
  }
  const cutoff = now.getTime() - ROTATION_DAYS * 86_400_000;
  return {
    locations: [...byPlace.entries()].map(([storedIn, names]) => ({ storedIn, names })),
    rotation: secrets.map((s) => ({ name: s.name, storedIn: s.storedIn, lastRotatedOn: s.lastRotatedOn, due: s.lastRotatedOn === null || Date.parse(s.lastRotatedOn) < cutoff })),
    steps: ROTATION_STEPS,
  };
}
