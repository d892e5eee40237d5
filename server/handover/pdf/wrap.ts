/**
 * react-pdf breaks lines only at spaces (or hyphenates, adding a "-"), so a URL wider than its
 * table column ran past the cell and was clipped. Words too long for the column are cut into
 * lines here instead, preferably after "/", "#", "?", "&", "=" or ".", so the address stays legible.
 */
// Not after "-": a line ending in a hyphen reads (and copies) as a hyphenated word.
const BREAK_AFTER = ['/', '#', '?', '&', '=', '.'];

function cut(word: string, max: number): string {
  const lines: string[] = [];
  let rest = word;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const best = Math.max(...BREAK_AFTER.map((c) => window.lastIndexOf(c)));
    let at = best >= Math.floor(max / 2) ? best + 1 : max;
    if (rest[at - 1] === '-') at -= 1;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  return [...lines, rest].join('\n');
}

/** Cuts every word longer than `maxChars` onto several lines. */
export function breakLongWords(text: string, maxChars: number): string {
  const max = Math.max(8, Math.floor(maxChars));
  return text
    .split('\n')
    .map((line) => line.split(' ').map((word) => (word.length > max ? cut(word, max) : word)).join(' '))
    .join('\n');
}

/** Characters of 8.5 pt Helvetica that surely fit `width` points (wide letters counted at 0.6 em). */
export function charsThatFit(width: number, fontSize: number): number {
  return width / (fontSize * 0.6);
}
