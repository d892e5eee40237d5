/**
 * The one way text that people typed (names, notes, runbooks, findings, URLs) enters the
 * Markdown pack. Viewers (GitHub, editors' previews, wikis) turn Markdown into HTML, so user
 * text must reach them as text: no raw HTML or entities, no links, images, autolinks or link
 * definitions, no emphasis, code or block syntax that would turn it into elements.
 *
 * Characters that can start Markdown syntax get a backslash (CommonMark lets any ASCII
 * punctuation be escaped, and the viewer shows the character itself); `<`, `>` and `&` become
 * entities, so `<script>`, `&lt;b&gt;` and `&#106;avascript:` are shown exactly as typed.
 * The result is always one line: the renderer decides where blocks begin, never the text.
 */

/**
 * Inline syntax: link, image and reference brackets ([ ]; without them `(…)` and `!` are plain
 * text), emphasis (* ~), code (`), table cells (|) and the escape character itself.
 */
const INLINE = /[\\`*[\]|~]/g;
/** `_` only emphasises at a word boundary; inside names like STRIPE_SECRET_KEY it stays readable. */
const UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** Markers that open a block when they start a line: headings, lists, rules, setext underlines, blockquotes. */
const BLOCK_START = /^([#+=-]|\d+(?=[.)]))/;

/** `startsLine`: the text opens a line of the document (a paragraph), so block markers are escaped too. */
export function mdText(value: string | null | undefined, options: { startsLine?: boolean } = {}): string {
  if (!value) return '';
  const inline = value
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
    .replace(/[&<>]/g, (c) => ENTITIES[c]!)
    .replace(INLINE, '\\$&')
    .replace(UNDERSCORE, '\\_');
  if (!options.startsLine) return inline;
  return inline.replace(BLOCK_START, (marker) => (/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`));
}
