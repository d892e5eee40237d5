import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath: where the browser may go after signing in', () => {
  it.each([
    ['/\t/evil.example/tab'],
    ['/\n/evil.example/tab'],
    ['/\r/evil.example'],
    ['/\u0000/evil.example'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/%5Cevil.example'],
    ['/%2F%2Fevil.example'],
    ['/%2fevil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['evil.example'],
    ['//\tevil.example'],
    ['/ /evil.example'],
    [' /app'],
    [''],
  ])('refuses %j', (next) => {
    expect(safeNextPath(next)).toBe('/app');
  });

  it('keeps same-site paths with their query and fragment', () => {
    expect(safeNextPath('/projects/abc?tab=risks#top')).toBe('/projects/abc?tab=risks#top');
    expect(safeNextPath('/invite/tok-123')).toBe('/invite/tok-123');
    expect(safeNextPath('/account')).toBe('/account');
  });

  it('takes the first of repeated values and falls back when absent', () => {
    expect(safeNextPath(['/account', '//evil.example'])).toBe('/account');
    expect(safeNextPath(undefined, '/elsewhere')).toBe('/elsewhere');
    expect(safeNextPath(null)).toBe('/app');
  });

  it('returns the path as the browser will read it (no dot segments left to resolve elsewhere)', () => {
    expect(safeNextPath('/a/../account')).toBe('/account');
  });
});
