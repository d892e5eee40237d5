/**
 * Secret values never leave whole: evidence, logs and reports carry a masked form
 * with at most the first four characters and the length, e.g. "sk_l…(107 chars)".
 */
export function maskSecret(value: string): string {
  // Short values show less, so a mask never gives away a large share of the secret.
  const shown = value.length >= 16 ? 4 : Math.floor(value.length / 4);
  return `${value.slice(0, shown)}…(${value.length} chars)`;
}
