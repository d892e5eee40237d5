/**
 * Which business area a check's findings hurt, for ranking them beside checklist items:
 * mail authentication is deliverability, slowness costs revenue, the perimeter checks are trust.
 */
import type { CheckId } from '@/server/checks/catalogue';
import type { ImpactArea } from '@/lib/vocabulary/roadmap-template';

export const CHECK_IMPACT: Record<CheckId, ImpactArea> = {
  dns: 'onboarding',
  redirects: 'onboarding',
  tls: 'security',
  hsts: 'security',
  'security-headers': 'security',
  cookies: 'security',
  'static-caching': 'operations',
  cdn: 'operations',
  spf: 'deliverability',
  dkim: 'deliverability',
  dmarc: 'deliverability',
  secrets: 'security',
  cors: 'security',
  'rate-limit': 'security',
  latency: 'revenue',
  'mixed-content': 'security',
  'open-endpoints': 'security',
  'error-pages': 'security',
  'exposed-paths': 'security',
  // A bot that leaks or is slow loses trust first; its slowness findings say revenue themselves.
  chat: 'security',
  // Webhooks that fail or can be forged cost paid access: money first.
  'payment-webhook': 'revenue',
};

export function impactOfCheck(checkId: string): ImpactArea {
  return (CHECK_IMPACT as Record<string, ImpactArea>)[checkId] ?? 'operations';
}
