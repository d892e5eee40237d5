import { describe, expect, it } from 'vitest';
import { checkDeclarationProblems } from './check-roles';
import { TEMPLATES } from './templates';
import type { RoadmapTemplate, TemplateItem } from '@/lib/vocabulary/roadmap-template';

const withCheck = (t: RoadmapTemplate) => t.stages.flatMap((s) => s.items).filter((i) => i.check !== undefined);

describe('every template item that names a check declares whether it verifies or supports the item', () => {
  it('covers all five playbooks', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['membership-growth', 'membership-chatbot-prototype', 'coach-dashboard-prototype', 'coach-chatbot-launch', 'membership-rescue']);
  });

  for (const template of TEMPLATES) {
    it(`${template.id}: every item with a check has a declaration`, () => {
      expect(withCheck(template).length).toBeGreaterThan(0);
      expect(checkDeclarationProblems(template)).toEqual([]);
      for (const item of withCheck(template)) {
        expect(['verifies', 'supports'], item.key).toContain(item.checkRole);
        if (item.checkRole === 'supports') expect(item.checkGap?.length, item.key).toBeGreaterThan(20);
      }
    });
  }

  it('the monitoring pseudo-checks are declared too', () => {
    const pseudo = TEMPLATES.flatMap(withCheck).filter((i) => i.check === 'monitors' || i.check === 'alerts');
    expect(pseudo.length).toBeGreaterThanOrEqual(10);
    expect(pseudo.every((i) => i.checkRole !== undefined)).toBe(true);
  });

  it('the examples of checks that do not test their item are declared as supporting only', () => {
    const role = (templateId: string, key: string) =>
      TEMPLATES.find((t) => t.id === templateId)!
        .stages.flatMap((s) => s.items)
        .find((i) => i.key === key)!.checkRole;
    expect(role('membership-chatbot-prototype', 'perimeter.rate-limits')).toBe('supports'); // chat, signup, reset vs a sign-in probe
    expect(role('membership-chatbot-prototype', 'observability.alert-thresholds')).toBe('supports'); // error spikes vs "a channel exists"
    expect(role('membership-rescue', 'observability.sentry-alerts')).toBe('supports');
    expect(role('coach-chatbot-launch', 'observability.uptime')).toBe('supports'); // chat routes without a chat monitor
    expect(role('coach-chatbot-launch', 'deployment.rotate-exposed')).toBe('supports'); // "nothing visible now" is not rotation
    expect(role('membership-growth', 'routing.no-error-leaks')).toBe('supports'); // a few provoked errors, not every error path
    expect(role('membership-rescue', 'audit.auth-and-endpoints')).toBe('supports'); // anonymous GETs, not member-to-member access
  });

  it('fails for an item that names a check without a declaration, or a declaration without a check', () => {
    const [first] = TEMPLATES;
    const undeclared = { key: 'perimeter.new-thing', kind: 'check', text: 'A new thing.', severity: 'high', impact: 'security', sources: [], check: 'cors' } as unknown as TemplateItem;
    const stray = { key: 'perimeter.stray', kind: 'check', text: 'Stray.', severity: 'low', impact: 'security', sources: [], checkRole: 'verifies' } as unknown as TemplateItem;
    const gapless = { key: 'perimeter.gapless', kind: 'check', text: 'Gapless.', severity: 'low', impact: 'security', sources: [], check: 'dns', checkRole: 'supports' } as unknown as TemplateItem;
    const doctored: RoadmapTemplate = {
      ...first!,
      stages: first!.stages.map((s) => (s.key === 'perimeter' ? { ...s, items: [...s.items, undeclared, stray, gapless] } : s)),
    };
    const problems = checkDeclarationProblems(doctored);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/perimeter\.new-thing: names the cors check but does not declare/);
    expect(problems[1]).toMatch(/perimeter\.stray: declares checkRole but names no check/);
    expect(problems[2]).toMatch(/perimeter\.gapless: .*checkGap/);
  });

  it('the type refuses an item that names a check without a declaration', () => {
    // @ts-expect-error — `checkRole` is required once `check` is set (tsc --noEmit proves this line).
    const item: TemplateItem = { key: 'audit.x', kind: 'check', text: 'x', severity: 'low', impact: 'security', sources: [], check: 'dns' };
    // @ts-expect-error — a supporting check must say what it does not test.
    const gapless: TemplateItem = { key: 'audit.y', kind: 'check', text: 'y', severity: 'low', impact: 'security', sources: [], check: 'dns', checkRole: 'supports' };
    expect(checkDeclarationProblems({ ...TEMPLATES[0]!, stages: TEMPLATES[0]!.stages.map((s) => (s.key === 'audit' ? { ...s, items: [item, gapless] } : s)) })).toHaveLength(2);
  });
});
