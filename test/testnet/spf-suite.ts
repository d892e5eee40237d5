/**
 * Loads the OpenSPF RFC 7208 test suite (YAML, one document per scenario) and turns
 * each scenario's zone data into a fixture zone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { FixtureName, FixtureZone } from './zone';

export interface SpfSuiteCase {
  scenario: string;
  name: string;
  helo: string;
  host: string;
  mailFrom: string;
  /** Any of these results passes the case. */
  results: string[];
  /** 'DEFAULT' means "the implementation's own default explanation". */
  explanation?: string;
}

export interface SpfSuiteScenario {
  description: string;
  zone: FixtureZone;
  cases: SpfSuiteCase[];
}

/**
 * The suite is kept in the repository as test data with its licence (test/fixtures/spf);
 * LR_SPF_SUITE points at another copy.
 */
export function spfSuitePath(repoRoot: string): string {
  const candidate = process.env.LR_SPF_SUITE ?? path.join(repoRoot, 'test/fixtures/spf/rfc7208-tests.yml');
  return candidate.endsWith('.yml') ? candidate : path.join(candidate, 'rfc7208-tests.yml');
}

type SuiteRecord = string | Record<string, unknown>;

function asText(value: unknown): string | string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value);
}

/**
 * The suite's drivers serve an SPF-type record as TXT when a name has no TXT record of
 * its own; "TXT: NONE" suppresses that; "TIMEOUT" makes every type without records time out.
 */
function toFixtureName(records: SuiteRecord[]): FixtureName {
  const entry: FixtureName = {};
  const txt: (string | string[])[] = [];
  const spf: (string | string[])[] = [];
  let txtDeclared = false;
  for (const record of records) {
    if (record === 'TIMEOUT') {
      entry.faultForMissingTypes = 'TIMEOUT';
      continue;
    }
    if (typeof record !== 'object') continue;
    for (const [type, value] of Object.entries(record)) {
      if (type === 'TXT') {
        txtDeclared = true;
        if (value !== 'NONE') txt.push(asText(value));
      } else if (type === 'SPF') spf.push(asText(value));
      else if (type === 'MX' && Array.isArray(value)) {
        (entry.MX ??= []).push({ priority: Number(value[0]), exchange: String(value[1]) });
      } else if (type === 'CNAME') entry.CNAME = String(value);
      else if (type === 'A' || type === 'AAAA' || type === 'PTR') (entry[type] ??= []).push(String(value));
    }
  }
  const served = txtDeclared ? txt : spf;
  if (served.length > 0) entry.TXT = served;
  return entry;
}

function toZone(zonedata: Record<string, SuiteRecord[]> | undefined): FixtureZone {
  return Object.fromEntries(Object.entries(zonedata ?? {}).map(([name, records]) => [name, toFixtureName(records)]));
}

interface RawScenario {
  description?: string;
  tests?: Record<string, Record<string, unknown>>;
  zonedata?: Record<string, SuiteRecord[]>;
}

export function loadSpfSuite(file: string): SpfSuiteScenario[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((document) => {
    const raw = document.toJSON() as RawScenario;
    const description = raw.description ?? '';
    const cases = Object.entries(raw.tests ?? {}).map(([name, test]): SpfSuiteCase => {
      const result = test.result;
      return {
        scenario: description,
        name,
        helo: String(test.helo ?? ''),
        host: String(test.host ?? ''),
        mailFrom: String(test.mailfrom ?? ''),
        results: Array.isArray(result) ? result.map(String) : [String(result)],
        ...(typeof test.explanation === 'string' ? { explanation: test.explanation } : {}),
      };
    });
    return { description, zone: toZone(raw.zonedata), cases };
  });
}
