/**
 * What a monitor sends and asserts beyond status and keyword: headers, a body, a JSON value, a
 * time limit. Secrets go in as `{{secret.NAME}}` placeholders (docs/decisions/0014); a pasted
 * credential is refused with a message that says so.
 */
import { z } from 'zod';
import { safeText, type SecretMessage } from '@/server/validation';
import { isValidJsonPath, MAX_JSON_PATH_LENGTH } from './json-path';

export const REQUEST_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const MAX_HEADERS = 20;
export const MAX_BODY_LENGTH = 16_384;

const useAPlaceholder: SecretMessage = (f) =>
  `This looks like ${f.kind}. Store it under Project settings → Secrets and write {{secret.NAME}} here instead: it is then sent but never shown. Nothing was saved.`;

/** Headers the HTTP client sets itself, or that would send the request somewhere else. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'proxy-authorization', 'expect']);

export const headerNameSchema = safeText()
  .min(1, 'Name the header, e.g. Authorization.')
  .max(100, 'Keep header names under 100 characters.')
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'A header name has letters, digits and - only, e.g. X-Api-Key.')
  .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), 'Launch Ready sets this header itself.');

export const requestHeadersSchema = z
  .array(
    z.object({
      name: headerNameSchema,
      value: safeText({ secrets: useAPlaceholder }).max(2000, 'Keep header values under 2,000 characters.'),
    }),
  )
  .max(MAX_HEADERS, `At most ${MAX_HEADERS} headers.`)
  .default([]);

export const requestBodySchema = safeText({ multiline: true, secrets: useAPlaceholder })
  .max(MAX_BODY_LENGTH, `Keep the body under ${MAX_BODY_LENGTH.toLocaleString('en-US')} characters.`)
  .nullish()
  .transform((v) => v || null);

export const jsonPathSchema = safeText()
  .max(MAX_JSON_PATH_LENGTH, `Keep the path under ${MAX_JSON_PATH_LENGTH} characters.`)
  .refine((v) => v === '' || isValidJsonPath(v), 'Write the path as names and positions joined by dots, e.g. data.items.0.status.')
  .nullish()
  .transform((v) => v || null);

export const jsonExpectedSchema = safeText()
  .max(500, 'Keep the expected value under 500 characters.')
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? null : v));

export const maxLatencySchema = z
  .number('Enter the time limit in milliseconds, or leave it empty.')
  .int('Use whole milliseconds.')
  .min(10, 'A limit under 10 ms cannot be measured from outside.')
  .max(30_000, 'At most 30,000 ms (the longest timeout).')
  .nullish()
  .transform((v) => v ?? null);
