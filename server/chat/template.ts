/**
 * The chat request template: the JSON body the founder's chat endpoint expects, with `{{prompt}}`
 * where the test prompt goes, e.g. `{"messages":[{"role":"user","content":"{{prompt}}"}]}`.
 *
 * The template is parsed as JSON and the placeholder replaced inside string values of the parsed
 * tree, then serialised again, so a prompt full of quotes, backslashes or `"}` can never break
 * out of its string or add fields: escaping is JSON.stringify's, not ours.
 */
export const PROMPT_PLACEHOLDER = '{{prompt}}';
export const MAX_TEMPLATE_LENGTH = 4_000;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type ParsedTemplate = { ok: true; value: Json; placeholders: number } | { ok: false; message: string };

function countPlaceholders(value: Json): number {
  if (typeof value === 'string') return value.split(PROMPT_PLACEHOLDER).length - 1;
  if (Array.isArray(value)) return value.reduce<number>((sum, inner) => sum + countPlaceholders(inner), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce<number>((sum, inner) => sum + countPlaceholders(inner), 0);
  return 0;
}

/** Checks a template as typed: JSON, an object or array, with `{{prompt}}` inside at least one string. */
export function parseChatTemplate(text: string): ParsedTemplate {
  if (text.length > MAX_TEMPLATE_LENGTH) return { ok: false, message: `Keep the request template under ${MAX_TEMPLATE_LENGTH.toLocaleString('en')} characters.` };
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return { ok: false, message: 'The request template must be JSON, e.g. {"message": "{{prompt}}"}.' };
  }
  if (value === null || typeof value !== 'object') return { ok: false, message: 'The request template must be a JSON object or array, e.g. {"message": "{{prompt}}"}.' };
  const placeholders = countPlaceholders(value);
  if (placeholders === 0) return { ok: false, message: 'Put {{prompt}} inside a string of the template, where the question goes, e.g. {"message": "{{prompt}}"}.' };
  return { ok: true, value, placeholders };
}

function substitute(value: Json, prompt: string): Json {
  if (typeof value === 'string') return value.split(PROMPT_PLACEHOLDER).join(prompt);
  if (Array.isArray(value)) return value.map((inner) => substitute(inner, prompt));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, substitute(inner, prompt)]));
  return value;
}

/** The request body for one prompt. Throws on a template `parseChatTemplate` refuses (stored ones were checked when saved). */
export function renderChatBody(template: string, prompt: string): string {
  const parsed = parseChatTemplate(template);
  if (!parsed.ok) throw new Error(parsed.message);
  return JSON.stringify(substitute(parsed.value, prompt));
}

export const DEFAULT_CHAT_TEMPLATE = '{"message": "{{prompt}}"}';
