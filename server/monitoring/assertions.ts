/**
 * Judging an answer against a monitor's assertions, in the order a person would look: status,
 * time limit, keyword, JSON value. The first that fails is the result's error, with a short
 * excerpt of the answer as evidence (masked by the caller before it is stored).
 */
import { asText, jsonValueMatches, valueAtPath } from './json-path';

export type Assertions = {
  expectedStatus: string;
  keyword?: string | null;
  jsonPath?: string | null;
  jsonExpected?: string | null;
  maxLatencyMs?: number | null;
};

export function statusMatches(rule: string, status: number): boolean {
  if (rule === 'success') return status >= 200 && status < 400;
  if (rule === 'no-server-error') return status < 500;
  return String(status) === rule;
}

export function describeRule(rule: string): string {
  if (rule === 'success') return 'a 2xx or 3xx status';
  if (rule === 'no-server-error') return 'any status below 500';
  return `status ${rule}`;
}

const EXCERPT = 160;

/** The start of an answer on one line, for an error message. */
export function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return '';
  return line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1)}…` : line;
}

const quote = (text: string) => `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;

/** Null when every assertion holds, else the sentence saying which failed and what came back. */
export function failedAssertion(assertions: Assertions, answer: { status: number; latencyMs: number; text: () => string }): string | null {
  if (!statusMatches(assertions.expectedStatus, answer.status)) {
    const body = excerpt(answer.text());
    return `Answered ${answer.status}; expected ${describeRule(assertions.expectedStatus)}.${body ? ` The answer began: ${body}` : ''}`;
  }
  if (assertions.maxLatencyMs != null && answer.latencyMs > assertions.maxLatencyMs) {
    return `Answered in ${Math.round(answer.latencyMs)} ms; the limit is ${assertions.maxLatencyMs} ms.`;
  }
  if (assertions.keyword && !answer.text().includes(assertions.keyword)) return `The page does not contain ${quote(assertions.keyword)}.`;
  if (assertions.jsonPath) {
    let document: unknown;
    try {
      document = JSON.parse(answer.text());
    } catch {
      const body = excerpt(answer.text());
      return `The answer is not JSON, so ${assertions.jsonPath} cannot be read.${body ? ` It began: ${body}` : ''}`;
    }
    const lookup = valueAtPath(document, assertions.jsonPath);
    if (!lookup.found) return `The JSON answer has nothing at ${assertions.jsonPath}.`;
    if (!jsonValueMatches(lookup.value, assertions.jsonExpected ?? null)) {
      return assertions.jsonExpected == null
        ? `The JSON answer has null at ${assertions.jsonPath}; expected a value.`
        : `${assertions.jsonPath} is ${quote(asText(lookup.value))}; expected ${quote(assertions.jsonExpected)}.`;
    }
  }
  return null;
}
