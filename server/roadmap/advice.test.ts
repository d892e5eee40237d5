import { describe, expect, it } from 'vitest';
import { TEMPLATES } from './templates';
import { adviceStage, rescueDays, stageAdvice } from './advice';

describe('the playbook advice, placed on stages', () => {
  it('places every "automate" and "don\'t overbuild" line of every playbook on a stage', () => {
    for (const template of TEMPLATES) {
      for (const line of [...template.automate, ...template.dontOverbuild]) expect([template.id, line.key, adviceStage(line.key)]).not.toContain(null);
    }
    expect(adviceStage('automate.uptime')).toBe('observability');
    expect(adviceStage('overbuild.kubernetes')).toBe('deployment');
    expect(adviceStage('overbuild.something-new')).toBeNull();
  });

  it('gives each stage only its own lines', () => {
    const template = TEMPLATES[0]!;
    const observability = stageAdvice(template, 'observability');
    expect(observability.automate.map((l) => l.key)).toContain('automate.uptime-alerts');
    expect(observability.automate.every((l) => adviceStage(l.key) === 'observability')).toBe(true);
  });

  it('lists the rescue days in order, dated from the project start, each on the stage that holds it', () => {
    const rescue = TEMPLATES.find((t) => t.rescue)!;
    const stages = rescue.stages.map((s) => ({ key: s.key, chapters: s.chapters }));
    const plan = rescueDays(rescue, stages, new Date('2026-12-01T15:30:00Z'))!;
    expect(plan.days.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(plan.days.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
    expect(plan.days.find((d) => d.day === 5)!.stageKey).toBe('deployment');
    expect(plan.days.find((d) => d.day === 3)!.stageKey).toBe('performance');
    expect(plan.whenNotToBuy.length).toBeGreaterThan(0);
    expect(rescueDays(TEMPLATES.find((t) => !t.rescue)!, stages, new Date())).toBeNull();
  });
});
