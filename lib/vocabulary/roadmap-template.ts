/**
 * Roadmap templates: the five seed playbooks (../shared/seeds) turned into typed data.
 *
 * Every template has exactly the seven canonical stages (STAGE_KEYS) in canonical order; each
 * playbook stage (or sprint day) is recorded as a `chapter` of the one canonical stage it maps
 * to. See docs/decisions/0002-roadmap-stages.md.
 *
 * Every line carries `sources` pointing back at the playbook units it rewrites, so
 * server/roadmap/traceability.test.ts can prove each playbook line is covered.
 */
import type { Maturity, ProductType, Segment, StageKey } from '@/lib/vocabulary/projects';
import type { CheckRole, ImpactArea, ItemKind, Severity } from './roadmap';

/**
 * seed = file name (e.g. '003_d01b7097144efd65.txt'); section = heading text as in the file
 * (e.g. 'Stage 4: Email trust setup > Checks', 'The Minimum Bar'); position = 1-based index of
 * the unit (bullet / numbered item / table row / paragraph) within that section, as listed by
 * test/roadmap/seed-outline.ts.
 */
export type SeedSource = { seed: string; section: string; position: number };

export type { ImpactArea, ItemKind, Severity };
export type AutomatedCheck =
  | 'dns'
  | 'redirects'
  | 'tls'
  | 'hsts'
  | 'security-headers'
  | 'cookies'
  | 'static-caching'
  | 'cdn'
  | 'spf'
  | 'dkim'
  | 'dmarc'
  | 'secrets'
  | 'cors'
  | 'rate-limit'
  | 'latency'
  | 'mixed-content'
  | 'open-endpoints'
  | 'error-pages'
  | 'exposed-paths'
  | 'chat'
  | 'payment-webhook'
  | 'monitors'
  | 'alerts'
  /** Settled by chatbot launch-check runs (server/chatbot), not by a check run. */
  | 'chatbot'
  /** Settled by the sign-in journey's success rate (server/journeys/checklist.ts), not by a check run. */
  | 'sign-in-journey';

export interface TemplateLine {
  /** Stable, kebab-case, unique within a template, e.g. 'audit.dns-records'. */
  key: string;
  /** Our wording, founder-facing. Facts and numbers from the playbook, never its sentences. */
  text: string;
  sources: SeedSource[];
}

/**
 * How far a passing check result goes for the item that names it (docs/decisions/0010):
 * `verifies` — the check tests what the item claims, so a pass may pass the item;
 * `supports` — the check tests part of it, so a pass shows the evidence and waits for a person
 * to confirm. A failing result fails the item either way.
 */
export type { CheckRole };

interface ItemBase extends TemplateLine {
  kind: ItemKind;
  detail?: string;
  severity: Severity;
  impact: ImpactArea;
}

/** An item that names a check must say whether the check verifies it or only supports it. */
export type ItemCheck =
  | { check?: undefined; checkRole?: undefined; checkGap?: undefined }
  | { check: AutomatedCheck; checkRole: 'verifies'; checkGap?: undefined }
  /** checkGap: what the check does not test, in the founder's words; shown beside its evidence. */
  | { check: AutomatedCheck; checkRole: 'supports'; checkGap: string };

export type TemplateItem = ItemBase & ItemCheck;

/** How the playbook numbers its own chapters: roadmap stages, or days of a sprint plan. */
export type ChapterUnit = 'stage' | 'day';

export interface TemplateChapter {
  /** The playbook's own number for the stage / day (1-based). */
  number: number;
  /** The playbook's own title, without the "Stage 4:" / "Day 4:" prefix. */
  title: string;
  sources: SeedSource[];
}

export interface TemplateStage {
  key: StageKey;
  goal: string;
  goalSources: SeedSource[];
  /**
   * Playbook stages / days whose home is this canonical stage (0, 1 or several). Each playbook
   * chapter is the chapter of exactly one canonical stage; individual items may still be drawn
   * from other chapters (their `sources` say where).
   */
  chapters: TemplateChapter[];
  items: TemplateItem[];
  failureSignals: TemplateLine[];
}

export interface Targets {
  commonReadP95Ms: number;
  heavyActionP95Ms?: number;
  /** p95 time until a chat reply starts streaming, model latency excluded (seed 001). */
  chatStartP95Ms?: number;
  /** p95 time for a complete chatbot reply, model time included (seed 003). */
  chatResponseP95Ms?: number;
  uptimePercent?: number;
  loginSuccessPercent?: number;
  notes: TemplateLine[];
}

export interface RescueSprintDay {
  day: number;
  title: string;
  lines: TemplateLine[];
}

export interface RescuePlan {
  productionRisks: TemplateLine[];
  sprintDays: RescueSprintDay[];
  handoverDeliverables: TemplateLine[];
  whenNotToBuy: TemplateLine[];
  decisionChecklist: {
    questions: TemplateLine[];
    /** Founder answers yes/no; `noAnswersForAuditFirst` or more "no" answers → audit first. */
    rule: { noAnswersForAuditFirst: number; text: string; sources: SeedSource[] };
  };
}

export interface RoadmapTemplate {
  id: string;
  version: number;
  name: string;
  summary: string;
  seed: string;
  match: { productTypes: ProductType[]; segment: Segment; maturity: Maturity };
  /** How the playbook numbers its chapters and how many it has ("Stage 4 of 7", "Day 2 of 7"). */
  chapterUnit: ChapterUnit;
  chapterCount: number;
  /** Why this roadmap matters for this kind of product: the playbook's framing, in our words. */
  context: TemplateLine[];
  targets: Targets;
  minimumBar: TemplateLine[];
  stages: TemplateStage[];
  automate: TemplateLine[];
  dontOverbuild: TemplateLine[];
  sprintMapping: TemplateLine[];
  rescue?: RescuePlan;
}
