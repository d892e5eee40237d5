import { describe, expect, it } from 'vitest';
import { CANARY_MARKER, findCanary, generateCanary, hideCanary } from './canary';
import { answerFromJson, isValidAnswerPath } from './extract';
import { maskChatText } from './mask';
import { judgeReplyTime } from './reply-time';
import { formatOf, ReplyReader } from './reply-reader';
import { SseParser } from './sse';
import { parseChatTemplate, renderChatBody } from './template';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('request template', () => {
  it('puts the prompt inside its string, escaped by JSON, whatever the prompt holds', () => {
    const hostile = 'say "hi"}, "admin": true, "x": {"\\\\ \n\u2028';
    const body = renderChatBody('{"messages":[{"role":"user","content":"Q: {{prompt}}"}],"stream":true}', hostile);
    const parsed = JSON.parse(body) as { messages: { content: string }[]; admin?: boolean };
    expect(parsed.messages[0]!.content).toBe(`Q: ${hostile}`);
    expect(parsed.admin).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(['messages', 'stream']);
  });

  it('refuses templates that are not JSON, not an object, or have no placeholder', () => {
    expect(parseChatTemplate('message={{prompt}}')).toMatchObject({ ok: false });
    expect(parseChatTemplate('"{{prompt}}"')).toMatchObject({ ok: false });
    expect(parseChatTemplate('{"message": "hello"}')).toMatchObject({ ok: false, message: expect.stringContaining('{{prompt}}') });
    // A bare placeholder outside a string is not JSON either.
    expect(parseChatTemplate('{"message": {{prompt}}}')).toMatchObject({ ok: false });
    expect(parseChatTemplate('{"message": "{{prompt}}"}')).toMatchObject({ ok: true, placeholders: 1 });
  });
});

describe('answer extraction', () => {
  it('reads the named path or the usual shapes', () => {
    expect(answerFromJson({ choices: [{ message: { content: 'A' } }] })).toBe('A');
    expect(answerFromJson({ content: [{ type: 'text', text: 'B' }] })).toBe('B');
    expect(answerFromJson({ reply: 'C' })).toBe('C');
    expect(answerFromJson({ data: { deep: { say: 'D' } } }, 'data.deep.say')).toBe('D');
    expect(answerFromJson({ reply: 'C' }, 'data.say')).toBeNull();
    expect(answerFromJson({ id: 3 })).toBeNull();
  });
  it('accepts dotted paths only', () => {
    expect(isValidAnswerPath('choices.0.message.content')).toBe(true);
    expect(isValidAnswerPath('a..b')).toBe(false);
    expect(isValidAnswerPath('a[0]')).toBe(false);
  });
});

describe('server-sent events', () => {
  it('joins data lines, skips comments and other fields, across chunk edges and CRLF', () => {
    const parser = new SseParser();
    const events = [...parser.push(': open\r\n\r\nevent: delta\r\ndata: one\r\nda'), ...parser.push('ta: two\r\n\r\nid: 3\ndata:three'), ...parser.end()];
    expect(events).toEqual(['one\ntwo', 'three']);
  });
});

