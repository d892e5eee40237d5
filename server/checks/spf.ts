/**
 * SPF check (RFC 7208): one record, valid syntax, within the 10-lookup and 2-void-lookup
 * limits, ending in a strict "all", no deprecated "ptr".
 *
 * The 10-lookup limit is counted over the whole include tree (spf-engine/lookup-tree.ts),
 * independent of any sender: an evaluation for one address stops at its first match and can
 * miss a limit other senders hit. The policy is also really evaluated for a documentation
 * address (192.0.2.1) that no policy should list, which finds what only lookups show (void
 * lookups, too many MX hosts).
 */
import { evaluateSpf, isEvaluableDomain, type SpfEvaluation } from './spf-engine/check-host';
import { walkSpfTree, type SpfTree } from './spf-engine/lookup-tree';
import { isSpfRecord, parseSpfRecord, SpfSyntaxError, type Mechanism, type SpfRecord } from './spf-engine/record';
import { result } from './support/result';
import { lookupTxt } from './support/txt-records';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'spf';
export const title = 'SPF: which servers may send mail for the domain';

const PROBE_ADDRESS = '192.0.2.1';
const LOOKUP_LIMIT = 10;

function finding(severity: Finding['severity'], code: string, message: string, fix: string, evidence: JsonValue): Finding {
  return { severity, code: `spf.${code}`, message, fix, evidence };
}

function allFindings(domain: string, record: SpfRecord): Finding[] {
  const evidence = { record: record.text };
  const all = record.mechanisms.find((mechanism) => mechanism.kind === 'all');
  if (!all) {
    if (record.redirect) return [];
    return [
      finding('medium', 'no-all', `The SPF record of ${domain} does not end with "-all", so mail from servers it does not list gets a neutral verdict instead of failing.`, 'End the record with "-all" (or "~all" while you are still finding every sender).', evidence),
    ];
  }
  const findings: Finding[] = [];
  const index = record.mechanisms.indexOf(all);
  if (index < record.mechanisms.length - 1) {
    findings.push(finding('low', 'terms-after-all', `Terms after "${all.text}" in the SPF record of ${domain} are never used.`, 'Move "all" to the end of the record or remove the terms after it.', evidence));
  }
  if (record.redirect) {
    findings.push(finding('low', 'redirect-ignored', `The SPF record of ${domain} has both "all" and "redirect="; the redirect is ignored.`, 'Keep either the "all" mechanism or the redirect, not both.', evidence));
  }
  switch (all.qualifier) {
    case '+':
      findings.push(finding('critical', 'pass-all', `The SPF record of ${domain} ends with "+all": it authorises every server on the internet to send mail as ${domain}.`, 'Replace "+all" with "-all" after listing your real mail senders.', evidence));
      break;
    case '?':
      findings.push(finding('medium', 'neutral-all', `The SPF record of ${domain} ends with "?all", which tells receivers nothing about mail from unlisted servers.`, 'Use "-all" (or "~all" while rolling out).', evidence));
      break;
    case '~':
      findings.push(finding('low', 'softfail-all', `The SPF record of ${domain} ends with "~all": mail from unlisted servers is only marked suspicious, not rejected.`, 'Once DMARC reports show all your senders pass, change "~all" to "-all".', evidence));
      break;
    case '-':
      break;
  }
  return findings;
}

function ptrFindings(domain: string, record: SpfRecord): Finding[] {
  const ptr = record.mechanisms.filter((mechanism: Mechanism) => mechanism.kind === 'ptr');
  if (ptr.length === 0) return [];
  return [
    finding('low', 'ptr-deprecated', `The SPF record of ${domain} uses "ptr", which RFC 7208 says not to use: it is slow, unreliable and some receivers ignore it.`, 'Replace "ptr" with "ip4:", "ip6:", "a" or "include:" terms for the servers you actually use.', { record: record.text, terms: ptr.map((m) => m.text) }),
  ];
}

function evaluationEvidence(evaluation: SpfEvaluation): JsonValue {
  return {
    result: evaluation.result,
    reason: evaluation.reason,
    dnsLookups: evaluation.dnsLookups,
    voidLookups: evaluation.voidLookups,
    records: evaluation.records.map(({ domain, record }) => ({ domain, record })),
  };
}

