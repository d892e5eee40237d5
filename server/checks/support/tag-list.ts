/**
 * The tag=value lists DKIM key records (RFC 6376 3.2) and DMARC records (RFC 7489 6.4)
 * are written in. Tag names are case-sensitive; whitespace around tags and values is folded.
 */

export interface TagList {
  tags: Map<string, string>;
  /** Tags written more than once (invalid in both formats). */
  duplicates: string[];
  /** Pieces that are not tag=value at all. */
  malformed: string[];
  /** Tag names in order, to check e.g. that v= comes first. */
  order: string[];
}

const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function parseTagList(text: string): TagList {
  const tags = new Map<string, string>();
  const duplicates: string[] = [];
  const malformed: string[] = [];
  const order: string[] = [];
  for (const piece of text.split(';')) {
    const trimmed = piece.trim();
    if (trimmed === '') continue; // a trailing ";" is allowed
    const equals = trimmed.indexOf('=');
    const name = equals === -1 ? '' : trimmed.slice(0, equals).trim();
    if (!TAG_NAME.test(name)) {
      malformed.push(trimmed);
      continue;
    }
    const value = trimmed.slice(equals + 1).trim();
    if (tags.has(name)) duplicates.push(name);
    else {
      tags.set(name, value);
      order.push(name);
    }
  }
  return { tags, duplicates, malformed, order };
}
