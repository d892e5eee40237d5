/**
 * A project's fields for a product on the loopback testnet, as a founder would enter them. The
 * testnet's .test domain is not a public suffix, so callers hand these to the service directly,
 * without the form's validation.
 */
import type { CheckTarget } from '@/server/checks/types';
import type { ProjectFields } from '@/server/projects/validation';

export function testnetProjectFields(target: CheckTarget, name: string): ProjectFields {
  return {
    name,
    productType: 'membership-community',
    segment: 'membership-community',
    maturity: 'customers-growth',
    primaryDomain: target.domain,
    canonicalHost: target.canonicalHost ?? 'apex',
    subdomains: [...(target.subdomains ?? [])],
    mailDomain: null,
    dkimSelectors: [...(target.dkimSelectors ?? [])],
    productionUrl: target.productionUrl ?? null,
    endpoints: (target.endpoints ?? []).map((e) => ({ kind: e.kind as 'login', method: e.method, url: e.url, label: undefined })),
    environments: [{ name: 'production', url: undefined }],
  };
}
