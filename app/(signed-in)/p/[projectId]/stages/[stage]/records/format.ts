/** Dates as the rest of the stage page writes them, and the server-to-client shape of a document. */
import type { DocumentView } from './types';
import { formatDate, formatDateTime } from '@/components/ui/dates';

export const shortDate = (iso: string) => formatDate(iso);
// UTC on purpose: the server renders these too, and its clock zone is not the reader's.
export const dateTime = (iso: string) => formatDateTime(iso);
export const iso = (date: Date | null) => (date ? date.toISOString() : null);

type DocumentRead = { body: string | null; updatedAt: Date | null; updatedBy: string | null; prompt: string; starter: string | null };
export const documentView = (kind: DocumentView['kind'], doc: DocumentRead): DocumentView => ({ kind, ...doc, updatedAt: iso(doc.updatedAt) });
