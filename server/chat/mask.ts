/**
 * What of a prompt or an answer may be stored and shown: the canary hidden, anything the shared
 * secret detector (server/secrets, with the handover pack's rules) recognises replaced by a
 * marker, and the text shortened. Every answer passes through here before it is written
 * anywhere — results, findings, logs, the handover pack.
 */
import { redactText } from '@/server/handover/redact';
import { hideCanary } from './canary';

export const STORED_ANSWER_LENGTH = 600;

export function maskChatText(text: string, canary: string | null, maxLength = STORED_ANSWER_LENGTH): string {
  // Only the stored part is scanned (a bounded cost); a secret cut at the edge lies past what is kept.
  const head = text.slice(0, maxLength * 3);
  const withoutCanary = canary ? hideCanary(head, canary) : head;
  const masked = redactText(withoutCanary).text.replace(/\u0000/g, '');
  return masked.length > maxLength ? `${masked.slice(0, maxLength - 1).trimEnd()}…` : masked;
}
