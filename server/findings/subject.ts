/**
 * What a finding is about: the host or URL its evidence names, or, for a leaked secret, the
 * masked key (the same key moved to another bundle is still the same problem). Falls back to the
 * domain the check was pointed at, so domain-level findings (SPF, DMARC) fingerprint per domain.
 */
import type { JsonValue } from '@/server/checks/types';

function field(evidence: JsonValue | undefined, name: string): string | null {
  if (!evidence || typeof evidence !== 'object' || Array.isArray(evidence)) return null;
  const value = evidence[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A URL without its query and fragment (they often carry cache-busters or tokens). */
function bareUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return null;
  }
}

export function subjectOf(checkId: string, evidence: JsonValue | undefined, pointedAt: string): string {
  if (checkId === 'secrets') {
    const masked = field(evidence, 'masked');
    if (masked) return masked;
  }
  const url = field(evidence, 'url');
  const fromUrl = url ? bareUrl(url) : null;
  if (fromUrl) return fromUrl;
  const host = field(evidence, 'host') ?? field(evidence, 'hostname') ?? field(evidence, 'domain');
  return (host ?? pointedAt).toLowerCase();
}
