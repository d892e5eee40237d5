/**
 * Hides secret values in text that leaves a probe: results, stored errors, logs, emails,
 * webhook payloads, the handover pack. Not only the whole value: any run of FRAGMENT characters
 * from it (a target echoing half a token), and the forms a value takes on the wire — JSON- and
 * URL-escaped, and base64 (an echoed `Authorization: Basic …` header) — are replaced too.
 */
export const MASK = '••••';

/** Shortest value the vault accepts, and the length of a fragment that counts as a leak. */
export const FRAGMENT = 8;

/** Which bytes a base64 character at `index` is made from (3 bytes → 4 characters). */
function bytesBehind(index: number): number[] {
  const group = Math.floor(index / 4) * 3;
  return [[group], [group, group + 1], [group + 1, group + 2], [group + 2]][index % 4]!;
}

/**
 * base64 of the value at each of the three byte alignments it can have inside a longer encoded
 * string, keeping only the characters made from the value's own bytes (the neighbours vary).
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes, Buffer.alloc(2)]).toString('base64');
    const own = (index: number) => bytesBehind(index).every((b) => b >= shift && b < shift + bytes.length);
    let first = -1;
    let last = -1;
    for (let i = 0; i < encoded.length; i++) {
      if (!own(i)) continue;
      if (first < 0) first = i;
      last = i;
    }
    if (first >= 0) forms.push(encoded.slice(first, last + 1));
  }
  return forms;
}

/** Every written form of each value, long enough to look for. */
export function maskedForms(values: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const value of values) {
    for (const form of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), ...base64Forms(value)]) {
      if (form.length >= FRAGMENT) forms.add(form);
    }
  }
  return [...forms];
}

export type Masker = (text: string) => string;

/** A masker for these values; the fragment table is built once and each text is read once. */
export function createMasker(values: readonly string[]): Masker {
  const forms = maskedForms(values);
  if (forms.length === 0) return (text) => text;
  const fragments = new Set<string>();
  for (const form of forms) for (let i = 0; i + FRAGMENT <= form.length; i++) fragments.add(form.slice(i, i + FRAGMENT));
  return (text) => {
    if (text.length < FRAGMENT) return text;
    // Mark every character covered by a fragment, then replace each covered run with one mask.
    const covered = new Uint8Array(text.length);
    let any = false;
    for (let i = 0; i + FRAGMENT <= text.length; i++) {
      if (fragments.has(text.slice(i, i + FRAGMENT))) {
        covered.fill(1, i, i + FRAGMENT);
        any = true;
      }
    }
    if (!any) return text;
    let out = '';
    for (let i = 0; i < text.length; ) {
      if (!covered[i]) {
        out += text[i++];
        continue;
      }
      while (i < text.length && covered[i]) i++;
      out += MASK;
    }
    return out;
  };
}
