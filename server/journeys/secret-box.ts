/**
 * The shape of the project secrets store's box (server/vault: openProjectSecrets(db, projectId)).
 * The runner takes one as a parameter, so it never sees where secrets are kept; `boxOf` builds
 * one from plain values for the worker's tests and the demo's fake servers.
 */
export type SecretBox = {
  /** Replaces {{secret.NAME}} with the value; unknown names are left as they are. */
  fill(text: string): string;
  /** Replaces every secret value found in the text with a marker. */
  mask(text: string): string;
  /** Every value, for callers that mask on their own. */
  readonly values: readonly string[];
};

const REF = /\{\{\s*secret\.([A-Za-z0-9_]+)\s*\}\}/g;

/** The names a text refers to as {{secret.NAME}}. */
export function referencedSecretNames(text: string): string[] {
  return [...new Set([...text.matchAll(REF)].map((m) => m[1]!))];
}

export function boxOf(values: Record<string, string>): SecretBox {
  const known = Object.entries(values).filter(([, v]) => v.length > 0);
  // Longest first, so a value that contains another is hidden whole.
  const byLength = known.map(([, v]) => v).sort((a, b) => b.length - a.length);
  return {
    values: byLength,
    fill: (text) => text.replace(REF, (whole, name: string) => values[name] ?? whole),
    mask: (text) => byLength.reduce((out, v) => out.split(v).join('[secret]'), text),
  };
}

export const NO_SECRETS: SecretBox = boxOf({});
