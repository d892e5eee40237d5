/**
 * The playbook's own advice, placed where it helps: "what I would automate" and "don't overbuild"
 * on the stage each line is about, and the rescue sprint's days in order, dated from the
 * project's start. The playbooks list these lines for the whole roadmap; which stage a line
 * belongs to is decided here by its key (every key of every template is classified — a test
 * fails on a new one), and lines of principle go to the quick audit, where scope is set.
 */
import type { StageKey } from '@/lib/vocabulary/projects';
import type { RoadmapSnapshot } from '@/db/schema';
import type { TemplateChapter, TemplateLine } from '@/lib/vocabulary/roadmap-template';

const STAGE_OF_TOPIC: Record<string, StageKey> = {
  // Principles: read when scope is decided.
  principle: 'audit',
  'week-one': 'audit',
  'trust-plus-speed': 'audit',
  'thirty-day-rule': 'audit',
  'features-before-safety': 'audit',
  // Domains, DNS and certificates.
  dns: 'routing',
  'cert-expiry': 'routing',
  // Mail trust, access and abuse.
  'seed-inbox': 'perimeter',
  'email-test-send': 'perimeter',
  'email-dns': 'perimeter',
  'email-alignment': 'perimeter',
  'rate-limit-tests': 'perimeter',
  'custom-auth': 'perimeter',
  'role-access': 'perimeter',
  'reset-flow': 'perimeter',
  'ai-moderation': 'perimeter',
  // Shipping: CI, secrets, tests, architecture.
  ci: 'deployment',
  'env-vars': 'deployment',
  'secret-scan': 'deployment',
  'smoke-tests': 'deployment',
  'small-real-tests': 'deployment',
  'webhook-replay': 'deployment',
  'ai-evals': 'deployment',
  'ai-eval': 'deployment',
  'ai-orchestration': 'deployment',
  microservices: 'deployment',
  kubernetes: 'deployment',
  'multi-region': 'deployment',
  'series-a-infra': 'deployment',
  'heavy-infrastructure': 'deployment',
  'clean-monolith': 'deployment',
  'perfect-schema': 'deployment',
  // Speed.
  'endpoint-timing': 'performance',
  'query-timing': 'performance',
  'cache-invalidation': 'performance',
  'fancy-caching': 'performance',
  'custom-cache': 'performance',
  'cache-tuning': 'performance',
  'tuning-everywhere': 'performance',
  'load-testing': 'performance',
  queues: 'performance',
  // Seeing failures.
  uptime: 'observability',
  'uptime-alerts': 'observability',
  'error-summaries': 'observability',
  dashboard: 'observability',
  'seven-day-dashboard': 'observability',
  'observability-stack': 'observability',
  analytics: 'observability',
  // Running it afterwards.
  'admin-panels': 'handover',
  'admin-polish': 'handover',
};

/** The stage an "automate" or "don't overbuild" line is about; null for a key nobody classified. */
export function adviceStage(key: string): StageKey | null {
  return STAGE_OF_TOPIC[key.slice(key.indexOf('.') + 1)] ?? null;
}

const text = (lines: readonly TemplateLine[]) => lines.map((l) => ({ key: l.key, text: l.text }));

export function stageAdvice(snapshot: Pick<RoadmapSnapshot, 'automate' | 'dontOverbuild'>, stageKey: StageKey) {
  return {
    automate: text(snapshot.automate.filter((l) => adviceStage(l.key) === stageKey)),
    dontOverbuild: text(snapshot.dontOverbuild.filter((l) => adviceStage(l.key) === stageKey)),
  };
}

const DAY = 86_400_000;

/** A rescue sprint day by day, in the playbook's order, each dated from the start and placed on its stage. */
export function rescueDays(snapshot: Pick<RoadmapSnapshot, 'rescue'>, stages: readonly { key: StageKey; chapters: readonly Pick<TemplateChapter, 'number'>[] }[], start: Date) {
  if (!snapshot.rescue) return null;
  const first = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  const days = [...snapshot.rescue.sprintDays]
    .sort((a, b) => a.day - b.day)
    .map((d) => ({
      day: d.day,
      title: d.title,
      date: new Date(first + (d.day - 1) * DAY).toISOString().slice(0, 10),
      stageKey: stages.find((s) => s.chapters.some((c) => c.number === d.day))?.key ?? null,
      lines: text(d.lines),
    }));
  return { days, whenNotToBuy: text(snapshot.rescue.whenNotToBuy) };
}
