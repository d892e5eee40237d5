/**
 * Reading values out of a step's response: a JSON path (the same dotted paths the chat check
 * reads), a header, or a form field / meta tag of an HTML page (where CSRF tokens live), parsed
 * with htmlparser2.
 */
import { Parser } from 'htmlparser2';
import { valueAtPath } from '@/server/chat/extract';

export type JsonRead = { ok: true; value: unknown } | { ok: false; reason: string };

export function parseJson(text: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'The answer is not JSON.' };
  }
}

/** The value at a dotted path as text (objects as JSON), or null when there is none. */
export function jsonValueText(document: unknown, path: string): string | null {
  const value = valueAtPath(document, path);
  if (value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The value of `<input name="field">` (hidden CSRF fields) or `<meta name="field" content>`
 * (frameworks that put the token in the head), first one wins.
 */
export function formFieldValue(html: string, field: string): string | null {
  let found: string | null = null;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (found !== null) return;
        if (tag === 'input' && attributes.name === field) found = attributes.value ?? '';
        else if (tag === 'meta' && attributes.name === field && attributes.content !== undefined) found = attributes.content;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}
