/**
 * What a run may keep: secret values from the vault, the cookies and captured values of the run
 * (session tokens, CSRF tokens) and anything the shared detector recognises are hidden, and the
 * text is cut to an excerpt. Every text a run stores or logs passes through here.
 */
import { redactText } from '@/server/handover/redact';
import type { SecretBox } from './secret-box';

export const EXCERPT_LENGTH = 300;
export const HIDDEN = '[hidden]';

export type Masker = (text: string, maxLength?: number) => string;

/** `runValues` is read at each call: captures and cookies arrive as the run goes. */
export function maskerFor(secrets: SecretBox, runValues: () => readonly string[]): Masker {
  return (text, maxLength = EXCERPT_LENGTH) => {
    let out = secrets.mask(text.slice(0, maxLength * 4));
    // Longest first, so a value that contains another is hidden whole; very short values would hide ordinary words.
    for (const value of [...runValues()].filter((v) => v.length >= 6).sort((a, b) => b.length - a.length)) out = out.split(value).join(HIDDEN);
    out = redactText(out).text.replace(/\u0000/g, '');
    return out.length > maxLength ? `${out.slice(0, maxLength - 1).trimEnd()}…` : out;
  };
}
