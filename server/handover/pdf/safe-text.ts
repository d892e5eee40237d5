/**
 * The built-in Helvetica only has the WinAnsi characters. Common symbols outside it are spelled
 * out; anything else becomes "?" rather than an invisible glyph.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACE: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '≈': '~', '✓': 'yes', '✔': 'yes', '✗': 'x', '−': '-', '′': "'", ' ': ' ', '\u200b': '' };

export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += REPLACE[ch] ?? '?';
  }
  return out;
}

export function pdfSafeDeep<T>(value: T): T {
  const walk = (v: unknown): unknown =>
    typeof v === 'string' ? pdfSafe(v) : Array.isArray(v) ? v.map(walk) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
  return walk(value) as T;
}
