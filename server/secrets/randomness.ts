/** Does a run of characters look like a generated key rather than words or an id? */

export interface RandomnessOptions {
  /** Shannon entropy threshold; keys sit around 4–6 bits per character, prose and hex ids lower. */
  minBitsPerChar: number;
  /** "MyServiceConfigurationBackup2024" mixes case and digits but is words: refuse to call it random. */
  wordsAreNotRandom: boolean;
}

export function bitsPerChar(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/** Whole words (4+ letters on average) run together, with maybe a year or version. */
export function isWordsRunTogether(run: string): boolean {
  if (!/^[A-Za-z0-9]+$/.test(run)) return false;
  const words = run.match(/[A-Z][a-z]*|[a-z]+/g) ?? [];
  const letters = words.reduce((n, w) => n + w.length, 0);
  return words.length > 0 && letters / words.length >= 4;
}

/**
 * Random-looking: upper case, lower case and digits mixed with high entropy. Hex ids (git
 * hashes, UUIDs) and identifiers in one case are not.
 */
export function looksRandom(run: string, options: RandomnessOptions): boolean {
  if (!/[a-z]/.test(run) || !/[A-Z]/.test(run) || !/[0-9]/.test(run)) return false;
  if (options.wordsAreNotRandom && isWordsRunTogether(run)) return false;
  return bitsPerChar(run) >= options.minBitsPerChar;
}
