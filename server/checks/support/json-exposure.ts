/**
 * What a JSON answer gives away, without keeping any of it: how many records it holds, which
 * field names look personal (email, phone, address…) or like credentials (password, token…),
 * and whether any string value is an e-mail address. Walks at most 6 levels and 5,000 values.
 * A status answer ({"ok":true}) or an empty list ({"items":[],"total":0}) holds no records.
 */
export interface JsonExposure {
  /** Array elements plus objects with fields beyond status words. */
  records: number;
  personalFields: string[];
  credentialFields: string[];
  emailValues: number;
  /** Field names seen, first 20, for evidence. */
  fields: string[];
}

const MAX_DEPTH = 6;
const MAX_NODES = 5_000;
const STATUS_WORDS = new Set(['ok', 'status', 'success', 'healthy', 'message', 'error', 'errors', 'code', 'version', 'uptime', 'time', 'timestamp', 'total', 'count', 'page', 'pages', 'limit', 'offset', 'next', 'previous', 'cursor', 'has_more', 'hasmore']);
const PERSONAL = /^(e-?mail(_?address)?|phone(_?number)?|mobile|address|street|postcode|zip(_?code)?|birth_?date|date_?of_?birth|dob|ssn|iban|first_?name|last_?name|full_?name)$/i;
const CREDENTIAL = /(password|passwd|secret|token|api_?key|private_?key|session_?id|card_?number|cvv)$/i;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[a-z]{2,}$/i;

export function jsonExposure(value: unknown): JsonExposure {
  const seen = { records: 0, personal: new Set<string>(), credential: new Set<string>(), emailValues: 0, fields: new Set<string>() };
  let nodes = 0;
  const walk = (node: unknown, depth: number) => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return;
    if (typeof node === 'string') {
      if (EMAIL.test(node)) seen.emailValues += 1;
      return;
    }
    if (Array.isArray(node)) {
      // Plain values in a list are records; objects count themselves.
      seen.records += node.filter((item) => typeof item === 'string' || typeof item === 'number').length;
      for (const item of node) walk(item, depth + 1);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const entries = Object.entries(node as Record<string, unknown>);
    // A record carries a value of its own beyond status words; wrappers ({"items": [...]}) do not.
    if (entries.some(([key, child]) => !STATUS_WORDS.has(key.toLowerCase()) && (typeof child === 'string' || typeof child === 'number'))) seen.records += 1;
    for (const [key, child] of entries) {
      if (seen.fields.size < 20) seen.fields.add(key);
      if (PERSONAL.test(key)) seen.personal.add(key);
      // A credential field that is empty or null gives nothing away.
      if (CREDENTIAL.test(key) && child !== null && child !== '' && typeof child !== 'boolean') seen.credential.add(key);
      walk(child, depth + 1);
    }
  };
  walk(value, 0);
  return { records: seen.records, personalFields: [...seen.personal], credentialFields: [...seen.credential], emailValues: seen.emailValues, fields: [...seen.fields] };
}

/** The body as JSON when it is JSON (by type or by shape); undefined otherwise. */
export function parseJsonBody(text: string, contentType: string): unknown {
  const trimmed = text.trim();
  if (!contentType.includes('json') && !/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}
