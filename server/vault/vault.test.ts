import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@/server/errors';
import { open, seal, SecretUnreadable } from './cipher';
import { keyringOf, vaultKey } from './keyring';
import { createMasker, MASK } from './mask';
import { referencedSecretNames } from './placeholders';
import { secretBoxOf } from './box';

const KEY = crypto.randomBytes(32).toString('base64');
const OTHER = crypto.randomBytes(32).toString('base64');
const row = { projectId: 'p-1', name: 'API_KEY' };

function flipped(base64: string, at = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[at] = bytes[at]! ^ 0x01;
  return bytes.toString('base64');
}

describe('sealing', () => {
  it('opens what it sealed, with a fresh nonce every time and no plaintext in the stored form', () => {
    const ring = keyringOf({ current: KEY, previous: [] });
    const value = 'sk_test_51HxQ0aJ9kLmNoPqRsTuVwXyZ — ünïcödé\nsecond line';
    const a = seal(ring.current, row, value);
    const b = seal(ring.current, row, value);
    expect(open(ring, row, a)).toBe(value);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(JSON.stringify(a)).not.toContain('sk_test');
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(a.tag, 'base64')).toHaveLength(16);
    expect(a.keyId).toBe(vaultKey(KEY).id);
    expect(a.keyId).not.toContain(KEY.slice(0, 8));
  });

  it('refuses a changed ciphertext, tag or nonce, and a sealed value moved to another row or project', () => {
    const ring = keyringOf({ current: KEY, previous: [] });
    const sealed = seal(ring.current, row, 'correct horse battery staple');
    const attempts = [
      () => open(ring, row, { ...sealed, ciphertext: flipped(sealed.ciphertext, 3) }),
      () => open(ring, row, { ...sealed, tag: flipped(sealed.tag) }),
      () => open(ring, row, { ...sealed, iv: flipped(sealed.iv) }),
      () => open(ring, { ...row, name: 'OTHER_KEY' }, sealed),
      () => open(ring, { ...row, projectId: 'p-2' }, sealed),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(SecretUnreadable);
    expect(() => attempts[0]!()).toThrow(/changed or belongs to another row/);
  });

  it('opens rows sealed with a previous key, and says so when the key is gone', () => {
    const old = keyringOf({ current: OTHER, previous: [] });
    const sealed = seal(old.current, row, 'sealed-before-rotation');
    expect(open(keyringOf({ current: KEY, previous: [OTHER] }), row, sealed)).toBe('sealed-before-rotation');
    expect(() => open(keyringOf({ current: KEY, previous: [] }), row, sealed)).toThrow(/key this server does not have/);
  });
});

describe('placeholders', () => {
  it('finds each referenced name once, forgiving spaces inside the braces', () => {
    expect(referencedSecretNames('Bearer {{secret.API_KEY}} {{ secret.api-key_2 }} {{secret.API_KEY}} {{prompt}} {{secret.bad name}}')).toEqual(['API_KEY', 'api-key_2']);
    expect(referencedSecretNames('no placeholders')).toEqual([]);
  });

  it('fills values, encoded for a JSON string or a form, and names a missing secret', () => {
    const box = secretBoxOf([{ name: 'PASSWORD', value: 'pa"ss\\word & more' }]);
    expect(box.fill('Basic {{secret.PASSWORD}}')).toBe('Basic pa"ss\\word & more');
    const json = box.fill('{"password":"{{secret.PASSWORD}}"}', 'json-string');
    expect(JSON.parse(json)).toEqual({ password: 'pa"ss\\word & more' });
    expect(new URLSearchParams(box.fill('password={{secret.PASSWORD}}', 'form')).get('password')).toBe('pa"ss\\word & more');
    let error: unknown;
    try {
      box.fill('{{secret.MISSING_ONE}}');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('precondition');
    expect((error as DomainError).message).toMatch(/The secret MISSING_ONE is not set/);
  });

  it('reports an unreadable secret as such when a placeholder needs it', () => {
    const box = secretBoxOf([], new Map([['OLD', 'The secret OLD cannot be read on this server.']]));
    expect(box.names).toEqual(['OLD']);
    expect(() => box.fill('{{secret.OLD}}')).toThrow(/cannot be read/);
  });
});

describe('masking', () => {
  const token = 'tok_live_9f8e7d6c5b4a3210ZYXW';
  const password = 'hunter2-but-longer"/&';
  const mask = createMasker([token, password]);

  it('hides whole values wherever they appear', () => {
    expect(mask(`Authorization: Bearer ${token}; again ${token}.`)).toBe(`Authorization: Bearer ${MASK}; again ${MASK}.`);
  });

  it('hides long fragments: a target echoing part of a token, a value cut by a length limit', () => {
    expect(mask(`echo: ${token.slice(3, 20)} end`)).toBe(`echo: ${MASK} end`);
    expect(mask(`cut here ${token.slice(0, 12)}`)).toBe(`cut here ${MASK}`);
    expect(mask(`short bits ${token.slice(0, 5)} stay`)).toBe(`short bits ${token.slice(0, 5)} stay`);
  });

  it('hides the JSON-escaped, URL-encoded and base64 forms (an echoed Basic header)', () => {
    expect(mask(JSON.stringify({ password }))).not.toContain('hunter2-but');
    expect(mask(`password=${encodeURIComponent(password)}`)).not.toContain('hunter2-but');
    for (const user of ['a', 'ab', 'abc', 'founder@example.test']) {
      const basic = Buffer.from(`${user}:${password}`).toString('base64');
      const masked = mask(`Authorization: Basic ${basic}`);
      expect(masked).toContain(MASK);
      // What is left of the encoded header no longer decodes to the password or any 8 characters of it.
      const left = Buffer.from(masked.replace('Authorization: Basic ', '').replaceAll(MASK, ''), 'base64').toString('latin1');
      for (let i = 0; i + 8 <= password.length; i++) expect(left).not.toContain(password.slice(i, i + 8));
    }
  });

  it('leaves text without secrets as it was', () => {
    const text = 'HTTP 500: upstream timed out after 3000 ms (request id 42)';
    expect(mask(text)).toBe(text);
    expect(createMasker([])(text)).toBe(text);
    expect(secretBoxOf([{ name: 'A', value: token }]).mask(`x ${token} y`)).toBe(`x ${MASK} y`);
  });
});
