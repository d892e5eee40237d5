/**
 * Every field message a form can show is written for people: each schema node of every tRPC
 * procedure's input (found by walking the schemas, so new fields are covered the day they are
 * added) is fed values of the wrong kind and out of range, and no message may be zod's own
 * wording ("Too small: expected number to be >=1", "Invalid input: expected string").
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../root';
import { humanMessage } from '@/server/validation-messages';
import { monitorFieldsSchema } from '@/server/monitoring/validation';

type Schema = z.core.$ZodType;
const def = (schema: Schema) => schema._zod.def as unknown as Record<string, unknown> & { type: string };

/** Every node under a schema: objects' fields, array elements, union options, wrapped types. */
function nodes(schema: Schema, path: string, out: { path: string; schema: Schema }[] = []) {
  out.push({ path, schema });
  const d = def(schema);
  const inner: [string, Schema][] =
    d.type === 'object'
      ? Object.entries(d.shape as Record<string, Schema>).map(([key, s]) => [path ? `${path}.${key}` : key, s])
      : d.type === 'array'
        ? [[`${path}.0`, d.element as Schema]]
        : d.type === 'union'
          ? (d.options as Schema[]).map((s) => [path, s])
          : d.type === 'pipe'
            ? [[path, d.in as Schema], [path, d.out as Schema]]
            : 'innerType' in d
              ? [[path, d.innerType as Schema]]
              : [];
  for (const [p, s] of inner) nodes(s, p, out);
  return out;
}

const WRONG = [undefined, null, 12345, -1e9, 1e12, 1.5, 0, '', 'x', 'not an address', 'x'.repeat(20_000), true, [], [1, 2], {}, { unknown: 1 }, new Array(500).fill('x')];

/** zod's English messages all look like one of these. */
const ZOD_WORDING = /^(Invalid|Too (small|big)|Unrecognized key|Number must|String must|Required$)|expected .*(received|to be|to have)|[<>]=/;

function messagesFor(schema: Schema): string[] {
  // A transform on its own expects what the schema before it let through, never raw input.
  if (def(schema).type === 'transform') return [];
  return WRONG.flatMap((value) => {
    const result = (schema as z.ZodType).safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  });
}

describe('field messages', () => {
  it('no procedure input answers with zod’s own wording', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: Schema[] } }>;
    const robotic: string[] = [];
    let checked = 0;
    for (const [name, procedure] of Object.entries(procedures)) {
      for (const input of procedure._def.inputs) {
        for (const node of nodes(input, '')) {
          for (const message of messagesFor(node.schema)) {
            checked++;
            if (ZOD_WORDING.test(message)) robotic.push(`${name}:${node.path || '(input)'} → ${message}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...new Set(robotic)]).toEqual([]);
  });

  it('the monitor form’s numbers say what to enter', () => {
    const result = monitorFieldsSchema.safeParse({ name: 'Home', kind: 'http', url: 'https://example.com/', failThreshold: 0, recoverThreshold: 11, p95TargetMs: 5, intervalSeconds: Number.NaN });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toMatchObject({
      failThreshold: 'At least 1 failed check.',
      recoverThreshold: 'At most 10 good checks in a row.',
      p95TargetMs: 'A target under 10 ms cannot be measured from outside.',
      intervalSeconds: 'Enter how often to check, in seconds.',
    });
  });

  it('a schema without messages of its own still speaks plainly', () => {
    const bare = z.object({ count: z.number().int().min(1).max(500), name: z.string().min(3).max(10), tags: z.array(z.string()).min(1), when: z.iso.date(), kind: z.enum(['a', 'b']) });
    const result = bare.safeParse({ count: 0, name: 'x'.repeat(11), tags: [], when: '31-12-2026', kind: 'c' });
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({
      count: 'Enter a number of 1 or more.',
      name: 'Keep this to 10 characters or fewer.',
      tags: 'Add at least one.',
      when: 'Use a date like 2026-12-31.',
      kind: 'Choose one of the options offered.',
    });
    expect(bare.safeParse({}).error!.issues.map((i) => i.message)).toEqual([...Array(4).fill('Fill this in.'), 'Choose one of the options offered.']);
    expect(humanMessage({ code: 'too_big', origin: 'number', maximum: 60_000, inclusive: true, input: 70_000 })).toBe('Enter a number of 60,000 or less.');
  });
});
