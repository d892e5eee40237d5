/**
 * Reads of a project's pages, remembered per project and keyed by the project's revisions, which
 * database triggers bump in the same transaction as any change (migration 0005,
 * docs/decisions/0009). A read arrives with the revisions its authorization query just saw, so a
 * remembered value is always at least as new as the data committed when the request started.
 *
 * Values are deep-frozen: one object serves many requests, so nobody may change it in place.
 * Concurrent misses for the same key share one computation.
 */
export type Revisions = { content: number; monitoring: number };

type Entry = { monitoring: number | null; value: Promise<unknown> };
type Group = { revisions: Revisions; entries: Map<string, Entry> };

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function createReadCache(options: { maxProjects: number }) {
  const groups = new Map<string, Group>(); // insertion order = least recently used first

  /** The group for this project at these revisions, or null when the caller saw older ones. */
  function groupFor(projectId: string, seen: Revisions): Group | null {
    let group = groups.get(projectId);
    if (group && (seen.content < group.revisions.content || seen.monitoring < group.revisions.monitoring)) return null;
    if (!group) {
      group = { revisions: seen, entries: new Map() };
    } else {
      if (seen.content > group.revisions.content) group.entries.clear();
      else if (seen.monitoring > group.revisions.monitoring) {
        for (const [key, entry] of group.entries) if (entry.monitoring !== null) group.entries.delete(key);
      }
      group.revisions = seen;
      groups.delete(projectId);
    }
    groups.set(projectId, group);
    if (groups.size > options.maxProjects) groups.delete(groups.keys().next().value!);
    return group;
  }

  return {
    /**
     * `key` must name everything besides the project's data the value depends on (procedure,
     * input, caller, day); `usesMonitoring` says whether monitoring rollups feed it.
     */
    read<T>(projectId: string, seen: Revisions, key: string, usesMonitoring: boolean, compute: () => Promise<T>): Promise<T> {
      const group = groupFor(projectId, seen);
      if (!group) return compute(); // this request saw an older state: answer it, remember nothing
      const hit = group.entries.get(key);
      if (hit) return hit.value as Promise<T>;
      const value = compute().then(deepFreeze);
      const entry: Entry = { monitoring: usesMonitoring ? seen.monitoring : null, value };
      group.entries.set(key, entry);
      value.catch(() => {
        if (group.entries.get(key) === entry) group.entries.delete(key);
      });
      return value;
    },
    get projectCount() {
      return groups.size;
    },
  };
}

export type ReadCache = ReturnType<typeof createReadCache>;
