/** Long random-looking runs: keys with no known prefix. */
import type { SecretRule } from './finding';
import { blankLinks } from './links';
import { looksRandom, type RandomnessOptions } from './randomness';

export interface RandomTokenOptions {
  /** Shorter random strings are too common to call keys. */
  minLength: number;
  /** Whether `.` continues a run (JWT-like `a.b.c`) or splits it. */
  dotsJoinRuns: boolean;
  randomness: RandomnessOptions;
  /** Judge links only by their credentials (./links.ts): document ids in paths are not secrets. */
  skipLinks: boolean;
}

export function randomTokens(options: RandomTokenOptions): SecretRule {
  const id = 'launch-ready/random-token';
  const run = new RegExp(`[A-Za-z0-9+/_=${options.dotsJoinRuns ? '.' : ''}-]{${options.minLength},}`, 'g');
  return {
    id,
    find(text) {
      const scanned = options.skipLinks ? blankLinks(text) : text;
      return [...scanned.matchAll(run)]
        .filter((match) => looksRandom(match[0], options.randomness))
        .map((match) => ({ rule: id, label: 'a random-looking key or token', start: match.index, end: match.index + match[0].length }));
    },
  };
}
