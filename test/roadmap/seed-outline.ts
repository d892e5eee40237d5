/**
 * Lists the coverable units of a seed playbook (../shared/seeds/*.txt) with the same
 * { section, position } addressing that template `sources` use. Pure: give it the file text.
 *
 * The seed files are exported web pages and their formatting is uneven: most paragraphs are one
 * line separated by blank lines, but some bullets sit inline ("Checks: - a. - b."), numbered
 * lists sit on one line ("1. … 2. …", "3.- …"), tables are flattened onto one line
 * ("| A | B | | --- | --- | | a | b |") or broken over many, and a few sentences are split
 * across blank lines. The rules below undo exactly that:
 *
 * 1. Every non-empty line is a raw paragraph. Literal "\n" escapes are spaces; "---" rules and
 *    blank lines are dropped.
 * 2. A paragraph is glued onto the previous one when the previous ends with "," or with a lone
 *    bullet dash, when it starts in lower case (and the previous is not a finished table row),
 *    or when the previous is a table and it carries more cells.
 * 3. A heading is a short line (≤ 80 chars) starting with a capital or digit, with no cell bars
 *    and no closing punctuation. Numbered headings ("1. Broken auth boundaries") nest under the
 *    heading before them; all other headings start a top-level section.
 * 4. "Goal:", "Checks:", "Deliverable:", "Failure signal:" open a sub-section
 *    "<heading> > <label>"; text after the label on the same line is that sub-section's content.
 * 5. Units: bullets ("•", "-"), inline bullets after a label, numbered items of a paragraph that
 *    starts with "1.", table data rows (the header and the --- row are not units), and every
 *    other paragraph. A paragraph ending in ":" that is directly followed by a list item in the
 *    same section is a "lead-in".
 */

export type SeedUnitKind = 'paragraph' | 'bullet' | 'numbered' | 'row' | 'lead-in';

export interface SeedUnit {
  seed: string;
  section: string;
  position: number;
  kind: SeedUnitKind;
  text: string;
}

/** Units before the first heading (title, teaser, opening paragraphs). */
export const PREAMBLE = '(preamble)';

const LABELS = ['Goal', 'Checks', 'Deliverable', 'Failure signal'] as const;
const LABEL_RE = new RegExp(`^(${LABELS.join('|')}):\\s*(.*)$`);
const BULLET_RE = /^(?:•|-)\s*/;

function isTable(p: string): boolean {
  return p.startsWith('|');
}

function shouldJoin(prev: string, next: string): boolean {
  if (prev.endsWith(',')) return true;
  if (prev === '-' || prev.endsWith(' -')) return true;
  if (/^[a-z]/.test(next) && !/^https?:/.test(next) && !prev.endsWith('|') && !isHeading(prev)) return true;
  if (isTable(prev) && !next.startsWith('|') && next.includes('|')) return true;
  return false;
}

function isHeading(p: string): boolean {
  return (
    p.length <= 80 &&
    /^[A-Z0-9]/.test(p) &&
    !p.includes('|') &&
    !/^https?:/i.test(p) &&
    !/[.:,;?!*)]$/.test(p)
  );
}

function rawParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(/\\n/g, ' ').split(/\r?\n/)) {
    const p = line.replace(/\s+/g, ' ').trim();
    if (p === '' || /^-{3,}$/.test(p)) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && shouldJoin(prev, p)) out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}

/** "1. a 2. b 3.- c" → ['a', 'b', 'c']; only splits on the next expected number. */
function splitNumbered(p: string): string[] | null {
  if (!/^1\.-?\s/.test(p)) return null;
  const items: string[] = [];
  let rest = p.replace(/^1\.-?\s+/, '');
  for (let n = 2; ; n++) {
    const m = new RegExp(`\\s${n}\\.-?\\s+`).exec(rest);
    if (!m) break;
    items.push(rest.slice(0, m.index).trim());
    rest = rest.slice(m.index + m[0].length);
  }
  items.push(rest.trim());
  return items;
}

