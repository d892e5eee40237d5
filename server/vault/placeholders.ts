/**
 * `{{secret.NAME}}` in header values, bodies and journey steps: the one syntax every feature
 * uses to send a project secret without writing it down. Names are what the vault accepts.
 */
export const SECRET_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Spaces inside the braces are forgiven (`{{ secret.API_KEY }}`); the name itself is exact. */
const PLACEHOLDER = /\{\{\s*secret\.([A-Za-z0-9_-]{1,64})\s*\}\}/g;

/** The distinct secret names a text refers to, in order of first use. */
export function referencedSecretNames(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

/**
 * Replaces each placeholder with what `valueFor` gives for its name (already encoded for where
 * it lands); `valueFor` throws for a name it does not know.
 */
export function replacePlaceholders(text: string, valueFor: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => valueFor(name));
}

/** How a value is written where the placeholder stands. */
export type PlaceholderEncoding = 'raw' | 'json-string' | 'form';

export function encodeFor(encoding: PlaceholderEncoding, value: string): string {
  if (encoding === 'json-string') return JSON.stringify(value).slice(1, -1);
  if (encoding === 'form') return encodeURIComponent(value);
  return value;
}
