/**
 * Open endpoints: the listed dashboard, chat and other GET endpoints (at most 8, under the
 * project's domain) are asked once each, without cookies or credentials and without following
 * redirects. 401/403 or a redirect (to sign-in) is what a private endpoint should answer. A JSON
 * answer holding records is a finding: critical when it carries personal data or credentials,
 * high for a dashboard or chat endpoint; an empty list or a status answer is fine, and an HTML
 * page proves nothing (single-page apps send the same shell to everyone). Values are never kept.
 */
import { headerValue } from '@/server/net/http-client';
import { bodyText, fetchSafely } from './support/fetch';
import { findingsOf } from './support/finding';
import { jsonExposure, parseJsonBody, type JsonExposure } from './support/json-exposure';
import { mapBounded } from './support/pool';
import { probeScope } from './support/probe-scope';
import { result } from './support/result';
import { siteHosts } from './support/hosts';
import type { CheckDeps, CheckEndpoint, CheckResult, CheckTarget, Finding, JsonValue } from './types';

export const id = 'open-endpoints';
export const title = 'Private endpoints do not answer without signing in';

const finding = findingsOf(id);
export const MAX_ENDPOINTS = 8;
/** Kinds that serve a signed-in user's data. 'other' is judged only on personal data: it may be a public API. */
const PRIVATE_KINDS = new Set(['dashboard', 'chat']);
const JUDGED_KINDS = new Set(['dashboard', 'chat', 'other']);

type Answer =
  | { url: string; kind: string; outcome: 'protected' | 'redirected' | 'empty' | 'page' | 'not-found' | 'error'; status: number | null }
  | { url: string; kind: string; outcome: 'data'; status: number; exposure: JsonExposure };

async function ask(deps: CheckDeps, endpoint: CheckEndpoint): Promise<Answer> {
  const base = { url: endpoint.url, kind: endpoint.kind };
  const fetched = await fetchSafely(deps.http, endpoint.url, { followRedirects: false, allowInvalidTls: true, timeoutMs: 8_000, maxBodyBytes: 256 * 1024, headers: { accept: 'application/json' } });
  if (!fetched.ok) return { ...base, outcome: 'error', status: null };
  const { status } = fetched.response;
  if (status === 401 || status === 403 || status === 407) return { ...base, outcome: 'protected', status };
  if (status >= 300 && status < 400) return { ...base, outcome: 'redirected', status };
  if (status >= 400) return { ...base, outcome: status >= 500 ? 'error' : 'not-found', status };
  const json = parseJsonBody(bodyText(fetched.response), (headerValue(fetched.response.headers, 'content-type') ?? '').toLowerCase());
  if (json === undefined) return { ...base, outcome: 'page', status };
  const exposure = jsonExposure(json);
  if (exposure.records === 0 && exposure.credentialFields.length === 0) return { ...base, outcome: 'empty', status };
  return { ...base, outcome: 'data', status, exposure };
}

function evidenceOf(answer: Answer): JsonValue {
  if (answer.outcome !== 'data') return { url: answer.url, kind: answer.kind, status: answer.status, outcome: answer.outcome };
  const { exposure } = answer;
  return { url: answer.url, kind: answer.kind, status: answer.status, records: exposure.records, personalFields: exposure.personalFields, credentialFields: exposure.credentialFields, emailValues: exposure.emailValues, fields: exposure.fields };
}

const FIX = 'Check the session (or token) before answering, and answer 401 when there is none: put the route behind your auth middleware, or enable row-level security if the data comes straight from the database.';

function dataFinding(answer: Extract<Answer, { outcome: 'data' }>): Finding | undefined {
  const { exposure } = answer;
  const personal = [...exposure.personalFields, ...(exposure.emailValues > 0 && exposure.personalFields.length === 0 ? ['e-mail addresses'] : [])];
  if (exposure.credentialFields.length > 0 || personal.length > 0) {
    const what = [...(personal.length ? [`personal data (${personal.join(', ')})`] : []), ...(exposure.credentialFields.length ? [`credentials (${exposure.credentialFields.join(', ')})`] : [])].join(' and ');
    return finding('critical', 'personal-data', `${answer.url} answers ${what} to anyone, without signing in.`, FIX, evidenceOf(answer));
  }
  if (PRIVATE_KINDS.has(answer.kind)) {
    return finding('high', 'data', `${answer.url} (listed as ${answer.kind}) answers ${exposure.records} record${exposure.records === 1 ? '' : 's'} of data to anyone, without signing in.`, `${FIX} If this data is meant to be public, list the endpoint as "Other".`, evidenceOf(answer));
  }
  return undefined;
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const apex = siteHosts(target).apex;
  const listed = (target.endpoints ?? []).filter((e) => e.method === 'GET' && JUDGED_KINDS.has(e.kind));
  const inScope = listed.filter((e) => probeScope(e.url, apex).inScope).slice(0, MAX_ENDPOINTS);
  const outside = listed.filter((e) => !probeScope(e.url, apex).inScope);
  if (inScope.length === 0) {
    return result([finding('info', 'no-endpoints', 'No dashboard, chat or other GET endpoint under the project\'s domain is listed, so none was asked for data without signing in.', 'List the API addresses your dashboard loads its data from (project settings → endpoints) to have them checked.', { listed: listed.map((e) => e.url) })]);
  }
  const answers = await mapBounded(inScope, 4, (endpoint) => ask(deps, endpoint));
  const findings: Finding[] = [];
  for (const answer of answers) {
    if (answer.outcome === 'data') {
      const problem = dataFinding(answer);
      findings.push(problem ?? finding('info', 'public-data', `${answer.url} answers data without signing in; it is listed as "${answer.kind}" and holds nothing personal, so it may be meant to be public.`, 'If it should be private, check the session before answering.', evidenceOf(answer)));
    }
    if (answer.outcome === 'page') findings.push(finding('info', 'page', `${answer.url} answers an HTML page without signing in; a page shell proves nothing either way, so list the JSON endpoint it loads its data from.`, 'Add the API address the page calls (see the browser\'s network tab) as an endpoint.', evidenceOf(answer)));
  }
  if (outside.length > 0) {
    findings.push(finding('info', 'outside-domain', `${outside.length} listed endpoint${outside.length === 1 ? ' is' : 's are'} not under ${apex} and ${outside.length === 1 ? 'was' : 'were'} not asked.`, 'Check those in a project for their own domain.', { urls: outside.map((e) => e.url) }));
  }
  const answered = answers.filter((a) => a.outcome !== 'error');
  return result(findings, { endpoints: answers.map(evidenceOf) }, { incomplete: answered.length === 0 });
}

/** The contract of what this check records as evidence (server/checks/evidence): readers parse with it. */
export { openEndpointsEvidence as evidenceSchema, type OpenEndpointsEvidence as Evidence } from './evidence/probes';
