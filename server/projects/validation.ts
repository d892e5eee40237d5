/** The zod schemas for project input; messages are written for the person filling the form. */
import { z } from 'zod';
import { ENDPOINT_KINDS, HTTP_METHODS, MATURITIES, PRODUCT_TYPES, SEGMENTS } from '@/lib/vocabulary/projects';
import { noCredentialsInLinks, requiredText, safeText } from '@/server/validation';
import {
  checkDkimSelector,
  checkEndpointTarget,
  checkHostname,
  checkPublicUrl,
  checkRegistrableDomain,
  checkSubdomain,
  type RuleResult,
} from './domain-rules';

/**
 * Turns a rule into a zod transform that reports the rule's message on failure. The text goes
 * through the shared free-text checks first: no control characters, no credentials in links.
 */
function byRule(rule: (value: string) => RuleResult) {
  return safeText({ secrets: noCredentialsInLinks }).transform((value, ctx) => {
    const result = rule(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}

/** An optional text field: an empty box means "none". */
const optionalText = <T extends z.ZodType<string, string>>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullable().optional());

export const projectNameSchema = requiredText(80, 'Give the project a name.', 'Keep the name under 80 characters.');

const uniqueList = <T>(items: T[]) => new Set(items).size === items.length;

export const projectFieldsSchema = z
  .object({
    name: projectNameSchema,
    productType: z.enum(PRODUCT_TYPES, 'Choose a product type.'),
    segment: z.enum(SEGMENTS, 'Choose a market segment.'),
    maturity: z.enum(MATURITIES, 'Choose a maturity.'),
    primaryDomain: byRule(checkRegistrableDomain),
    canonicalHost: z.enum(['apex', 'www'], 'Choose apex or www.').default('apex'),
    subdomains: z.array(safeText().max(253, 'That subdomain is too long.')).max(30, 'List at most 30 subdomains.').default([]),
    mailDomain: optionalText(byRule(checkHostname)),
    dkimSelectors: z
      .array(byRule(checkDkimSelector))
      .max(10, 'List at most 10 DKIM selectors.')
      .refine(uniqueList, 'Each DKIM selector once, please.')
      .default([]),
    productionUrl: optionalText(byRule(checkPublicUrl)),
    endpoints: z
      .array(
        z.object({
          kind: z.enum(ENDPOINT_KINDS, 'Choose what this endpoint is.'),
          method: z.enum(HTTP_METHODS, 'Choose an HTTP method.'),
          url: byRule(checkEndpointTarget),
          label: safeText().max(60, 'Keep the label under 60 characters.').optional(),
        }),
      )
      .max(30, 'List at most 30 endpoints.')
      .default([]),
    environments: z
      .array(
        z.object({
          name: requiredText(40, 'Name the environment.', 'Keep the name under 40 characters.'),
          url: optionalText(byRule(checkPublicUrl)).transform((v) => v ?? undefined),
        }),
      )
      .max(10, 'List at most 10 environments.')
      .default([]),
  })
  .transform((input, ctx) => {
    // Subdomains are checked against the primary domain, so `app.example.com` becomes `app`.
    const subdomains: string[] = [];
    input.subdomains.forEach((raw, index) => {
      const result = checkSubdomain(raw, input.primaryDomain);
      if (!result.ok) ctx.addIssue({ code: 'custom', path: ['subdomains', index], message: result.message });
      else if (subdomains.includes(result.value)) ctx.addIssue({ code: 'custom', path: ['subdomains', index], message: `“${result.value}” is listed twice.` });
      else subdomains.push(result.value);
    });
    const endpoints = input.endpoints.map((e) => ({ ...e, label: e.label || undefined }));
    const names = input.environments.map((e) => e.name.toLowerCase());
    if (!uniqueList(names)) ctx.addIssue({ code: 'custom', path: ['environments'], message: 'Each environment name once, please.' });
    return { ...input, subdomains, endpoints };
  });

export type ProjectFields = z.output<typeof projectFieldsSchema>;
