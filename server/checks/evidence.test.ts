/**
 * Each check's real output parses with its evidence contract (server/checks/evidence): the whole
 * catalogue against the loopback test product, healthy and with every launch blocker planted. The
 * chat and payment webhook checks, which the product does not have, are parsed in their own tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProduct, type TestProduct } from '@/test/testnet/product';
import { CHECK_IDS, runChecks } from './catalogue';
import { EVIDENCE_PARSERS, OLDER_FORMAT, readEvidence } from './evidence';

describe('evidence contracts', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startTestProduct({ leaky: true, blockers: true });
  });
  afterAll(() => product?.close());

  it('has a parser for every check of the catalogue', () => {
    expect(Object.keys(EVIDENCE_PARSERS).sort()).toEqual([...CHECK_IDS].sort());
  });

  it.each([false, true])('parses what every check records (launch blockers planted: %s)', { timeout: 180_000 }, async (broken) => {
    product.setBroken(broken);
    const results = await runChecks(product.target, product.deps);
    const unread = Object.entries(results).flatMap(([id, result]) => {
      const read = readEvidence(id as keyof typeof EVIDENCE_PARSERS, result?.evidence);
      if (read.state === 'read') return [];
      const parsed = EVIDENCE_PARSERS[id as keyof typeof EVIDENCE_PARSERS].safeParse(result?.evidence);
      return [{ id, status: result?.status, state: read.state, issues: parsed.success ? [] : parsed.error.issues.slice(0, 3) }];
    });
    expect(unread).toEqual([]);
    expect(Object.keys(results).length).toBe(CHECK_IDS.length - 2);
  });

  it('says "older format" for a record that does not match, and "none" for a run that recorded none', () => {
    // What the handover pack used to guess at: a bare expiry under one of several names.
    expect(readEvidence('tls', { host: 'example.com', notAfter: '2030-01-01T00:00:00Z' })).toEqual({ state: 'older-format', note: OLDER_FORMAT });
    expect(readEvidence('tls', [{ domain: 'example.com', expiresAt: '2030-01-01' }]).state).toBe('older-format');
    expect(readEvidence('tls', null)).toEqual({ state: 'none' });
    expect(readEvidence('tls', { hosts: [{ host: 'example.com', skipped: 'does not resolve' }] }).state).toBe('read');
  });
});
