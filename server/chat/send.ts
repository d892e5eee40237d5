/**
 * Sends one prompt to a chat endpoint through the guarded client (server/net) and reads the
 * answer, JSON or streamed. Chunks are timed as they arrive and read once the headers say what
 * kind of reply it is, so the first-byte and first-text moments are the real ones.
 */
import { HttpRequestError, headerValue, type HttpClient } from '@/server/net/http-client';
import { bodyText } from '@/server/checks/support/fetch';
import { formatOf, ReplyReader, type ReplyFormat } from './reply-reader';
import { renderChatBody } from './template';

export interface ChatEndpoint {
  url: string;
  method: 'POST' | 'PUT' | 'PATCH';
  /** JSON with {{prompt}} (template.ts). */
  template: string;
  /** Where the answer text is in a JSON reply or event; null: the usual places (extract.ts). */
  answerPath: string | null;
}

export type ChatExchange =
  | {
      ok: true;
      status: number;
      format: ReplyFormat;
      answer: string;
      streamed: boolean;
      firstByteMs: number | null;
      firstTextMs: number | null;
      totalMs: number;
      truncated: boolean;
    }
  | {
      ok: false;
      /** status: the endpoint answered with an error status; no-answer: it answered without text; else the network error's code. */
      code: 'status' | 'no-answer' | HttpRequestError['code'];
      message: string;
      status: number | null;
      totalMs: number | null;
    };

export const CHAT_TIMEOUT_MS = 20_000;
export const CHAT_MAX_BODY_BYTES = 256 * 1024;

export async function sendPrompt(http: HttpClient, endpoint: ChatEndpoint, prompt: string, options: { timeoutMs?: number } = {}): Promise<ChatExchange> {
  const chunks: { chunk: Uint8Array; at: number }[] = [];
  let response;
  try {
    response = await http.request(endpoint.url, {
      method: endpoint.method,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream, application/json;q=0.9, */*;q=0.8' },
      body: renderChatBody(endpoint.template, prompt),
      timeoutMs: options.timeoutMs ?? CHAT_TIMEOUT_MS,
      maxBodyBytes: CHAT_MAX_BODY_BYTES,
      onBodyChunk: (chunk, at) => chunks.push({ chunk: Uint8Array.from(chunk), at }),
    });
  } catch (error) {
    if (error instanceof HttpRequestError) return { ok: false, code: error.code, message: error.message, status: null, totalMs: null };
    throw error;
  }
  const totalMs = response.totalMs;
  if (response.status < 200 || response.status >= 300) {
    return { ok: false, code: 'status', message: `The chat endpoint answered ${response.status}.`, status: response.status, totalMs };
  }
  const reader = new ReplyReader(formatOf(headerValue(response.headers, 'content-type')), endpoint.answerPath);
  const encoding = (headerValue(response.headers, 'content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') {
    // Compressed: the pieces cannot be read one by one, so the reply counts as arriving whole.
    reader.push(new TextEncoder().encode(bodyText(response)), chunks[0]?.at ?? totalMs);
  } else {
    for (const { chunk, at } of chunks) reader.push(chunk, at);
  }
  const read = reader.finish(totalMs);
  if (read.answer === null) return { ok: false, code: 'no-answer', message: read.problem ?? 'The reply carried no answer text.', status: response.status, totalMs };
  return { ok: true, status: response.status, format: read.format, answer: read.answer, streamed: read.streamed, firstByteMs: read.firstByteMs, firstTextMs: read.firstTextMs, totalMs, truncated: response.truncated };
}
