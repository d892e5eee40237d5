/**
 * The handover pack as data: everything a founder needs to run the product, assembled from a
 * project by `buildHandoverDocument()` and rendered to PDF and Markdown from this one model.
 * Sections fed by automated measurement carry a `Measured<T>`: either data, or an honest note
 * saying it has not been measured yet and where to set it up.
 */
import type { StageKey } from '@/lib/vocabulary/projects';
import type { ItemStatus } from '@/server/roadmap/assessment-types';
import type { Verdict } from '@/server/roadmap/recommendation';
import type { RiskState } from '@/server/roadmap/risks';
import type { ImpactArea, Severity } from '@/lib/vocabulary/roadmap-template';

export type Measured<T> = { state: 'measured'; measuredAt: string | null; data: T } | { state: 'not-measured'; note: string };

/** What the checklist says about a topic, alongside (or instead of) automated measurement. */
export type ChecklistSignal = { title: string; stage: string; status: ItemStatus; evidence: string[] };

/** The latest automated check result for one check id, in plain words. */
export type CheckSignal = { check: string; status: 'pass' | 'warn' | 'fail' | 'error' | 'skipped'; checkedAt: string; findings: string[] };

export type Cover = {
  projectName: string;
  workspaceName: string;
  primaryDomain: string;
  productionUrl: string | null;
  playbook: string | null;
  preparedBy: string;
  date: string;
  verdict: Verdict;
  verdictReasons: string[];
  decision: { decision: 'go' | 'no_go'; reason: string; decidedAt: string; decidedBy: string | null } | null;
  readinessScore: number | null;
  readinessSummary: string;
};

export type StageItem = {
  title: string;
  severity: Severity;
  status: ItemStatus;
  owner: string | null;
  dueDate: string | null;
  evidence: string[];
  notes: string | null;
  notApplicableReason: string | null;
};

export type StageSection = {
  key: StageKey;
  label: string;
  goal: string;
  progress: number;
  readinessScore: number | null;
  counts: { passed: number; failed: number; open: number; notApplicable: number };
  items: StageItem[];
};

export type DomainSection = {
  primaryDomain: string;
  canonicalUrl: string;
  redirects: { from: string; to: string }[];
  subdomains: string[];
  environments: { name: string; url: string | null }[];
  endpoints: { label: string; method: string; url: string }[];
  checks: Measured<CheckSignal[]>;
  checklist: ChecklistSignal[];
};

export type TlsCertificate = { host: string; expiresOn: string | null; daysLeft: number | null; status: string };
export type TlsSection = { certificates: Measured<TlsCertificate[]>; checklist: ChecklistSignal[] };

export type EmailAuthSection = {
  mailDomain: string | null;
  dkimSelectors: string[];
  checks: Measured<CheckSignal[]>;
  checklist: ChecklistSignal[];
};

export type SecuritySection = { checks: Measured<CheckSignal[]>; checklist: ChecklistSignal[] };

export type EnvVarRow = {
  name: string;
  environments: string[];
  owner: string | null;
  purpose: string | null;
  storedIn: string | null;
  isSecret: boolean;
  lastRotatedOn: string | null;
};

export type SecretsSection = {
  locations: { storedIn: string; names: string[] }[];
  rotation: { name: string; storedIn: string | null; lastRotatedOn: string | null; due: boolean }[];
  steps: string[];
};

export type RunbookSection = {
  deployment: string | null;
  rollback: string | null;
  incidentTemplate: string | null;
  releaseSteps: { phase: string; title: string; done: boolean }[];
};

export type DailyPoint = { date: string; uptimePercent: number | null; errorRatePercent: number | null; p95Ms: number | null };

export type MonitorSummary = {
  name: string;
  url: string;
  kind: string;
  state: string;
  /** 7 days, by the one uptime definition (server/monitoring/uptime.ts). */
  uptimePercent: number | null;
  errorRatePercent: number | null;
  checks: number;
  failures: number;
  p95Ms: number | null;
  /** The monitor's own p95 target (server/targets); null for certificate monitors. */
  p95TargetMs: number | null;
  /** The kind of endpoint the target is for, e.g. "heavier actions". */
  targetKind: string | null;
  /** Where the number came from, e.g. "the playbook's p95 for heavier actions", "set by hand on this monitor". */
  targetFrom: string | null;
  days: DailyPoint[];
};

