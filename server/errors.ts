/**
 * Errors domain and service code throws when a request is well-formed but cannot be done. They
 * know nothing of the transport: tRPC maps them to its codes in one place (server/trpc/init.ts),
 * so services stay callable from workers, scripts and tests.
 */
export type DomainErrorKind = 'bad-input' | 'not-found' | 'forbidden' | 'conflict' | 'too-many' | 'precondition';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** Messages tied to form fields (`endpoints.0.url` → message), shown beside those fields. */
    readonly fields: Record<string, string> | null = null,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The input is acceptable in shape but not in substance; `fields` says where. */
export const badInput = (message: string, fields: Record<string, string> | null = null) => new DomainError('bad-input', message, fields);
/** A 400 carrying one field's message. */
export const fieldError = (field: string, message: string) => badInput(message, { [field]: message });
export const notFound = (what: string) => new DomainError('not-found', `${what} not found.`);
export const forbidden = (message: string) => new DomainError('forbidden', message);
/** The request clashes with the current state (already running, already fixed…). */
export const conflict = (message: string) => new DomainError('conflict', message);
/** Something else has to be set up first (a template, prompts, proof of ownership). */
export const precondition = (message: string) => new DomainError('precondition', message);
/** A limit per time window was reached. */
export const tooMany = (message: string) => new DomainError('too-many', message);
