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
    expect([statusForResult('pass'), statusForResult('fail'), statusForResult('warn'), statusForResult('error')]).toEqual(['passed', 'failed', 'in_progress', null]);
    expect(evidenceText({ checkId: 'spf', status: 'fail', findings: [finding('spf.x'), finding('spf.info', 'info')] }, 'SPF')).toBe('Automated SPF check failed. spf.x message.');
  });
});
