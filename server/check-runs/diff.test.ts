import { describe, expect, it } from 'vitest';
import { diffRuns } from './diff';
import { evidenceText, statusForResult } from './settle';

const finding = (code: string, severity = 'high') => ({ code, message: `${code} message.`, severity });

describe('run diff', () => {
  it('reports status moves and findings that appeared or were resolved; nothing for unchanged or first-time checks', () => {
    const diff = diffRuns(
      [
        { checkId: 'spf', status: 'fail', findings: [finding('spf.too-many-lookups'), finding('spf.soft-all', 'low')] },
        { checkId: 'tls', status: 'pass', findings: [] },
      ],
      [
        { checkId: 'spf', status: 'warn', findings: [finding('spf.soft-all', 'low')] },
        { checkId: 'tls', status: 'pass', findings: [] },
        { checkId: 'cors', status: 'fail', findings: [finding('cors.reflected-origin')] },
      ],
    );
    expect(diff).toEqual([
      { checkId: 'spf', before: 'fail', after: 'warn', appeared: [], resolved: [finding('spf.too-many-lookups')] },
    ]);
  });
});

describe('settlement', () => {
  it('maps verdicts to item statuses and writes evidence in plain words', () => {
    const verdicts = ['pass', 'fail', 'warn', 'error'] as const;
    expect(verdicts.map((v) => statusForResult(v, 'verifies', 'todo'))).toEqual(['passed', 'failed', 'in_progress', null]);
    expect(evidenceText({ checkId: 'spf', status: 'fail', findings: [finding('spf.x'), finding('spf.info', 'info')] }, 'SPF', 'verifies')).toBe('Automated SPF check failed. spf.x message.');
  });

  it('a check that only supports an item never passes it: a pass waits for a person, and keeps a confirmation', () => {
    expect(statusForResult('pass', 'supports', 'todo')).toBe('in_progress');
    expect(statusForResult('pass', 'supports', 'failed')).toBe('in_progress');
    expect(statusForResult('pass', 'supports', 'passed')).toBeNull();
    expect(statusForResult('fail', 'supports', 'passed')).toBe('failed');
    expect(statusForResult('warn', 'supports', 'todo')).toBe('in_progress');
    expect(evidenceText({ checkId: 'rate-limit', status: 'pass', findings: [] }, 'Rate limit', 'supports')).toBe(
      'Automated Rate limit check passed. It does not test everything this item asks, so a person confirms the rest.',
    );
  });
});
