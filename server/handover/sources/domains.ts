/** Domain and routing map: what the project declares, what checks measured, what people verified. */
import { ENDPOINT_KIND_LABELS } from '@/lib/vocabulary/projects';
import type { DomainSection } from '../types';
import { checklistSignals } from './checklist-signals';
import { latestCheckResults } from './check-results';
import type { SourceContext } from './context';

const ROUTING_CHECKS = ['dns', 'redirects', 'cdn', 'cookies', 'static-caching'] as const;

export async function buildDomains(ctx: SourceContext): Promise<DomainSection> {
  const p = ctx.project;
  const apex = p.primaryDomain;
  const www = `www.${apex}`;
  const canonicalHost = p.canonicalHost === 'www' ? www : apex;
  const otherHost = p.canonicalHost === 'www' ? apex : www;
  const canonicalUrl = `https://${canonicalHost}`;
  return {
    primaryDomain: apex,
    canonicalUrl,
    redirects: [
      { from: `http://${canonicalHost}`, to: canonicalUrl },
      { from: `http://${otherHost}`, to: canonicalUrl },
      { from: `https://${otherHost}`, to: canonicalUrl },
    ],
    subdomains: p.subdomains.map((s) => `${s}.${apex}`),
    environments: p.environments.map((e) => ({ name: e.name, url: e.url ?? null })),
    endpoints: p.endpoints.map((e) => ({ label: e.label ?? ENDPOINT_KIND_LABELS[e.kind], method: e.method, url: e.url })),
    checks: await latestCheckResults(ctx, ROUTING_CHECKS, 'DNS records and redirects have not been checked automatically yet: run the checks on the Routing & edge stage.'),
    checklist: checklistSignals(ctx, ROUTING_CHECKS),
  };
}
