/** `NAME=value` where the name says the value is a credential (`STRIPE_SECRET_KEY=…`, `password: …`). */
import type { SecretFinding, SecretRule } from './finding';
import { blankLinks } from './links';
import { isPlaceholder } from './placeholders';
import { looksRandom, type RandomnessOptions } from './randomness';

/** Names whose values are credentials (`STRIPE_SECRET_KEY`, `db_password`, `API_KEY`). */
export const SECRET_NAME = /(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|private[_-]?key|access[_-]?key|credential|signing[_-]?key|client[_-]?key|auth[_-]?key)/i;

/**
 * Groups: name, separator, value.
 * - `field`: one assignment per match, quoted keys allowed (`"api_key": "…"`), the whole
 *   identifier as the name, so a refusal can say which value it saw.
 * - `inline`: any word containing a narrower set of secret words, anywhere in prose, also inside
 *   another value (`Authorization: token=…`). Narrower because nothing stops prose such as
 *   "Credentials: 1Password" from being hidden (there is no `colonNeedsCredential` there).
 */
// Names are bounded ({0,100}, {0,60}) and `field` starts only where an identifier starts: with
// open-ended names a long word with no "=" made every position rescan the rest of the text
// (quadratic: 100 KB took over a minute; server/checks/parsers.fuzz.test.ts).
const SHAPES = {
  field: /(?<![A-Za-z0-9_.-])["']?([A-Za-z_][A-Za-z0-9_.-]{0,100})["']?\s*([=:])\s*["']?([^\s"',;]+)/g,
  inline: /\b([A-Za-z0-9_]{0,60}(?:secret|token|passw(?:or)?d|api[_-]?key|private[_-]?key|access[_-]?key)[A-Za-z0-9_]{0,60})\s*([=:])\s*["']?([^\s"',;]{6,})/gi,
} as const;

export interface AssignmentOptions {
  shape: keyof typeof SHAPES;
  /** Leave `KEY=$KEY`, `KEY=<your key>`, `KEY=****` alone. */
  skipPlaceholders: boolean;
  /** After a colon prose is common ("Password: kept in 1Password"): require digits or symbols there. */
  colonNeedsCredential: boolean;
  /** Also report a random-looking value (16+ characters) whatever its name. */
  randomValuesOfAnyName: RandomnessOptions | null;
  /** Judge links only by their credentials (./links.ts). */
  skipLinks: boolean;
}

export function secretAssignments(options: AssignmentOptions): SecretRule {
  const id = 'launch-ready/secret-assignment';
  const shape = SHAPES[options.shape];
  // `d`: the value's own offsets.
  const pattern = new RegExp(shape.source, `${shape.flags}d`);
  return {
    id,
    find(text) {
      const scanned = options.skipLinks ? blankLinks(text) : text;
      const found: SecretFinding[] = [];
      for (const match of scanned.matchAll(pattern)) {
        const [, name = '', separator, value = ''] = match;
        if (value.length < 6 || (options.skipPlaceholders && isPlaceholder(value))) continue;
        const credentialLike = !options.colonNeedsCredential || separator === '=' || /[^A-Za-z-]/.test(value);
        const random = options.randomValuesOfAnyName !== null && value.length >= 16 && looksRandom(value, options.randomValuesOfAnyName);
        const [start, end] = match.indices?.[3] ?? [0, 0];
        if ((SECRET_NAME.test(name) && credentialLike) || random) found.push({ rule: id, label: `a value for ${name}`, start, end });
      }
      return found;
    },
  };
}
