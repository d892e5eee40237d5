/**
 * Builds what a check sends from a monitor's settings and the project's secrets: headers and
 * body with `{{secret.NAME}}` filled in, written for where they land (inside a JSON string, a
 * form field, or as they are), and a content type when the person set none.
 */
import type { SecretBox } from '@/server/vault/box';
import { referencedSecretNames, type PlaceholderEncoding } from '@/server/vault/placeholders';
import { BODY_METHODS } from './request-input';

export type RequestSettings = {
  method: string;
  headers?: readonly { name: string; value: string }[];
  body?: string | null;
};

export type BuiltRequest = { headers: Record<string, string>; body: string | undefined; carriesSecrets: boolean };

export function usesSecrets(settings: RequestSettings): boolean {
  return (settings.headers ?? []).some((h) => referencedSecretNames(h.value).length > 0) || referencedSecretNames(settings.body ?? '').length > 0;
}

function bodyEncoding(contentType: string): PlaceholderEncoding {
  if (/json/i.test(contentType)) return 'json-string';
  if (/x-www-form-urlencoded/i.test(contentType)) return 'form';
  return 'raw';
}

/** Throws the box's `precondition` error when a placeholder names a secret the project does not have. */
export function buildRequest(settings: RequestSettings, secrets: SecretBox): BuiltRequest {
  const headers: Record<string, string> = {};
  for (const header of settings.headers ?? []) headers[header.name.toLowerCase()] = secrets.fill(header.value);
  let body: string | undefined;
  if (BODY_METHODS.has(settings.method)) {
    const template = settings.body ?? (settings.method === 'POST' ? '{}' : null);
    if (template !== null) {
      headers['content-type'] ??= /^\s*[[{]/.test(template) ? 'application/json' : 'text/plain; charset=utf-8';
      body = secrets.fill(template, bodyEncoding(headers['content-type']));
    }
  }
  return { headers, body, carriesSecrets: usesSecrets(settings) };
}
