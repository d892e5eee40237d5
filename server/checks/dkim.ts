/**
 * DKIM check: for each selector the project signs with, a key record is published at
 * <selector>._domainkey.<domain>, it parses, its key is usable and strong enough
 * (RFC 6376, RFC 8301, RFC 8463), and it is not revoked.
 */
import { createPublicKey } from 'node:crypto';
import { result } from './support/result';
import { parseTagList } from './support/tag-list';
import { lookupTxt } from './support/txt-records';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'dkim';
export const title = 'DKIM: mail signing keys';

/** RFC 8301: verifiers must not accept RSA keys under 1024 bits; 2048 is what to publish. */
const RSA_MINIMUM_BITS = 1024;
const RSA_RECOMMENDED_BITS = 2048;
const ED25519_KEY_BYTES = 32;

function finding(severity: Finding['severity'], code: string, message: string, fix: string, evidence: JsonValue): Finding {
  return { severity, code: `dkim.${code}`, message, fix, evidence };
}

/** RSA keys are published as SubjectPublicKeyInfo, occasionally as a bare PKCS#1 key. */
function rsaKeyBits(der: Buffer): number | undefined {
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      const key = createPublicKey({ key: der, format: 'der', type });
      if (key.asymmetricKeyType === 'rsa') return key.asymmetricKeyDetails?.modulusLength;
    } catch {
      // try the next encoding
    }
  }
  return undefined;
}

function keyFindings(name: string, keyType: string, publicKey: string, evidence: JsonValue): Finding[] {
  const der = Buffer.from(publicKey.replace(/\s+/g, ''), 'base64');
  if (keyType === 'ed25519') {
    if (der.length === ED25519_KEY_BYTES) return [];
    return [finding('high', 'key-invalid', `The Ed25519 key at ${name} is not 32 bytes long, so no signature can verify.`, 'Publish the key exactly as your mail provider gives it.', evidence)];
  }
  if (keyType !== 'rsa') {
    return [finding('high', 'unknown-key-type', `The key at ${name} has type "${keyType}", which receivers do not know; signatures with it never verify.`, 'Use k=rsa (2048-bit) or k=ed25519 alongside an RSA selector.', evidence)];
  }
  const bits = rsaKeyBits(der);
  if (bits === undefined) {
    return [finding('high', 'key-invalid', `The public key at ${name} cannot be read as an RSA key, so no signature can verify.`, 'Re-publish the key exactly as your mail provider gives it (one TXT record, base64 in p=).', evidence)];
  }
  const withBits = { ...(evidence as Record<string, JsonValue>), keyBits: bits };
  if (bits < RSA_MINIMUM_BITS) {
    return [finding('high', 'key-too-short', `The key at ${name} is only ${bits}-bit RSA; receivers must reject signatures made with it (RFC 8301) and it can be forged.`, `Generate a ${RSA_RECOMMENDED_BITS}-bit key, publish it under a new selector, switch signing to it, then revoke this one.`, withBits)];
  }
  if (bits < RSA_RECOMMENDED_BITS) {
    return [finding('info', 'key-below-2048', `The key at ${name} is ${bits}-bit RSA: accepted today, but ${RSA_RECOMMENDED_BITS}-bit is the recommended size.`, `When you next rotate keys, ask your provider for a ${RSA_RECOMMENDED_BITS}-bit key.`, withBits)];
  }
  return [];
}

async function checkSelector(domain: string, selector: string, deps: CheckDeps): Promise<{ findings: Finding[]; evidence: JsonValue; failed: boolean }> {
  const name = `${selector}._domainkey.${domain}`;
  const txt = await lookupTxt(deps.resolver, name);
  if (txt.status === 'failed') {
    const evidence = { selector, name, reason: txt.reason };
    return { findings: [finding('info', 'dns-error', `Could not read ${name} (${txt.reason}); this selector was not checked.`, 'Try again; if it persists, check the name servers of the domain.', evidence)], evidence, failed: true };
  }
  const records = txt.status === 'found' ? txt.records.filter((record) => /(^|;)\s*p\s*=/.test(record)) : [];
  if (records.length === 0) {
    const evidence = { selector, name, txtRecords: txt.status === 'found' ? txt.records : [] };
    return { findings: [finding('high', 'selector-missing', `No DKIM key is published for selector "${selector}" (${name}), so mail signed with it fails DKIM.`, 'Publish the DKIM record your mail provider gives you at this name, or remove the selector from the project if it is no longer used.', evidence)], evidence, failed: false };
  }
  const record = records[0] ?? '';
  const parsed = parseTagList(record);
  const keyType = (parsed.tags.get('k') ?? 'rsa').toLowerCase();
  const publicKey = parsed.tags.get('p') ?? '';
  const evidence: JsonValue = { selector, name, record, keyType };
  const findings: Finding[] = [];

  if (records.length > 1) {
    findings.push(finding('medium', 'multiple-records', `${name} has ${records.length} DKIM key records; receivers may pick either.`, 'Keep exactly one key record per selector.', { ...evidence, records }));
  }
  const version = parsed.tags.get('v');
  if (parsed.malformed.length > 0 || (version !== undefined && (version !== 'DKIM1' || parsed.order[0] !== 'v'))) {
    findings.push(finding('high', 'syntax-error', `The DKIM record at ${name} is malformed, so receivers ignore it.`, 'Publish the record exactly as your provider gives it: "v=DKIM1; k=rsa; p=…".', { ...evidence, malformed: parsed.malformed }));
    return { findings, evidence, failed: false };
  }
  if (publicKey === '') {
    findings.push(finding('medium', 'key-revoked', `The key for selector "${selector}" is revoked (empty p=): mail still signed with it fails DKIM.`, 'If you rotated keys, make sure nothing signs with this selector any more and remove it from the project; otherwise publish the current key.', evidence));
    return { findings, evidence, failed: false };
  }
  findings.push(...keyFindings(name, keyType, publicKey, evidence));
  if ((parsed.tags.get('t') ?? '').split(':').map((flag) => flag.trim()).includes('y')) {
    findings.push(finding('low', 'testing-mode', `The key at ${name} is in testing mode (t=y): receivers may treat failures as if the mail was unsigned.`, 'Remove "t=y" once signing works.', evidence));
  }
  const hashes = parsed.tags.get('h');
  if (hashes !== undefined && !hashes.split(':').map((hash) => hash.trim()).includes('sha256')) {
    findings.push(finding('medium', 'sha1-only', `The key at ${name} only allows SHA-1 signatures (h=${hashes}), which receivers no longer accept (RFC 8301).`, 'Remove the h= tag or set h=sha256.', evidence));
  }
  return { findings, evidence, failed: false };
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const domain = target.domain.toLowerCase().replace(/\.$/, '');
  const selectors = [...new Set(target.dkimSelectors ?? [])];
  if (selectors.length === 0) {
    return result([finding('low', 'no-selectors', `No DKIM selectors are recorded for ${domain}, so its signing keys could not be checked.`, 'Add the selector names from your mail provider\'s DKIM setup page (the part before "._domainkey").', { domain })]);
  }
  const outcomes = await Promise.all(selectors.map((selector) => checkSelector(domain, selector, deps)));
  return result(
    outcomes.flatMap((outcome) => outcome.findings),
    { domain, selectors: outcomes.map((outcome) => outcome.evidence) },
    { incomplete: outcomes.some((outcome) => outcome.failed) },
  );
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { dkimEvidence as evidenceSchema, type DkimEvidence as Evidence } from './evidence/mail';
