/**
 * The JSON assertion's path: names and array positions joined by dots (`data.items.0.status`),
 * the same subset the chatbot check's answer path uses (server/chat/extract.ts). Why not JSONPath
 * or JMESPath: a monitor asserts one value, and a founder copies the path from the answer they
 * see; a query language would add a dependency, filters and wildcards nobody here needs, and a
 * second syntax next to the chatbot's. Only own properties are followed (no `__proto__` walk).
 */
export const MAX_JSON_PATH_LENGTH = 200;
const PATH = /^[A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*$/;

export function isValidJsonPath(path: string): boolean {
  return path.length <= MAX_JSON_PATH_LENGTH && PATH.test(path);
}

export type PathLookup = { found: true; value: unknown } | { found: false };

export function valueAtPath(document: unknown, path: string): PathLookup {
  let current = document;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return { found: false };
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part) || Number(part) >= current.length) return { found: false };
      current = current[Number(part)];
    } else {
      if (!Object.hasOwn(current, part)) return { found: false };
      current = (current as Record<string, unknown>)[part];
    }
  }
  return { found: true, value: current };
}

/** How a found value reads in a message and compares with what the person typed: strings as they are, the rest as JSON. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined';
}

/**
 * Does the value match? Strings compare exactly; numbers, booleans and null by their JSON text
 * (`42`, `true`, `null`); objects and arrays by their JSON text too. No expectation: any
 * value but null passes.
 */
export function jsonValueMatches(value: unknown, expected: string | null): boolean {
  if (expected === null) return value !== null && value !== undefined;
  return asText(value) === expected;
}
