/** Only same-site paths may be used as a post-sign-in destination (no open redirects). */
export function safeNextPath(value: string | string[] | undefined | null, fallback = '/app'): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
