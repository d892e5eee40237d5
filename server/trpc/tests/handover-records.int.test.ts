/**
 * Observability and handover records: escalation contacts with exactly one fallback, the incident
 * note template, known limitations, improvements ranked by business value, weekly checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@/test/harness';
import { refusal } from '@/test/trpc/expect-refusal';
import { fieldErrorsOf, recordsProject } from '@/test/trpc/records-fixtures';

let app: TestApp;
let world: Awaited<ReturnType<typeof recordsProject>>;
const handover = () => app.caller(world.founder).handover;
const projectId = () => world.projectId;

beforeAll(async () => {
  app = await createTestApp();
  world = await recordsProject(app);
});
afterAll(() => app.close());

describe('escalation contacts', () => {
  it('are called in order, can be moved, and close the gap when one is removed', async () => {
    const dana = await handover().addContact({ projectId: projectId(), name: 'Dana Okafor', role: 'Consultant', email: 'dana@example.test' });
    const sam = await handover().addContact({ projectId: projectId(), name: 'Sam Reyes', phone: '+44 20 7946 0001' });
    const priya = await handover().addContact({ projectId: projectId(), name: 'Priya Shah', email: 'priya@example.test', isFallback: true });
    const names = async () => (await handover().contacts({ projectId: projectId() })).contacts.map((c) => `${c.escalationOrder} ${c.name}${c.isFallback ? ' (fallback)' : ''}`);
    expect(await names()).toEqual(['1 Dana Okafor', '2 Sam Reyes', '3 Priya Shah (fallback)']);

    await handover().moveContact({ projectId: projectId(), contactId: priya.id, direction: 'up' });
    await handover().moveContact({ projectId: projectId(), contactId: dana.id, direction: 'up' }); // already first: no change
    expect(await names()).toEqual(['1 Dana Okafor', '2 Priya Shah (fallback)', '3 Sam Reyes']);

    await handover().updateContact({ projectId: projectId(), contactId: sam.id, name: 'Sam Reyes', role: 'Client developer', phone: '+44 20 7946 0001' });
    await handover().removeContact({ projectId: projectId(), contactId: dana.id });
    expect(await names()).toEqual(['1 Priya Shah (fallback)', '2 Sam Reyes']);
    expect((await handover().contacts({ projectId: projectId() })).fallback?.name).toBe('Priya Shah');

    const unreachable = await refusal(handover().addContact({ projectId: projectId(), name: 'Nobody' }));
    expect(fieldErrorsOf(unreachable).email).toMatch(/email address or a phone number/);
  });

  it('allow exactly one fallback: a second is refused, “make fallback” moves the mark', async () => {
    const { contacts } = await handover().contacts({ projectId: projectId() });
    const sam = contacts.find((c) => c.name === 'Sam Reyes')!;

    const second = await refusal(handover().addContact({ projectId: projectId(), name: 'Alex Kim', email: 'alex@example.test', isFallback: true }));
    expect(fieldErrorsOf(second).isFallback).toMatch(/Priya Shah is already the fallback/);
    const viaEdit = await refusal(handover().updateContact({ projectId: projectId(), contactId: sam.id, name: 'Sam Reyes', phone: '+44 20 7946 0001', isFallback: true }));
    expect(fieldErrorsOf(viaEdit).isFallback).toMatch(/only one/);
    expect((await handover().contacts({ projectId: projectId() })).contacts).toHaveLength(2);

    await handover().setFallbackContact({ projectId: projectId(), contactId: sam.id });
    const after = (await handover().contacts({ projectId: projectId() })).contacts;
    expect(after.filter((c) => c.isFallback).map((c) => c.name)).toEqual(['Sam Reyes']);
    const activity = await app.caller(world.founder).roadmap.activity({ projectId: projectId(), limit: 1 });
    expect(activity[0]!.summary).toBe('made “Sam Reyes” the fallback contact instead of “Priya Shah”');

    // Two people marking different new fallbacks at the same moment: one wins, never both.
    await handover().updateContact({ projectId: projectId(), contactId: sam.id, name: 'Sam Reyes', phone: '+44 20 7946 0001', isFallback: false });
    const results = await Promise.allSettled([
      handover().addContact({ projectId: projectId(), name: 'Ana', email: 'ana@example.test', isFallback: true }),
      app.caller(world.member).handover.addContact({ projectId: projectId(), name: 'Ben', email: 'ben@example.test', isFallback: true }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await handover().contacts({ projectId: projectId() })).contacts.filter((c) => c.isFallback)).toHaveLength(1);
  });
});

describe('incident note template', () => {
  it('offers a default with every heading until the project saves its own', async () => {
    const observability = app.caller(world.founder).observability;
    let docs = await observability.documents({ projectId: projectId() });
    expect(docs.incident_template.body).toBeNull();
    for (const heading of ['Start', 'End', 'Duration', 'Cause', 'Impact', 'Actions', 'Follow-ups']) expect(docs.incident_template.starter).toContain(heading);

    await observability.saveDocument({ projectId: projectId(), kind: 'incident_template', body: `${docs.incident_template.starter}\n\nStatus page: update it first.` });
    docs = await observability.documents({ projectId: projectId() });
    expect(docs.incident_template.body).toContain('Status page: update it first.');
    expect((await refusal(app.caller(world.viewer).observability.saveDocument({ projectId: projectId(), kind: 'incident_template', body: 'x' }))).code).toBe('FORBIDDEN');
  });
});

describe('handover entries', () => {
  it('rank improvements by business value and keep limitations in the order written', async () => {
    for (const [title, businessValue] of [
      ['Dark mode', 1],
      ['Add a second person who can deploy', 5],
      ['Cache the client dashboard', 3],
      ['Self-serve refunds', 3],
    ] as const) {
      await handover().addEntry({ projectId: projectId(), kind: 'improvement', title, businessValue });
    }
    await handover().addEntry({ projectId: projectId(), kind: 'known_limitation', title: 'Search is slow above 10,000 notes' });
    const only = await handover().addEntry({ projectId: projectId(), kind: 'known_limitation', title: 'Only one admin account', detail: 'Second admin planned.' });

    let entries = await handover().entries({ projectId: projectId() });
    expect(entries.improvements.map((e) => `${e.businessValue} ${e.title}`)).toEqual([
      '5 Add a second person who can deploy',
      '3 Cache the client dashboard',
      '3 Self-serve refunds',
      '1 Dark mode',
    ]);
    expect(entries.limitations.map((e) => e.title)).toEqual(['Search is slow above 10,000 notes', 'Only one admin account']);

    const unrated = await refusal(handover().addEntry({ projectId: projectId(), kind: 'improvement', title: 'Faster search' }));
    expect(fieldErrorsOf(unrated).businessValue).toMatch(/from 1 \(nice to have\) to 5/);
    const outOfRange = await refusal(handover().addEntry({ projectId: projectId(), kind: 'improvement', title: 'Faster search', businessValue: 9 }));
    expect(fieldErrorsOf(outOfRange).businessValue).toMatch(/1 to 5/);

    // A limitation that becomes an improvement joins the ranking.
    await handover().updateEntry({ projectId: projectId(), entryId: only.id, kind: 'improvement', title: 'Add a second admin account', businessValue: 4 });
    entries = await handover().entries({ projectId: projectId() });
    expect(entries.improvements.map((e) => e.title).slice(0, 2)).toEqual(['Add a second person who can deploy', 'Add a second admin account']);
    expect(entries.limitations).toHaveLength(1);

    await handover().removeEntry({ projectId: projectId(), entryId: only.id });
    expect((await handover().entries({ projectId: projectId() })).improvements).toHaveLength(4);
  });

  it('suggest weekly checks from the playbook, added on request and editable after', async () => {
    let entries = await handover().entries({ projectId: projectId() });
    expect(entries.weeklyChecks).toEqual([]);
    const suggestions = entries.weeklySuggestions;
    // The coach dashboard playbook: 500 ms reads and 99 % sign-in success.
    expect(suggestions[0]!.detail).toContain('p95 under 500 ms for common reads');
    expect(suggestions.map((s) => s.key)).toContain('login-success');

    await handover().addWeeklySuggestions({ projectId: projectId(), keys: ['health-panel', 'login-success', 'not-a-suggestion'] });
    entries = await handover().entries({ projectId: projectId() });
    expect(entries.weeklyChecks.map((e) => e.title)).toEqual([suggestions[0]!.title, suggestions.find((s) => s.key === 'login-success')!.title]);
    expect(entries.weeklySuggestions.map((s) => s.key)).not.toContain('health-panel');
    const again = await refusal(handover().addWeeklySuggestions({ projectId: projectId(), keys: ['health-panel'] }));
    expect(fieldErrorsOf(again).keys).toMatch(/already on your weekly checklist/);

    const check = entries.weeklyChecks[0]!;
    await handover().updateEntry({ projectId: projectId(), entryId: check.id, kind: 'weekly_check', title: 'Monday: look at the 7-day panel', detail: 'Uptime, errors, p95.' });
    await handover().addEntry({ projectId: projectId(), kind: 'weekly_check', title: 'Confirm last night’s backup exists' });
    entries = await handover().entries({ projectId: projectId() });
    expect(entries.weeklyChecks.map((e) => e.title)).toEqual(['Monday: look at the 7-day panel', expect.stringMatching(/sign-ins succeed/), 'Confirm last night’s backup exists']);
    // An edited suggestion no longer matches by title, so it is offered again.
    expect(entries.weeklySuggestions.map((s) => s.key)).toContain('health-panel');
  });

  it('refuse secrets in entries and contacts, and edits by clients and outsiders', async () => {
    const token = ['ghp', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('_');
    const pasted = await refusal(handover().addEntry({ projectId: projectId(), kind: 'known_limitation', title: 'Deploy token', detail: `Use ${token}` }));
    expect(fieldErrorsOf(pasted).detail).toMatch(/looks like a GitHub token/);
    const inNotes = await refusal(handover().addContact({ projectId: projectId(), name: 'Ops', email: 'ops@example.test', notes: `pager token ${token}` }));
    expect(fieldErrorsOf(inNotes).notes).toMatch(/GitHub token/);

    const { contacts } = await handover().contacts({ projectId: projectId() });
    const collaborator = app.caller(world.collaborator).handover;
    expect((await collaborator.entries({ projectId: projectId() })).improvements.length).toBeGreaterThan(0);
    expect((await refusal(collaborator.addEntry({ projectId: projectId(), kind: 'known_limitation', title: 'x' }))).code).toBe('FORBIDDEN');
    expect((await refusal(collaborator.setFallbackContact({ projectId: projectId(), contactId: contacts[0]!.id }))).code).toBe('FORBIDDEN');
    const outsider = app.caller(world.outsider).handover;
    expect((await refusal(outsider.contacts({ projectId: projectId() }))).code).toBe('NOT_FOUND');
    expect((await refusal(outsider.removeContact({ projectId: projectId(), contactId: contacts[0]!.id }))).code).toBe('NOT_FOUND');
  });
});
