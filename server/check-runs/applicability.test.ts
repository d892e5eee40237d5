import { describe, expect, it } from 'vitest';
import { actionWhereOf } from './applicability';

describe('actionWhereOf', () => {
  it('reads the place of a skipped check’s action back from its evidence, and nothing else', () => {
    expect(actionWhereOf({ where: 'settings' })).toBe('settings');
    expect(actionWhereOf({ where: 'settings#ownership' })).toBe('settings#ownership');
    // Anything else never becomes a link target.
    expect(actionWhereOf({ where: 'https://evil.example' })).toBeNull();
    expect(actionWhereOf({ where: '../../admin' })).toBeNull();
    expect(actionWhereOf(null)).toBeNull();
    expect(actionWhereOf('settings')).toBeNull();
    expect(actionWhereOf({ records: [] })).toBeNull();
  });
});
