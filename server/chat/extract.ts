/**
 * Finding the answer text in a chat endpoint's JSON: a path the founder names
 * ("choices.0.message.content"), else the first of the shapes chat APIs commonly use.
 * Pure; the same function reads whole JSON replies and each streamed event.
 */
export const MAX_ANSWER_PATH_LENGTH = 200;
const PATH = /^[A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*$/;

export function isValidAnswerPath(path: string): boolean {
  return path.length <= MAX_ANSWER_PATH_LENGTH && PATH.test(path);
}

/** The value at a dotted path (`items.0.id`), undefined when there is none (journeys read their assertions with it too). */
export function valueAtPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(part)] : (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Whole replies (OpenAI, Anthropic, common hand-made shapes). */
const REPLY_PATHS = ['choices.0.message.content', 'choices.0.text', 'content.0.text', 'message.content', 'output_text', 'answer', 'reply', 'response', 'message', 'text', 'content', 'output', 'data.answer', 'data.reply', 'data.text', 'result'];
/** Streamed events (OpenAI deltas, Anthropic content_block_delta, token-per-event servers). */
const DELTA_PATHS = ['choices.0.delta.content', 'delta.text', 'delta.content', 'token', 'text', 'content', 'answer', 'reply', 'message', 'response', 'data'];

function firstString(value: unknown, paths: readonly string[]): string | null {
  for (const path of paths) {
    const found = valueAtPath(value, path);
    if (typeof found === 'string') return found;
  }
  return null;
}

/** The answer in a whole JSON reply, or null when none of the paths holds a string. */
export function answerFromJson(value: unknown, answerPath?: string | null): string | null {
  if (typeof value === 'string') return value;
  return answerPath ? firstString(value, [answerPath]) : firstString(value, REPLY_PATHS);
}

/** The piece of answer one streamed event carries ('' for events without text, such as pings). */
export function deltaFromJson(value: unknown, answerPath?: string | null): string {
  if (typeof value === 'string') return value;
  return (answerPath ? firstString(value, [answerPath]) : null) ?? firstString(value, DELTA_PATHS) ?? '';
}
