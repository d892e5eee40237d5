/**
 * Every string any tRPC procedure accepts, found by walking the input schemas (so a new field
 * is audited the day it is added): each refuses NUL and other control characters, pasted
 * credentials, and (for dates) years outside the calendar range the app supports.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { appRouter } from '../root';
import { fakeSecrets } from '@/test/testnet/fake-secrets';
import { hostileSecrets } from '@/test/trpc/hostile-secrets';

type Schema = z.core.$ZodType;
type Leaf = { path: string; schema: Schema };

const def = (schema: Schema) => schema._zod.def as unknown as Record<string, unknown> & { type: string };

/** Is the base of this schema (under wrappers) a string? */
function stringBased(schema: Schema): boolean {
  const d = def(schema);
  if (d.type === 'string') return true;
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(d.type)) return stringBased(d.innerType as Schema);
  if (d.type === 'pipe') return stringBased(d.in as Schema);
  return false;
}

/** Every string field: the outermost node whose base is a string (its own refinements and transforms included). */
function stringFields(schema: Schema, path: string, out: Leaf[]): Leaf[] {
  if (stringBased(schema)) {
    out.push({ path, schema });
    return out;
  }
  const d = def(schema);
  switch (d.type) {
    case 'object':
      for (const [key, inner] of Object.entries(d.shape as Record<string, Schema>)) stringFields(inner, path ? `${path}.${key}` : key, out);
      break;
    case 'array':
      stringFields(d.element as Schema, `${path}.0`, out);
      break;
    case 'union':
      for (const option of d.options as Schema[]) stringFields(option, path, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      stringFields(d.innerType as Schema, path, out);
      break;
    case 'pipe':
      // z.preprocess(fn, schema) is pipe(transform, schema); object.transform(fn) is pipe(object, transform).
      stringFields((def(d.in as Schema).type === 'transform' ? d.out : d.in) as Schema, path, out);
      break;
  }
  return out;
}

function leaves(): { procedure: string; path: string; schema: Schema }[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: Schema[] } }>;
  return Object.entries(procedures).flatMap(([name, procedure]) =>
    procedure._def.inputs.flatMap((input) => stringFields(input, '', []).map((leaf) => ({ procedure: name, ...leaf }))),
  );
}

/** Fields that hold a credential by design: the emailed link token, alert webhook addresses, and a project secret's value. */
const HOLDS_A_SECRET_BY_DESIGN = new Set(['token', 'channel.url', 'secrets.set:value']);

const refuses = (schema: Schema, value: string) => !(schema as z.ZodType).safeParse(value).success;

const ALL = leaves();

describe('tRPC input audit', () => {
  it('finds the string fields of every procedure', () => {
    const names = new Set(ALL.map((l) => `${l.procedure}:${l.path}`));
    for (const expected of ['deployment.addEnvVar:environments.0', 'audit.comment:body', 'roadmap.addRisk:title', 'monitoring.create:name', 'project.create:environments.0.name']) {
      expect(names).toContain(expected);
    }
    expect(ALL.length).toBeGreaterThan(80);
  });

  it('every string field refuses NUL and other control characters', () => {
    const accepted = ALL.filter((l) => ['a\u0000b', 'a\u0007b', 'a\u001bb', 'a\u007fb'].some((v) => !refuses(l.schema, v))).map((l) => `${l.procedure}:${l.path}`);
    expect(accepted).toEqual([]);
  });

  it('every free-text field refuses pasted credentials (the issue cases and more)', () => {
    const samples = [...hostileSecrets(), fakeSecrets().github, fakeSecrets().openai];
    const accepted: string[] = [];
    for (const leaf of ALL) {
      if (HOLDS_A_SECRET_BY_DESIGN.has(leaf.path) || HOLDS_A_SECRET_BY_DESIGN.has(`${leaf.procedure}:${leaf.path}`)) continue;
      for (const [i, sample] of samples.entries()) if (!refuses(leaf.schema, sample)) accepted.push(`${leaf.procedure}:${leaf.path} accepts sample ${i}`);
    }
    expect(accepted).toEqual([]);
  });

  it('every date field refuses year 0000 and dates outside 2000–2100', () => {
    // A date field takes a real calendar date and nothing else (a phone number takes 2026-02-30).
    const dates = ALL.filter((l) => !refuses(l.schema, '2026-01-31') && refuses(l.schema, '2026-02-30') && refuses(l.schema, 'soon'));
    expect(dates.map((l) => l.path)).toEqual(expect.arrayContaining(['dueDate', 'deadline', 'lastRotatedOn']));
    const accepted = dates.filter((l) => ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31'].some((v) => !refuses(l.schema, v)));
    expect(accepted.map((l) => `${l.procedure}:${l.path}`)).toEqual([]);
  });
});
