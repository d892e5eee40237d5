/**
 * The checks a monitor's request needs beyond its fields' own: a body only where the method
 * sends one, a time limit under the timeout, and every `{{secret.NAME}}` naming a secret the
 * project has (checked again at send time: a secret can be removed later).
 */
import type { DbOrTx } from '@/db/types';
import { badInput } from '@/server/errors';
import { missingSecretFields } from '@/server/vault/references';
import { BODY_METHODS } from './request-input';
import type { MonitorFields } from './validation';

export async function assertRequestFields(db: DbOrTx, projectId: string, fields: MonitorFields): Promise<void> {
  const problems: Record<string, string> = {};
  if (fields.kind === 'http') {
    if (fields.body !== null && !BODY_METHODS.has(fields.method)) problems.body = `A ${fields.method} request sends no body: choose POST, PUT, PATCH or DELETE, or clear the body.`;
    if (fields.maxLatencyMs !== null && fields.maxLatencyMs >= fields.timeoutMs) problems.maxLatencyMs = 'Set the time limit below the timeout, or raise the timeout.';
    if (fields.jsonExpected !== null && fields.jsonPath === null) problems.jsonPath = 'Name the path whose value you expect, e.g. status.';
  }
  const texts = [...fields.headers.map((h, i) => [`headers.${i}.value`, h.value] as const), ['body', fields.body] as const];
  for (const [field, message] of Object.entries(await missingSecretFields(db, projectId, texts))) problems[field] ??= message;
  if (Object.keys(problems).length > 0) throw badInput('Some fields need attention. Nothing was saved.', problems);
}
