import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCheckDeps } from '@/test/testnet/check-deps';
import { startDnsServer, type DnsTestServer } from '@/test/testnet/dns-server';
import { run } from './dkim';
import type { CheckDeps } from './types';

function rsaKey(bits: number): string {
  return generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

function ed25519Key(): string {
  const der = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32).toString('base64');
}

/** Published keys are often split into several character-strings. */
function split(record: string): string[] {
  return record.match(/.{1,200}/g) ?? [];
}

describe('DKIM check', () => {
  let dns: DnsTestServer;
  let deps: CheckDeps;

  beforeAll(async () => {
    const strong = rsaKey(2048);
    dns = await startDnsServer({
      'strong._domainkey.mail.test': { TXT: [split(`v=DKIM1; k=rsa; p=${strong}`)] },
      // Providers often delegate the selector with a CNAME.
      'esp._domainkey.mail.test': { CNAME: 'key1.esp.test' },
      'key1.esp.test': { TXT: [`v=DKIM1; p=${strong}`] },
      'medium._domainkey.mail.test': { TXT: [`v=DKIM1; k=rsa; p=${rsaKey(1024)}`] },
      'weak._domainkey.mail.test': { TXT: [`v=DKIM1; k=rsa; p=${rsaKey(512)}`] },
      'revoked._domainkey.mail.test': { TXT: ['v=DKIM1; k=rsa; p='] },
      'ed._domainkey.mail.test': { TXT: [`v=DKIM1; k=ed25519; p=${ed25519Key()}`] },
      'garbage._domainkey.mail.test': { TXT: ['v=DKIM1; k=rsa; p=bm90IGEga2V5'] },
      'testing._domainkey.mail.test': { TXT: [`v=DKIM1; t=y; h=sha1; p=${strong}`] },
      'badversion._domainkey.mail.test': { TXT: [`v=DKIM2; p=${strong}`] },
      'broken._domainkey.mail.test': { fault: 'SERVFAIL' },
    });
    deps = testCheckDeps(dns);
  });
  afterAll(() => dns.close());

  const check = (...selectors: string[]) => run({ domain: 'mail.test', dkimSelectors: selectors }, deps);
  const codes = async (...selectors: string[]) => (await check(...selectors)).findings.map((finding) => finding.code);

  it('passes 2048-bit RSA and Ed25519 keys, also behind a CNAME', async () => {
    const outcome = await check('strong', 'esp', 'ed');
    expect(outcome.status).toBe('pass');
    expect(outcome.findings).toEqual([]);
  });

  it('fails a selector with no key', async () => {
    const outcome = await check('strong', 'missing');
    expect(outcome.status).toBe('fail');
    expect(outcome.findings.map((finding) => finding.code)).toEqual(['dkim.selector-missing']);
    expect(outcome.findings[0]?.evidence).toMatchObject({ name: 'missing._domainkey.mail.test' });
  });

  it('grades key sizes', async () => {
    const medium = await check('medium');
    expect(medium.status).toBe('pass');
    expect(medium.findings[0]).toMatchObject({ code: 'dkim.key-below-2048', severity: 'info', evidence: { keyBits: 1024 } });
    const weak = await check('weak');
    expect(weak.status).toBe('fail');
    expect(weak.findings[0]).toMatchObject({ code: 'dkim.key-too-short', evidence: { keyBits: 512 } });
  });

  it('warns about revoked keys, testing mode and SHA-1 only', async () => {
    expect(await codes('revoked')).toEqual(['dkim.key-revoked']);
    expect((await check('revoked')).status).toBe('warn');
    expect(await codes('testing')).toEqual(['dkim.testing-mode', 'dkim.sha1-only']);
  });

  it('fails unreadable keys and bad versions', async () => {
    expect(await codes('garbage')).toEqual(['dkim.key-invalid']);
    expect(await codes('badversion')).toEqual(['dkim.syntax-error']);
  });

  it('asks for selectors when none are known, and reports DNS failures as errors', async () => {
    expect((await check()).findings.map((finding) => finding.code)).toEqual(['dkim.no-selectors']);
    expect((await check('broken')).status).toBe('error');
  });
});