export type AlertRouting = {
  channels: { kind: string; name: string; destination: string | null }[];
  fallbackEmail: string | null;
  fallbackContact: { name: string; role: string | null; email: string | null; phone: string | null } | null;
};

/** A sign-in or API journey with its success rates (server/journeys); failure reasons were masked when the run was written. */
export type JourneyPackRow = {
  name: string;
  kind: string;
  steps: number;
  state: string;
  /** 7 days and 24 hours: runs that passed ÷ runs that ran. */
  successPercent7d: number | null;
  runs7d: number;
  passed7d: number;
  successPercent24h: number | null;
  target: string;
  meetsTarget: boolean | null;
  lastFailure: string | null;
};

export type MonitoringSection = { monitors: Measured<MonitorSummary[]>; alerts: AlertRouting; journeys: JourneyPackRow[] };

/** Chatbot launch checks: the prompt set, the last run, what people accepted (server/handover/sources/chatbot.ts). */
export type ChatbotPack = {
  promptSetVersion: number;
  schedule: string;
  prompts: { title: string; kind: string; severity: Severity; expectations: string[] }[];
  lastRun: { at: string; by: string; passed: number; failed: number; total: number; p95TotalMs: number | null; results: { title: string; status: 'pass' | 'fail' | 'error'; review: 'reviewed' | 'accepted' | null }[] } | null;
  accepted: { title: string; reason: string; by: string; at: string }[];
};

export type Incident = { monitor: string; startedAt: string; endedAt: string | null; cause: string; notes: string | null; minutes: number | null };

export type RiskRow = {
  rank: number;
  title: string;
  detail: string | null;
  severity: Severity;
  impact: ImpactArea;
  state: RiskState;
  owner: string | null;
  deadline: string | null;
  stage: string | null;
};

export type EntryRow = { title: string; detail: string | null; businessValue: number | null };

export type ContactRow = { order: number; name: string; role: string | null; email: string | null; phone: string | null; isFallback: boolean; notes: string | null };

export type HandoverDocument = {
  generatedAt: string;
  cover: Cover;
  summary: string[];
  stages: StageSection[];
  domains: DomainSection;
  tls: TlsSection;
  emailAuth: EmailAuthSection;
  security: SecuritySection;
  envVars: EnvVarRow[];
  secrets: SecretsSection;
  runbook: RunbookSection;
  monitoring: MonitoringSection;
  incidents: Measured<Incident[]>;
  chatbot: Measured<ChatbotPack>;
  risks: RiskRow[];
  limitations: EntryRow[];
  improvements: EntryRow[];
  weeklyChecks: EntryRow[];
  contacts: ContactRow[];
  /** What makes the pack incomplete, in plain words, each with where to fix it. */
  gaps: string[];
  /** How many secret-looking values were hidden from free text. */
  redactions: number;
};

/** Section ids and titles in reading order; both renderers and the tests use them. */
export const SECTIONS = [
  ['summary', 'Executive summary'],
  ['stages', 'Stage by stage'],
  ['domains', 'Domains and routing'],
  ['tls', 'TLS certificates'],
  ['email', 'Email authentication'],
  ['security', 'Security baseline'],
  ['env', 'Environment variables'],
  ['secrets', 'Secrets and rotation'],
  ['runbook', 'Deployment and rollback'],
  ['monitoring', 'Monitoring and alerts'],
  ['incidents', 'Incidents'],
  ['chatbot', 'Chatbot checks'],
  ['risks', 'Open risks'],
  ['limitations', 'Known limitations'],
  ['improvements', 'Next improvements'],
  ['weekly', 'Weekly operating checklist'],
  ['contacts', 'Contacts and escalation'],
  ['gaps', 'What this pack is missing'],
] as const;

export type SectionId = (typeof SECTIONS)[number][0];
export const SECTION_TITLE = Object.fromEntries(SECTIONS) as Record<SectionId, string>;
