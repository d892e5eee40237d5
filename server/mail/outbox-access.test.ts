import { describe, expect, it } from 'vitest';
import { outboxView } from './outbox-access';

const embedded = { mode: 'embedded' as const, outboxEnabled: true };
const local = { address: '127.0.0.1', loopback: true };
const remote = { address: '203.0.113.9', loopback: false };
const unknown = { address: null, loopback: false };

describe('outboxView', () => {
  it('shows everything only to this machine in embedded mode', () => {
    expect(outboxView(embedded, local, null)).toEqual({ show: 'all' });
    expect(outboxView({ mode: 'postgres', outboxEnabled: true }, local, null)).toEqual({ show: 'sign-in' });
  });

  it('shows a signed-in visitor from elsewhere only their own mail, and asks the rest to sign in', () => {
    expect(outboxView(embedded, remote, { email: 'ann@example.test' })).toEqual({ show: 'addressed-to', email: 'ann@example.test' });
    expect(outboxView({ mode: 'postgres', outboxEnabled: true }, local, { email: 'ann@example.test' })).toEqual({ show: 'addressed-to', email: 'ann@example.test' });
    expect(outboxView(embedded, remote, null)).toEqual({ show: 'sign-in' });
    expect(outboxView(embedded, unknown, null)).toEqual({ show: 'sign-in' });
  });

  it('does not exist when mail goes to a real server', () => {
    expect(outboxView({ mode: 'embedded', outboxEnabled: false }, local, null)).toEqual({ show: 'nothing' });
  });
});
