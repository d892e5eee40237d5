/** What the record panels receive from the server component: plain, serialisable values (dates as ISO strings). */
import type { DocumentKind, EntryKind, ReleasePhase } from '@/server/records/vocabulary';

export type Member = { userId: string; name: string };

export type EnvVarView = {
  id: string;
  name: string;
  environments: string[];
  ownerUserId: string | null;
  ownerName: string | null;
  owner: string | null;
  purpose: string | null;
  isSecret: boolean;
  storedIn: string | null;
  lastRotatedOn: string | null;
  rotationDue: boolean;
};

export type DocumentView = { kind: DocumentKind; body: string | null; updatedAt: string | null; updatedBy: string | null; prompt: string; starter: string | null };

export type ReleaseStepView = { id: string; phase: ReleasePhase; title: string; checkedAt: string | null; checkedBy: string | null };
export type ReleasePhaseView = { phase: ReleasePhase; steps: ReleaseStepView[] };

export type ContactView = {
  id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  escalationOrder: number;
  isFallback: boolean;
  notes: string | null;
};

export type EntryView = { id: string; kind: EntryKind; title: string; detail: string | null; businessValue: number | null };
export type SuggestionView = { key: string; title: string; detail: string };
