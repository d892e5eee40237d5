import { describe, expect, it } from 'vitest';
import { secretAssignments, type AssignmentOptions } from './assignments';
import { blankLinks, linkPasswords, linkTokens } from './links';
import { isPlaceholder } from './placeholders';
import { randomTokens } from './random-tokens';
import { looksRandom } from './randomness';
import { maskSecret } from './mask';

const spans = (text: string, found: { start: number; end: number }[]) => found.map((f) => text.slice(f.start, f.end));
const random = 'q8Zr2Lk9Xv4Tn7Bw3Mc6Hy1Pd5Gs0Fj';
const strict = { minBitsPerChar: 3.7, wordsAreNotRandom: true };
const field: AssignmentOptions = { shape: 'field', skipPlaceholders: true, colonNeedsCredential: true, randomValuesOfAnyName: strict, skipLinks: true };
const inline: AssignmentOptions = { shape: 'inline', skipPlaceholders: false, colonNeedsCredential: false, randomValuesOfAnyName: null, skipLinks: false };

describe('links', () => {
  it('linkPasswords: the password only; placeholders when asked', () => {
    const text = 'postgres://app:s3cretPass@db:5432/app';
    expect(spans(text, linkPasswords({ skipPlaceholders: true }).find(text))).toEqual(['s3cretPass']);
    expect(linkPasswords({ skipPlaceholders: true }).find('postgres://app:$DB_PASSWORD@db/app')).toEqual([]);
    expect(linkPasswords({ skipPlaceholders: false }).find('postgres://app:$DB_PASSWORD@db/app')).toHaveLength(1);
    expect(linkPasswords({ skipPlaceholders: false }).find('https://db.example.com:5432/app')).toEqual([]);
  });

  it('linkTokens: credential parameters of 8+ characters', () => {
    const text = 'https://api.example.com/hook?token=abcdef123456&page=2';
    expect(spans(text, linkTokens().find(text))).toEqual(['abcdef123456']);
    expect(linkTokens().find('https://api.example.com/hook?token=abc&page=abcdef123456')).toEqual([]);
  });

  it('blankLinks keeps offsets', () => {
    const link = 'https://x.example/z';
    expect(blankLinks(`see ${link} now`)).toBe(`see ${' '.repeat(link.length)} now`);
  });
});

describe('secretAssignments', () => {
  it('field: NAME=value of a secret-sounding name, named in the label', () => {
    const text = 'export DATABASE_PASSWORD="hunter22"';
    const found = secretAssignments(field).find(text);
    expect(found.map((f) => f.label)).toEqual(['a value for DATABASE_PASSWORD']);
    expect(spans(text, found)).toEqual(['hunter22']);
    expect(secretAssignments(field).find('{"api_key": "abc123xyz"}')).toHaveLength(1);
  });

  it('field: near misses — prose after a colon, placeholders, harmless names, links', () => {
    for (const text of ['Password: kept in 1Password', 'API_KEY=<your key>', 'NODE_ENV=production', 'see https://x.example/?a=b&password=hunter22x']) {
      expect(secretAssignments(field).find(text)).toEqual([]);
    }
  });

  it('field: a random value under any name', () => {
    expect(secretAssignments(field).find(`build_id=${random}`)).toHaveLength(1);
    expect(secretAssignments({ ...field, randomValuesOfAnyName: null }).find(`build_id=${random}`)).toEqual([]);
  });

  it('inline: also inside another value, placeholders included; not other names', () => {
    const text = 'Authorization: token=abc123def';
    expect(spans(text, secretAssignments(inline).find(text))).toEqual(['abc123def']);
    expect(spans('KEY_TOKEN=$X_TOKEN', secretAssignments(inline).find('KEY_TOKEN=$X_TOKEN'))).toEqual(['$X_TOKEN']);
    expect(secretAssignments(inline).find('credentials: 1Password')).toEqual([]);
  });
});

describe('randomTokens', () => {
  const records = randomTokens({ minLength: 24, dotsJoinRuns: true, randomness: strict, skipLinks: true });
  const pack = randomTokens({ minLength: 32, dotsJoinRuns: false, randomness: { minBitsPerChar: 3.5, wordsAreNotRandom: false }, skipLinks: false });

  it('finds long random runs', () => {
    expect(spans(`key ${random} end`, records.find(`key ${random} end`))).toEqual([random]);
    expect(pack.find(`key ${random}A end`)).toHaveLength(1);
  });

  it('near misses: hex ids, words run together, short runs, runs inside links when skipped', () => {
    for (const text of ['9fceb02d0ae598e95dc970b74767f19372d61af8', 'MyServiceConfigurationBackup2024', random.slice(0, 20), `https://docs.example.com/d/${random}/edit`]) {
      expect(records.find(text)).toEqual([]);
    }
    expect(pack.find(random)).toEqual([]); // 31 characters: the pack wants 32
  });
});

describe('looksRandom', () => {
  it('needs mixed case, digits and high entropy; words run together only when allowed', () => {
    expect(looksRandom(random, strict)).toBe(true);
    expect(looksRandom('abcdefghijklmnopqrstuvwxyz012345', strict)).toBe(false);
    expect(looksRandom('MyServiceConfigurationBackup2024', strict)).toBe(false);
    expect(looksRandom('MyServiceConfigurationBackup2024', { minBitsPerChar: 3.5, wordsAreNotRandom: false })).toBe(true);
  });
});

describe('isPlaceholder', () => {
  it('knows stand-ins, not values', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CI secret placeholder is the test data
    for (const value of ['$STRIPE_KEY', '${{ secrets.X }}', '<your key>', '********', 'changeme']) expect(isPlaceholder(value)).toBe(true);
    expect(isPlaceholder('hunter22')).toBe(false);
  });
});

describe('maskSecret', () => {
  it('shows at most four characters and the length', () => {
    expect(maskSecret(random)).toBe(`q8Zr…(${random.length} chars)`);
    expect(maskSecret('hunter22')).toBe('hu…(8 chars)');
  });
});
