import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { transformer } from './transformer';

describe('transformer', () => {
  it('produces what superjson produces, and reads it back with its dates', () => {
    const value = { at: new Date('2026-11-23T10:00:00Z'), items: [{ n: 1, tags: new Set(['a']) }] };
    expect(transformer.serialize(value)).toEqual(superjson.serialize(value));
    expect(transformer.deserialize(transformer.serialize(value))).toEqual(value);
  });

  it('serializes a frozen value once, and an unfrozen one every time', () => {
    const frozen = Object.freeze({ at: new Date(0), n: 1 });
    expect(transformer.serialize(frozen)).toBe(transformer.serialize(frozen));
    const open = { n: 1 };
    const first = transformer.serialize(open);
    open.n = 2;
    expect(transformer.serialize(open)).not.toEqual(first);
  });
});
