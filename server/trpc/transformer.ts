/**
 * superjson, with one addition: the serialized form of a frozen value is remembered. Cached
 * project reads (server/read-cache.ts) hand the same frozen object to every request, and walking a
 * 30 KB result on each one was ~12 % of a cached read's CPU (docs/performance.md). A frozen
 * object cannot change, so its serialized form cannot go stale; the wire format is unchanged.
 */
import superjson from 'superjson';

type Serialized = ReturnType<typeof superjson.serialize>;

const remembered = new WeakMap<object, Serialized>();

export const transformer = {
  serialize(value: unknown): Serialized {
    if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) return superjson.serialize(value);
    let serialized = remembered.get(value);
    if (!serialized) {
      serialized = superjson.serialize(value);
      remembered.set(value, serialized);
    }
    return serialized;
  },
  deserialize: superjson.deserialize.bind(superjson),
};
