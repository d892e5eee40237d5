import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache';

function counter<T>(value: () => T) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    compute: async () => {
      calls += 1;
      return value();
    },
  };
}

describe('read cache', () => {
  it('computes once per key and revision, and again after either revision it depends on moves', async () => {
    const cache = createReadCache({ maxProjects: 10 });
    const overview = counter(() => ({ readiness: 40 }));
    const panel = counter(() => ({ uptime: 99.9 }));
    const read = (c: number, m: number) =>
      Promise.all([cache.read('p1', { content: c, monitoring: m }, 'overview', false, overview.compute), cache.read('p1', { content: c, monitoring: m }, 'panel', true, panel.compute)]);
    await read(1, 1);
    await read(1, 1);
    expect([overview.calls, panel.calls]).toEqual([1, 1]);
    await read(1, 2); // a rollup was written: only the panel is recomputed
    expect([overview.calls, panel.calls]).toEqual([1, 2]);
    await read(2, 2); // an item changed: everything is recomputed
    expect([overview.calls, panel.calls]).toEqual([2, 3]);
  });

  it('answers a request that saw an older revision without remembering its answer', async () => {
    const cache = createReadCache({ maxProjects: 10 });
    let version = 'new';
    const read = counter(() => version);
    expect(await cache.read('p1', { content: 5, monitoring: 0 }, 'k', false, read.compute)).toBe('new');
    version = 'old';
    expect(await cache.read('p1', { content: 4, monitoring: 0 }, 'k', false, read.compute)).toBe('old');
    expect(await cache.read('p1', { content: 5, monitoring: 0 }, 'k', false, read.compute)).toBe('new');
    expect(read.calls).toBe(2);
  });

  it('shares one computation between concurrent misses and does not keep failures', async () => {
    const cache = createReadCache({ maxProjects: 10 });
    const shared = counter(() => 1);
    await Promise.all(Array.from({ length: 5 }, () => cache.read('p1', { content: 1, monitoring: 0 }, 'k', false, shared.compute)));
    expect(shared.calls).toBe(1);

    let fail = true;
    const flaky = counter(() => {
      if (fail) throw new Error('database restarting');
      return 'ok';
    });
    await expect(cache.read('p1', { content: 1, monitoring: 0 }, 'flaky', false, flaky.compute)).rejects.toThrow('database restarting');
    fail = false;
    expect(await cache.read('p1', { content: 1, monitoring: 0 }, 'flaky', false, flaky.compute)).toBe('ok');
    expect(flaky.calls).toBe(2);
  });

  it('hands out frozen values, so no request can change what the next one sees', async () => {
    const cache = createReadCache({ maxProjects: 10 });
    const value = await cache.read('p1', { content: 1, monitoring: 0 }, 'k', false, async () => ({ items: [{ title: 'DNS' }] }));
    expect(() => value.items.push({ title: 'extra' })).toThrow(TypeError);
    expect(() => {
      value.items[0]!.title = 'changed';
    }).toThrow(TypeError);
  });

  it('keeps at most maxProjects projects, dropping the least recently read', async () => {
    const cache = createReadCache({ maxProjects: 2 });
    const read = counter(() => 1);
    for (const p of ['a', 'b', 'a', 'c']) await cache.read(p, { content: 1, monitoring: 0 }, 'k', false, read.compute);
    expect(cache.projectCount).toBe(2);
    expect(read.calls).toBe(3);
    await cache.read('a', { content: 1, monitoring: 0 }, 'k', false, read.compute); // still there
    expect(read.calls).toBe(3);
    await cache.read('b', { content: 1, monitoring: 0 }, 'k', false, read.compute); // was dropped
    expect(read.calls).toBe(4);
  });
});
