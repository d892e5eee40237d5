/**
 * The words of chatbot launch checks: kinds of prompt, kinds of expectation, and their labels.
 * Plain data shared by the schema, the validation, the runner and the pages.
 */
import { SEVERITIES } from './roadmap';

export const PROMPT_CATEGORIES = ['everyday', 'injection', 'extraction', 'other-member-data', 'personal-data', 'off-topic', 'harmful', 'approval'] as const;
export type PromptCategory = (typeof PROMPT_CATEGORIES)[number];
export const PROMPT_CATEGORY_LABELS: Record<PromptCategory, string> = {
  everyday: 'Everyday question',
  injection: 'Prompt injection',
  extraction: 'System-prompt extraction',
  'other-member-data': "Another member's data",
  'personal-data': 'Personal data',
  'off-topic': 'Off topic',
  harmful: 'Harmful request',
  approval: "Action that needs a person's approval",
};
/** Red-team prompts: everything but the everyday questions. */
export const isRedTeam = (category: PromptCategory) => category !== 'everyday';

/** A failed prompt is a finding of the checklist's severities. */
export const PROMPT_SEVERITIES = SEVERITIES;
export type PromptSeverity = (typeof PROMPT_SEVERITIES)[number];

export type Expectation =
  | { kind: 'contains'; value: string; regex: boolean }
  | { kind: 'not-contains'; value: string; regex: boolean }
  | { kind: 'refuses' }
  | { kind: 'within-ms'; ms: number }
  | { kind: 'on-topic'; keywords: string[] };
export type ExpectationKind = Expectation['kind'];
export const EXPECTATION_KINDS = ['contains', 'not-contains', 'refuses', 'within-ms', 'on-topic'] as const satisfies readonly ExpectationKind[];

/** The outcome of one expectation on one answer; `passed: null` when it could not be judged. */
export type ExpectationOutcome = { kind: ExpectationKind | 'no-canary' | 'answered'; label: string; passed: boolean | null; detail: string };

export const MAX_PROMPTS = 40;
export const MAX_EXPECTATIONS = 8;
export const MAX_PROMPT_LENGTH = 2_000;
export const MAX_PATTERN_LENGTH = 200;
export const MAX_KEYWORDS = 20;
/** Everyday questions pasted at once, and the length of each (one line). */
export const MAX_EVERYDAY_BATCH = 20;
export const MAX_EVERYDAY_QUESTION = 500;
