/** What the mail checks (SPF, DKIM, DMARC) record: the records read and how they were judged. */
import { z } from 'zod';

const spfRecord = z.object({ domain: z.string(), record: z.string(), lookups: z.number().optional() });

export const spfEvidence = z.object({
  domain: z.string(),
  record: z.string(),
  evaluation: z.object({ result: z.string(), reason: z.string().optional(), dnsLookups: z.number(), voidLookups: z.number(), records: z.array(spfRecord) }),
  tree: z.object({ counted: z.string(), dnsLookups: z.number(), records: z.array(spfRecord) }),
});
export type SpfEvidence = z.infer<typeof spfEvidence>;

export const dkimEvidence = z.object({
  domain: z.string(),
  selectors: z.array(
    z.union([
      z.object({ selector: z.string(), name: z.string(), record: z.string(), keyType: z.string().nullable() }),
      z.object({ selector: z.string(), name: z.string(), txtRecords: z.array(z.string()) }),
      z.object({ selector: z.string(), name: z.string(), reason: z.string() }),
    ]),
  ),
});
export type DkimEvidence = z.infer<typeof dkimEvidence>;

export const dmarcEvidence = z.object({ domain: z.string(), source: z.string(), inherited: z.boolean(), record: z.string(), policy: z.string().optional() });
export type DmarcEvidence = z.infer<typeof dmarcEvidence>;
