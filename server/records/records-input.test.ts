import { describe, expect, it } from 'vitest';
import { TEMPLATES, getTemplate } from '@/server/roadmap/templates';
import { findSecretValue } from './secret-values';
import { envVarFieldsSchema } from './env-var-input';
import { contactFieldsSchema } from './contacts';
import { entryFieldsSchema, rankImprovements } from './handover-entries';
import { DEFAULT_INCIDENT_TEMPLATE, DOCUMENT_PROMPTS } from './documents';
import { STANDARD_RELEASE_STEPS } from './release-steps';
import { weeklySuggestions } from './weekly-suggestions';

const stripe = ['sk', 'live', '51HxQz8Kp2Lm9Nv4Rt7Wy3Bc'].join('_');
const firstMessage = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  result.error?.issues.find((i) => i.path.join('.') === field)?.message;

describe('env-var entries', () => {
  it('accepts a name with facts about the value', () => {
    const parsed = envVarFieldsSchema.parse({ name: 'STRIPE_SECRET_KEY', environments: ['production', 'production'], purpose: 'Charges', storedIn: 'Vercel', lastRotatedOn: '' });
    expect(parsed).toMatchObject({ name: 'STRIPE_SECRET_KEY', environments: ['production'], isSecret: true, lastRotatedOn: null, ownerName: null });
  });

  it('refuses a pasted value in the name, saying what it looks like and never repeating it', () => {
    const result = envVarFieldsSchema.safeParse({ name: `STRIPE_SECRET_KEY=${stripe}` });
    const message = firstMessage(result, 'name');
    expect(message).toMatch(/looks like a Stripe secret key/);
    expect(message).not.toContain(stripe);
    expect(JSON.stringify(result.error)).not.toContain(stripe);
  });

  it('refuses NAME=value even when the value is harmless, and names that are not names', () => {
    expect(firstMessage(envVarFieldsSchema.safeParse({ name: 'NODE_ENV=production' }), 'name')).toMatch(/remove “=”/);
    expect(firstMessage(envVarFieldsSchema.safeParse({ name: 'my var' }), 'name')).toMatch(/letters, digits and underscores/);
  });

  it('refuses token-looking strings in purpose and stored-in', () => {
    expect(firstMessage(envVarFieldsSchema.safeParse({ name: 'X', purpose: `key ${stripe}` }), 'purpose')).toMatch(/Never paste secret values/);
    expect(firstMessage(envVarFieldsSchema.safeParse({ name: 'X', storedIn: 'postgres://app:s3cretPass@db/app' }), 'storedIn')).toMatch(/password inside a link/);
  });

  it('refuses rotation dates in the future', () => {
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    expect(firstMessage(envVarFieldsSchema.safeParse({ name: 'X', lastRotatedOn: nextYear }), 'lastRotatedOn')).toMatch(/future/);
    expect(firstMessage(envVarFieldsSchema.safeParse({ name: 'X', lastRotatedOn: '2999-01-01' }), 'lastRotatedOn')).toMatch(/between the years 2000 and 2100/);
  });
});

describe('contacts and entries', () => {
  it('needs a way to reach a contact', () => {
    expect(firstMessage(contactFieldsSchema.safeParse({ name: 'Sam' }), 'email')).toMatch(/email address or a phone number/);
    expect(contactFieldsSchema.parse({ name: 'Sam', phone: '+44 20 7946 0001' }).isFallback).toBe(false);
  });

  it('rates improvements only, and ranks them by business value', () => {
    expect(firstMessage(entryFieldsSchema.safeParse({ kind: 'improvement', title: 'Cache the feed' }), 'businessValue')).toMatch(/1 \(nice to have\) to 5/);
    expect(entryFieldsSchema.parse({ kind: 'weekly_check', title: 'Backups', businessValue: 4 }).businessValue).toBeNull();
    const ranked = rankImprovements([
      { title: 'a', businessValue: 2, position: 0 },
      { title: 'b', businessValue: 5, position: 1 },
      { title: 'c', businessValue: 2, position: 2 },
      { title: 'd', businessValue: 4, position: 3 },
    ]);
    expect(ranked.map((r) => r.title)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('defaults and suggestions', () => {
  it('never trip the secret check themselves', () => {
    const texts = [DEFAULT_INCIDENT_TEMPLATE, ...Object.values(DOCUMENT_PROMPTS), ...STANDARD_RELEASE_STEPS.map((s) => s.title)];
    for (const template of TEMPLATES) for (const s of weeklySuggestions(template, ['Members report outages first.'])) texts.push(s.title, s.detail);
    expect(texts.filter((t) => findSecretValue(t) !== null)).toEqual([]);
  });

  it('the incident template covers start, end, duration, cause, impact, actions and follow-ups', () => {
    for (const heading of ['Start', 'End', 'Duration', 'Cause', 'Impact', 'Actions', 'Follow-ups']) expect(DEFAULT_INCIDENT_TEMPLATE).toContain(heading);
  });

  it('weekly checks follow the playbook: its targets, and only the checks that apply', () => {
    for (const template of TEMPLATES) {
      const list = weeklySuggestions(template);
      expect(new Set(list.map((s) => s.key)).size).toBe(list.length);
      expect(list.length).toBeGreaterThanOrEqual(4);
      expect(list[0]!.detail).toContain(`${template.targets.commonReadP95Ms} ms`);
    }
    const keys = (id: string) => weeklySuggestions(getTemplate(id)!).map((s) => s.key);
    expect(keys('coach-dashboard-prototype')).toContain('login-success');
    expect(keys('membership-growth')).not.toContain('login-success');
    expect(keys('coach-chatbot-launch')).toContain('chat-latency');
    expect(keys('membership-rescue')).toContain('payments');
    expect(weeklySuggestions(getTemplate('membership-growth')!, ['You hear about failures from a member first.'])[0]!.detail).toContain('Warning sign: You hear about failures');
  });
});
