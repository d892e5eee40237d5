import { describe, expect, it } from 'vitest';
import { describeTarget, endpointTarget, endpointWatchedBy, latencyKindOf, monitorTarget, playbookTarget, type PlaybookLatencyTargets } from './endpoint-targets';

const growth: PlaybookLatencyTargets = { commonReadP95Ms: 300, heavyActionP95Ms: 800 };
const chatbot: PlaybookLatencyTargets = { commonReadP95Ms: 500, chatStartP95Ms: 2_000 };
const dashboard: PlaybookLatencyTargets = { commonReadP95Ms: 500 };

describe('latency kind of an endpoint', () => {
  it.each([
    [{ kind: 'dashboard', method: 'GET' }, 'common-read'],
    [{ kind: 'homepage', method: 'GET' }, 'common-read'],
    [{ kind: 'api-health', method: 'GET' }, 'common-read'],
    [{ kind: 'login', method: 'GET' }, 'common-read'],
    [{ kind: 'login', method: 'POST' }, 'heavy-action'],
    [{ kind: 'checkout', method: 'GET' }, 'heavy-action'],
    [{ kind: 'payment-webhook', method: 'POST' }, 'heavy-action'],
    [{ kind: 'other', method: 'DELETE' }, 'heavy-action'],
    [{ kind: 'chat', method: 'POST' }, 'chat'],
    [{ kind: null, method: 'GET' }, 'common-read'],
  ] as const)('%j is a %s', (endpoint, kind) => {
    expect(latencyKindOf(endpoint)).toBe(kind);
  });
});

describe('the playbook target for a kind', () => {
  it('takes the playbook number for each kind it sets', () => {
    expect(playbookTarget('common-read', growth)).toMatchObject({ ms: 300, source: 'playbook' });
    expect(playbookTarget('heavy-action', growth)).toMatchObject({ ms: 800, source: 'playbook', from: "the playbook's p95 for heavier actions" });
    expect(playbookTarget('chat', chatbot)).toMatchObject({ ms: 2_000, source: 'playbook', from: "the playbook's p95 for a chat reply to start" });
  });

  it('says when a kind falls back to another number', () => {
    expect(playbookTarget('heavy-action', dashboard)).toMatchObject({ ms: 500, source: 'playbook', from: expect.stringContaining('it sets none for heavier actions') });
    expect(playbookTarget('chat', growth)).toMatchObject({ ms: 2_000, source: 'default', from: expect.stringContaining('sets no chat target') });
    expect(playbookTarget('common-read', null)).toMatchObject({ ms: 500, source: 'default' });
  });
});

describe('an endpoint and a monitor are judged against their own target', () => {
  const endpoints = [
    { kind: 'checkout', method: 'POST', url: '/api/checkout', label: 'Checkout' },
    { kind: 'dashboard', method: 'GET', url: '/app', p95TargetMs: 1_200, label: 'Reports' },
    { kind: 'chat', method: 'POST', url: 'https://chat.example.com/api/chat' },
  ];

  it('an endpoint set by hand keeps its number', () => {
    expect(endpointTarget(endpoints[1]!, growth)).toMatchObject({ ms: 1_200, kind: 'common-read', source: 'endpoint' });
    expect(endpointTarget(endpoints[0]!, growth)).toMatchObject({ ms: 800, kind: 'heavy-action', source: 'playbook' });
  });

  it('finds the endpoint a monitor watches by path (and host when the endpoint names one)', () => {
    expect(endpointWatchedBy({ url: 'https://example.com/api/checkout', method: 'POST' }, endpoints)?.label).toBe('Checkout');
    expect(endpointWatchedBy({ url: 'https://example.com/app/', method: 'GET' }, endpoints)?.label).toBe('Reports');
    expect(endpointWatchedBy({ url: 'https://other.example.com/api/chat', method: 'POST' }, endpoints)).toBeNull();
    expect(endpointWatchedBy({ url: 'https://chat.example.com/api/chat', method: 'POST' }, endpoints)?.kind).toBe('chat');
  });

  it('a monitor: by hand, then its endpoint by hand, then the playbook for the endpoint kind', () => {
    const base = { p95TargetMs: null, purpose: null, method: 'GET' };
    expect(monitorTarget({ ...base, p95TargetMs: 250, url: 'https://example.com/app' }, endpoints, growth)).toMatchObject({ ms: 250, source: 'monitor', kind: 'common-read' });
    expect(monitorTarget({ ...base, url: 'https://example.com/app' }, endpoints, growth)).toMatchObject({ ms: 1_200, source: 'endpoint', from: 'set by hand on the endpoint “Reports”' });
    expect(monitorTarget({ ...base, method: 'POST', url: 'https://example.com/api/checkout' }, endpoints, growth)).toMatchObject({ ms: 800, kind: 'heavy-action', source: 'playbook' });
    expect(monitorTarget({ ...base, method: 'POST', url: 'https://chat.example.com/api/chat' }, endpoints, chatbot)).toMatchObject({ ms: 2_000, kind: 'chat' });
    expect(monitorTarget({ ...base, url: 'https://example.com/' }, endpoints, growth)).toMatchObject({ ms: 300, kind: 'common-read' });
  });

  it('a quick-setup purpose names the kind even when the endpoint list changed', () => {
    expect(monitorTarget({ p95TargetMs: null, purpose: 'webhook', method: 'POST', url: 'https://example.com/hooks' }, [], growth)).toMatchObject({ ms: 800, kind: 'heavy-action' });
    expect(monitorTarget({ p95TargetMs: null, purpose: 'homepage', method: 'GET', url: 'https://example.com/' }, [], growth)).toMatchObject({ ms: 300, kind: 'common-read' });
  });

  it('describes the number with where it came from', () => {
    expect(describeTarget(playbookTarget('heavy-action', growth))).toBe("800 ms for heavier actions (the playbook's p95 for heavier actions)");
  });
});
