/**
 * Placeholders in a journey's text: {{vars.name}} (a value an earlier step captured) and
 * {{secret.NAME}} (a project secret from the vault, filled in at run time). One pass over the
 * template: a filled-in value is never scanned again, so a captured value that happens to read
 * "{{secret.X}}" cannot pull a secret into a request.
 */
import type { SecretBox } from './secret-box';

export const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\.([A-Za-z0-9_-]+)\s*\}\}/g;
export const VAR_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** `problem`: why it could not be filled (the vault's words for a secret that is not set or cannot be read). */
export type PlaceholderRef = { namespace: string; name: string; problem?: string };

export function placeholdersIn(text: string): PlaceholderRef[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ namespace: m[1]!, name: m[2]! }));
}

/** Where the text goes decides how a value is escaped inside it. */
export type FillContext = 'url' | 'header' | 'json' | 'form' | 'text';

function escapeFor(value: string, context: FillContext): string {
  switch (context) {
    case 'url':
    case 'form':
      return encodeURIComponent(value);
    case 'json':
      // Placeholders sit inside JSON strings: escape as a string's content, without the quotes.
      return JSON.stringify(value).slice(1, -1);
    case 'header':
      return value.replace(/[\r\n]/g, ' ');
    case 'text':
      return value;
  }
}

export type FillResult = { text: string; missing: PlaceholderRef[] };

/** Fills every placeholder it can; the ones it cannot are listed (the step then fails and says which). */
export function fillPlaceholders(template: string, vars: ReadonlyMap<string, string>, secrets: SecretBox, context: FillContext): FillResult {
  const missing: PlaceholderRef[] = [];
  const text = template.replace(PLACEHOLDER, (whole, namespace: string, name: string) => {
    if (namespace === 'vars' && vars.has(name)) return escapeFor(vars.get(name)!, context);
    if (namespace === 'secret') {
      try {
        return escapeFor(secrets.fill(`{{secret.${name}}}`), context);
      } catch (error) {
        missing.push({ namespace, name, problem: error instanceof Error ? error.message : undefined });
        return whole;
      }
    }
    missing.push({ namespace, name });
    return whole;
  });
  return { text, missing };
}

/** The text with every placeholder replaced by a harmless word: what save-time validation parses. */
export function withSampleValues(text: string): string {
  return text.replace(PLACEHOLDER, 'sample');
}