/** Data rows of a flattened markdown table, each row's cells joined with " | ". */
function tableRows(p: string): string[] {
  const rows = p
    .replace(/\|\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|/g, '\u0000')
    .split(/\u0000|\|\s+\|/)
    .map((r) =>
      r
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c !== '')
        .join(' | '),
    )
    .filter((r) => r !== '');
  return rows; // the first row is the header
}

interface Piece {
  kind: Exclude<SeedUnitKind, 'lead-in'>;
  text: string;
}

function pieces(p: string, inlineAfterLabel: boolean, dropped: string[]): Piece[] {
  if (isTable(p)) {
    const [header, ...rows] = tableRows(p);
    if (header !== undefined) dropped.push(header);
    return rows.map((text) => ({ kind: 'row', text }));
  }
  if (inlineAfterLabel && BULLET_RE.test(p) && p.startsWith('-')) {
    return p
      .replace(BULLET_RE, '')
      .split(/\s+-\s+/)
      .map((t) => t.replace(/\s+-$/, '').trim())
      .filter((t) => t !== '')
      .map((text) => ({ kind: 'bullet', text }));
  }
  if (BULLET_RE.test(p) && (p.startsWith('•') || p.startsWith('-'))) {
    return [{ kind: 'bullet', text: p.replace(BULLET_RE, '').trim() }];
  }
  const numbered = splitNumbered(p);
  if (numbered) return numbered.map((text) => ({ kind: 'numbered', text }));
  return [{ kind: 'paragraph', text: p }];
}

export interface SeedOutline {
  units: SeedUnit[];
  /** Text that is structure, not content: headings, labels, table header rows. */
  dropped: string[];
}

export function outlineSeedDetailed(seed: string, text: string): SeedOutline {
  const units: SeedUnit[] = [];
  const dropped: string[] = [];
  let top = PREAMBLE;
  let section = PREAMBLE;
  const counters = new Map<string, number>();

  const push = (piece: Piece): void => {
    const position = (counters.get(section) ?? 0) + 1;
    counters.set(section, position);
    units.push({ seed, section, position, kind: piece.kind, text: piece.text });
  };

  for (const p of rawParagraphs(text)) {
    if (isHeading(p)) {
      dropped.push(p);
      if (/^\d+\.\s/.test(p) && top !== PREAMBLE) {
        section = `${top} > ${p}`;
      } else {
        top = p;
        section = p;
      }
      continue;
    }
    const label = LABEL_RE.exec(p);
    if (label) {
      dropped.push(`${label[1]}:`);
      section = `${top} > ${label[1]}`;
      const rest = (label[2] ?? '').trim();
      if (rest !== '') for (const piece of pieces(rest, true, dropped)) push(piece);
      continue;
    }
    for (const piece of pieces(p, false, dropped)) push(piece);
  }

  // A paragraph ending in ":" directly followed by a list item of the same section is a lead-in.
  for (let i = 0; i < units.length - 1; i++) {
    const u = units[i];
    const next = units[i + 1];
    if (u && next && u.kind === 'paragraph' && u.text.endsWith(':') && next.section === u.section && next.kind !== 'paragraph') {
      u.kind = 'lead-in';
    }
  }
  return { units, dropped };
}

export function outlineSeed(seed: string, text: string): SeedUnit[] {
  return outlineSeedDetailed(seed, text).units;
}

/** "Stage 4: Email trust setup" → { unit: 'stage', number: 4, title: 'Email trust setup' }. */
export function parseChapterHeading(section: string): { unit: 'stage' | 'day'; number: number; title: string } | null {
  const m = /^(Stage|Day) (\d+): (.+)$/.exec(section);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { unit: m[1] === 'Stage' ? 'stage' : 'day', number: Number(m[2]), title: m[3] };
}