function treeEvidence(tree: SpfTree): JsonValue {
  return {
    counted: 'whole include tree',
    dnsLookups: tree.dnsLookups,
    records: tree.records.map(({ domain, record, lookups }) => ({ domain, record, lookups })),
    ...(tree.senderDependent.length > 0 ? { senderDependent: tree.senderDependent } : {}),
    ...(tree.truncated ? { truncated: true } : {}),
  };
}

const TOO_MANY_FIX = 'Remove includes you no longer use, flatten some into ip4:/ip6: ranges, or move senders to a subdomain with its own record.';

/** The lookup limit over the whole tree, whatever the probe address matched. */
function lookupFindings(domain: string, evaluation: SpfEvaluation, tree: SpfTree): Finding[] {
  if (evaluation.error?.code === 'lookup-limit') {
    return [finding('high', 'too-many-lookups', `The SPF policy of ${domain} needs more than ${LOOKUP_LIMIT} DNS lookups, so receivers treat it as broken (permerror) and SPF protects nothing.`, TOO_MANY_FIX, { ...(evaluationEvidence(evaluation) as Record<string, JsonValue>), tree: treeEvidence(tree) })];
  }
  if (tree.dnsLookups > LOOKUP_LIMIT) {
    return [finding('high', 'too-many-lookups', `The SPF policy of ${domain} needs ${tree.truncated ? 'more than ' : ''}${tree.dnsLookups} DNS lookups across its includes, over the limit of ${LOOKUP_LIMIT}: receivers treat it as broken (permerror) for any sender they have to look further for, so SPF protects nothing there.`, TOO_MANY_FIX, treeEvidence(tree))];
  }
  if (tree.dnsLookups >= LOOKUP_LIMIT - 1) {
    return [finding('low', 'near-lookup-limit', `The SPF policy of ${domain} needs ${tree.dnsLookups} of the ${LOOKUP_LIMIT} DNS lookups allowed; one more include breaks it for every receiver.`, 'Remove includes you no longer use, or replace some with ip4:/ip6: ranges.', treeEvidence(tree))];
  }
  return [];
}

/** Broken or missing records further down the tree, on branches the evaluation did not reach. */
function treeProblemFindings(domain: string, evaluation: SpfEvaluation, tree: SpfTree): Finding[] {
  const evidence = treeEvidence(tree);
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const problem of tree.problems) {
    if (problem.domain === evaluation.error?.domain || reported.has(problem.domain)) continue;
    reported.add(problem.domain);
    if (problem.code === 'include-without-spf') {
      findings.push(finding('high', 'include-missing', `The SPF policy of ${domain} includes ${problem.domain}, which has no SPF record, so receivers treat the policy as broken.`, `Remove the reference to ${problem.domain} or fix the name (check your mail provider's setup instructions).`, evidence));
    } else if (problem.code !== 'dns-failure') {
      findings.push(finding('high', 'included-record-broken', `An SPF record that ${domain} relies on (${problem.domain}) is broken: ${problem.reason}.`, `Fix or remove the reference to ${problem.domain}.`, evidence));
    }
  }
  return findings;
}