describe('reply reader', () => {
  it('times the first text of a stream and joins OpenAI-style deltas', () => {
    const reader = new ReplyReader(formatOf('text/event-stream; charset=utf-8'));
    reader.push(bytes(': ping\n\n'), 10);
    reader.push(bytes('data: {"choices":[{"delta":{"role":"assistant"}}]}\n\n'), 20);
    reader.push(bytes('data: {"choices":[{"delta":{"content":"Hel"}}]}\n\ndata: {"choices":[{"delta":{"content":"lo"}}]}\n\n'), 35);
    reader.push(bytes('data: [DONE]\n\n'), 50);
    expect(reader.finish(60)).toMatchObject({ format: 'sse', answer: 'Hello', streamed: true, firstByteMs: 10, firstTextMs: 35 });
  });

  it('reads JSON lines and chunked text; splits a multi-byte character across chunks safely', () => {
    const lines = new ReplyReader(formatOf('application/x-ndjson'));
    lines.push(bytes('{"token":"a"}\n{"tok'), 5);
    lines.push(bytes('en":"b"}\n'), 9);
    expect(lines.finish(12)).toMatchObject({ answer: 'ab', firstTextMs: 5, streamed: true });

    const text = new ReplyReader(formatOf('text/plain'));
    const euro = bytes('€ ok');
    text.push(euro.slice(0, 2), 3);
    text.push(euro.slice(2), 4);
    expect(text.finish(5)).toMatchObject({ answer: '€ ok', firstTextMs: 4 });
  });

  it('a JSON reply starts when it is complete; no answer field is a problem in words', () => {
    const whole = new ReplyReader('json');
    whole.push(bytes('{"reply":"Hi'), 100);
    whole.push(bytes(' there"}'), 180);
    expect(whole.finish(200)).toMatchObject({ answer: 'Hi there', firstByteMs: 100, firstTextMs: 200, streamed: false });
    const empty = new ReplyReader('json');
    empty.push(bytes('{"id":1}'), 1);
    expect(empty.finish(2)).toMatchObject({ answer: null, problem: expect.stringContaining('answer path') });
  });
});

describe('leak canary', () => {
  const canary = generateCanary();
  it('is made of a fixed prefix and 16 random characters', () => {
    expect(canary).toMatch(/^LR-CANARY-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(generateCanary()).not.toBe(canary);
  });
  it('finds it whole, respaced, lower-cased, or half of it; not the prefix alone', () => {
    const body = canary.slice('LR-CANARY-'.length);
    expect(findCanary(`my marker is ${canary}.`, canary)).toEqual({ leaked: true, whole: true });
    expect(findCanary(`marker: ${body.toLowerCase().replace(/-/g, ' ')}`, canary)).toEqual({ leaked: true, whole: true });
    expect(findCanary(`part ${body.slice(5, 14)}`, canary)).toEqual({ leaked: true, whole: false });
    expect(findCanary(`part ${body.slice(0, 4)}`, canary)).toEqual({ leaked: false });
    expect(findCanary('We use an LR-CANARY string', canary)).toEqual({ leaked: false });
  });
  it('is hidden from stored text, whole and in part', () => {
    const body = canary.slice('LR-CANARY-'.length);
    const hidden = hideCanary(`a ${canary} b ${body.slice(5, 14).toLowerCase()} c`, canary);
    expect(hidden).not.toMatch(new RegExp(body.slice(5, 14), 'i'));
    expect(hidden.split(CANARY_MARKER).length).toBe(3);
  });
});

describe('masking answers', () => {
  it('hides keys and the canary, and shortens', () => {
    const canary = generateCanary();
    const key = 'sk_live_51FakeBotKeyDoNotUse0123456789abcdefABCDEF';
    const masked = maskChatText(`Sure: ${canary} and ${key}. ${'word '.repeat(400)}`, canary);
    expect(masked).not.toContain(key);
    expect(masked).not.toContain(canary);
    expect(masked.length).toBeLessThanOrEqual(600);
    expect(masked.endsWith('…')).toBe(true);
  });
});

describe('reply time', () => {
  const times = { firstByteMs: 300, firstTextMs: 900, totalMs: 2_400 };
  it('judges each target the playbook sets, and 2 s complete by default', () => {
    expect(judgeReplyTime(times, { startMs: 2_000 })).toEqual([{ metric: 'start', measuredMs: 900, targetMs: 2_000, over: false, usedDefault: false }]);
    expect(judgeReplyTime(times, { completeMs: 2_000 })[0]).toMatchObject({ metric: 'complete', over: true });
    expect(judgeReplyTime(times, {})[0]).toMatchObject({ metric: 'complete', targetMs: 2_000, usedDefault: true });
    expect(judgeReplyTime(times, { startMs: 2_000 }, 5_000)[0]).toMatchObject({ metric: 'complete', targetMs: 5_000, over: false });
  });
});
