/**
 * Reads a chat endpoint's answer as it arrives: a whole JSON reply, server-sent events, JSON
 * lines, or plain chunked text. It keeps the answer text and two moments: the first byte of
 * the body and the first piece of answer text (for a streamed reply, when the person starts
 * reading; for a JSON reply, when the whole reply is in).
 */
import { answerFromJson, deltaFromJson } from './extract';
import { SseParser } from './sse';

export type ReplyFormat = 'json' | 'sse' | 'json-lines' | 'text';

export interface ReadReply {
  format: ReplyFormat;
  /** The answer text; null when the reply held none we could find. */
  answer: string | null;
  /** Streamed in more than one piece (events, lines or chunks). */
  streamed: boolean;
  firstByteMs: number | null;
  firstTextMs: number | null;
  /** Why no answer was found, in plain words. */
  problem?: string;
}

export function formatOf(contentType: string | undefined): ReplyFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/event-stream') return 'sse';
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/jsonlines' || type === 'application/stream+json') return 'json-lines';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  return 'text';
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export class ReplyReader {
  private readonly decoder = new TextDecoder();
  private readonly sse = new SseParser();
  private raw = '';
  private pending = '';
  private parts: string[] = [];
  private pieces = 0;
  private firstByteMs: number | null = null;
  private firstTextMs: number | null = null;

  constructor(
    readonly format: ReplyFormat,
    private readonly answerPath: string | null = null,
  ) {}

  push(chunk: Uint8Array, elapsedMs: number): void {
    if (chunk.length === 0) return;
    this.firstByteMs ??= elapsedMs;
    this.take(this.decoder.decode(chunk, { stream: true }), elapsedMs);
  }

  private addPiece(text: string, elapsedMs: number) {
    this.pieces += 1;
    if (text === '') return;
    this.parts.push(text);
    if (this.firstTextMs === null && text.trim() !== '') this.firstTextMs = elapsedMs;
  }

  private take(text: string, elapsedMs: number) {
    switch (this.format) {
      case 'json':
        this.raw += text;
        return;
      case 'text':
        this.addPiece(text, elapsedMs);
        return;
      case 'sse':
        for (const data of this.sse.push(text)) this.event(data, elapsedMs);
        return;
      case 'json-lines': {
        const lines = (this.pending + text).split('\n');
        this.pending = lines.pop() ?? '';
        for (const line of lines) this.event(line, elapsedMs);
      }
    }
  }

  private event(data: string, elapsedMs: number) {
    const trimmed = data.trim();
    if (trimmed === '' || trimmed === '[DONE]') return;
    const parsed = parseJson(trimmed);
    this.addPiece(parsed.ok ? deltaFromJson(parsed.value, this.answerPath) : data, elapsedMs);
  }

  /** The body is complete (at `elapsedMs`). */
  finish(elapsedMs: number): ReadReply {
    const tail = this.decoder.decode();
    const base = { format: this.format, firstByteMs: this.firstByteMs };
    if (this.format === 'json') {
      const parsed = parseJson(this.raw + tail);
      if (!parsed.ok) return { ...base, answer: null, streamed: false, firstTextMs: null, problem: 'The reply says it is JSON but could not be read as JSON.' };
      const answer = answerFromJson(parsed.value, this.answerPath);
      if (answer === null) {
        return { ...base, answer: null, streamed: false, firstTextMs: null, problem: this.answerPath ? `The JSON reply has no text at "${this.answerPath}".` : 'The JSON reply has no answer text in a field we recognise; name the field in the answer path.' };
      }
      return { ...base, answer, streamed: false, firstTextMs: answer.trim() === '' ? null : elapsedMs };
    }
    if (tail) this.take(tail, elapsedMs);
    if (this.format === 'sse') for (const data of this.sse.end()) this.event(data, elapsedMs);
    if (this.format === 'json-lines' && this.pending !== '') this.event(this.pending, elapsedMs);
    const answer = this.parts.join('');
    const streamed = this.pieces > 1;
    if (answer.trim() === '') return { ...base, answer: null, streamed, firstTextMs: null, problem: 'The reply carried no answer text.' };
    return { ...base, answer, streamed, firstTextMs: this.firstTextMs };
  }
}