/** Problems only a full evaluation can see: void lookups, broken includes, records further down. */
function evaluationFindings(domain: string, evaluation: SpfEvaluation): Finding[] {
  const evidence = evaluationEvidence(evaluation);
  const where = evaluation.error?.domain ?? domain;
  switch (evaluation.error?.code) {
    case undefined:
    case 'lookup-limit':
      // Judged over the whole tree by lookupFindings.
      return [];
    case 'void-lookup-limit':
      return [finding('high', 'too-many-void-lookups', `The SPF policy of ${domain} points at more than 2 names that do not exist (last: ${where}), so receivers treat it as broken.`, 'Remove terms that name domains or hosts that no longer exist.', evidence)];
    case 'include-without-spf':
    case 'redirect-without-spf':
      return [finding('high', 'include-missing', `The SPF policy of ${domain} includes ${where}, which has no SPF record, so receivers treat the policy as broken.`, `Remove the reference to ${where} or fix the name (check your mail provider's setup instructions).`, evidence)];
    case 'syntax-error':
    case 'multiple-records':
      return [finding('high', 'included-record-broken', `An SPF record that ${domain} relies on (${where}) is broken: ${evaluation.reason}.`, `Fix or remove the reference to ${where}.`, evidence)];
    case 'mx-limit':
      return [finding('high', 'too-many-mx', `An "mx" term in the SPF policy of ${domain} expands to more than 10 mail servers, which receivers treat as an error.`, 'Replace the "mx" term with ip4:/ip6: ranges of the servers that send mail.', evidence)];
    case 'dns-failure':
    case 'invalid-ip':
      return [];
  }
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const domain = target.domain.toLowerCase().replace(/\.$/, '');
  if (!isEvaluableDomain(domain)) {
    return result([finding('info', 'invalid-domain', `"${target.domain}" is not a domain name SPF applies to.`, 'Check the domain configured for the project.', { domain: target.domain })], undefined, { incomplete: true });
  }
  const txt = await lookupTxt(deps.resolver, domain);
  if (txt.status === 'failed') {
    return result([finding('info', 'dns-error', `Could not read the DNS records of ${domain} (${txt.reason}); SPF was not checked.`, 'Try again; if it persists, check that the domain\'s name servers answer.', { domain, reason: txt.reason, message: txt.message })], undefined, { incomplete: true });
  }
  const records = txt.status === 'found' ? txt.records.filter(isSpfRecord) : [];
  if (records.length === 0) {
    return result([finding('high', 'missing', `${domain} has no SPF record: nothing tells receivers which servers may send its mail, so spoofing is easier and your own mail more likely to land in spam.`, `Publish one TXT record at ${domain} such as "v=spf1 include:<your mail provider> -all", or "v=spf1 -all" if the domain sends no mail.`, { domain, txtRecords: txt.status === 'found' ? txt.records : [] })]);
  }
  if (records.length > 1) {
    return result([finding('high', 'multiple-records', `${domain} publishes ${records.length} SPF records; receivers then ignore SPF altogether (permerror).`, 'Merge them into a single "v=spf1 … -all" record.', { domain, records })]);
  }
  const text = records[0] ?? '';
  let record: SpfRecord;
  try {
    record = parseSpfRecord(text);
  } catch (error) {
    if (!(error instanceof SpfSyntaxError)) throw error;
    return result([finding('high', 'syntax-error', `The SPF record of ${domain} has an error (${error.message}); receivers ignore a record with any error.`, 'Correct the record; every term must be a known mechanism or name=value modifier separated by single spaces.', { domain, record: text })]);
  }

  const [evaluation, tree] = await Promise.all([
    evaluateSpf({ ip: PROBE_ADDRESS, mailFrom: `postmaster@${domain}`, helo: domain }, { resolver: deps.resolver, now: deps.now }),
    walkSpfTree(domain, deps.resolver),
  ]);
  const findings = [...allFindings(domain, record), ...ptrFindings(domain, record), ...evaluationFindings(domain, evaluation), ...lookupFindings(domain, evaluation, tree), ...treeProblemFindings(domain, evaluation, tree)];
  const treeFailure = tree.problems.find((problem) => problem.code === 'dns-failure');
  const overLimit = findings.some((f) => f.code === 'spf.too-many-lookups');
  const incomplete = evaluation.error?.code === 'dns-failure' || (treeFailure !== undefined && !overLimit);
  if (incomplete) {
    const reason = evaluation.error?.code === 'dns-failure' ? evaluation.reason : treeFailure!.reason;
    findings.push(finding('info', 'dns-error', `A DNS lookup failed while following the SPF policy of ${domain} (${reason}); the lookup limits were not fully checked.`, 'Try again later; if it persists, check the name servers of the domain named.', evaluationEvidence(evaluation)));
  }
  return result(findings, { domain, record: text, evaluation: evaluationEvidence(evaluation), tree: treeEvidence(tree) }, { incomplete });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { spfEvidence as evidenceSchema, type SpfEvidence as Evidence } from './evidence/mail';
