/** The zod schemas for project input; messages are written for the person filling the form. */
import { z } from 'zod';
import { requestBodySchema, requestHeadersSchema } from '@/server/monitoring/request-input';
import { ENDPOINT_KINDS, HTTP_METHODS, MATURITIES, PRODUCT_TYPES, SEGMENTS } from '@/lib/vocabulary/projects';
import { noCredentialsInLinks, requiredText, safeText } from '@/server/validation';
import { SECRET_NAME_PATTERN, referencedSecretNames } from '@/server/vault/placeholders';
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

/**
 * A payment webhook's signing secret: the NAME of a project secret (server/vault), typed bare or
 * as its placeholder `{{secret.NAME}}`. Whether it exists is checked against the vault on save.
 */
const signingSecretName = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    return referencedSecretNames(trimmed)[0] ?? trimmed;
  },
  // Through the shared text schema first: a pasted signing secret (whsec_…) also fits the name pattern.
  safeText({ secrets: () => 'That looks like the signing secret itself. Store it under Secrets in the project settings and choose its name here. Nothing was saved.' }).regex(SECRET_NAME_PATTERN, 'Use the name of one of the project’s secrets (letters, digits, _ and -), not the secret itself.').optional(),
);

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
          headers: requestHeadersSchema.optional(),
          body: requestBodySchema.optional(),
          safeToReplay: z.boolean().optional(),
          // Empty: judged against the playbook's target for the endpoint's kind (server/targets).
          p95TargetMs: z
            .number('Enter the p95 target in milliseconds, or leave it empty.')
            .int('Use whole milliseconds.')
            .min(10, 'A target under 10 ms cannot be measured from outside.')
            .max(60_000, 'Keep the target at 60,000 ms (one minute) or less.')
            .optional(),
          signingSecret: signingSecretName,
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
    const endpoints = input.endpoints.map((e, index) => {
      const { headers, body, safeToReplay, ...rest } = e;
      const write = e.method !== 'GET';
      if (e.signingSecret && e.kind !== 'payment-webhook') ctx.addIssue({ code: 'custom', path: ['endpoints', index, 'signingSecret'], message: 'Only a payment webhook has a signing secret.' });
      if (write && safeToReplay && !body) ctx.addIssue({ code: 'custom', path: ['endpoints', index, 'body'], message: 'Give the body to send: a write is only measured with the body you choose.' });
      // Only what applies is kept: a GET sends no body and is always safe to repeat.
      return {
        ...rest,
        label: e.label || undefined,
        ...(headers && headers.length > 0 ? { headers } : {}),
        ...(write && body ? { body } : {}),
        ...(write && safeToReplay ? { safeToReplay: true } : {}),
      };
    });
    const names = input.environments.map((e) => e.name.toLowerCase());
    if (!uniqueList(names)) ctx.addIssue({ code: 'custom', path: ['environments'], message: 'Each environment name once, please.' });
    return { ...input, subdomains, endpoints };
  });

export type ProjectFields = z.output<typeof projectFieldsSchema>;
