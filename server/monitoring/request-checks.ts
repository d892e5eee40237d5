/**
 * The checks a monitor's request needs beyond its fields' own: a body only where the method
 * sends one, a time limit under the timeout, and every `{{secret.NAME}}` naming a secret the
 * project has (checked again at send time: a secret can be removed later).
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { projectSecrets } from '@/db/schema';
import { badInput } from '@/server/errors';
import { referencedSecretNames } from '@/server/vault/placeholders';
import { BODY_METHODS } from './request-input';
import type { MonitorFields } from './validation';

export async function assertRequestFields(db: DbOrTx, projectId: string, fields: MonitorFields): Promise<void> {
  const problems: Record<string, string> = {};
  if (fields.kind === 'http') {
    if (fields.body !== null && !BODY_METHODS.has(fields.method)) problems.body = `A ${fields.method} request sends no body: choose POST, PUT, PATCH or DELETE, or clear the body.`;
    if (fields.maxLatencyMs !== null && fields.maxLatencyMs >= fields.timeoutMs) problems.maxLatencyMs = 'Set the time limit below the timeout, or raise the timeout.';
    if (fields.jsonExpected !== null && fields.jsonPath === null) problems.jsonPath = 'Name the path whose value you expect, e.g. status.';
  }
  const texts: [string, string][] = [...fields.headers.map((h, i): [string, string] => [`headers.${i}.value`, h.value]), ['body', fields.body ?? '']];
  const wanted = texts.flatMap(([field, text]) => referencedSecretNames(text).map((name) => ({ field, name })));
  if (wanted.length > 0) {
    const stored = new Set((await db.select({ name: projectSecrets.name }).from(projectSecrets).where(eq(projectSecrets.projectId, projectId))).map((r) => r.name));
    for (const { field, name } of wanted) {
      if (!stored.has(name)) problems[field] ??= `There is no secret named ${name} in this project. Add it under Project settings → Secrets first, or fix the name.`;
    }
  }
  if (Object.keys(problems).length > 0) throw badInput('Some fields need attention. Nothing was saved.', problems);
}
