import { describe, expect, it } from 'vitest';
import { probeScope } from './probe-scope';

describe('probe scope', () => {
  it.each([
    'https://shop.example/',
    'https://SHOP.example./login',
    'https://api.shop.example:8443/v1',
    'http://a.b.shop.example/',
  ])('lets %s be probed for shop.example', (url) => {
    expect(probeScope(url, 'shop.example').inScope).toBe(true);
  });

  it.each([
    ['https://api.other.com/login', 'api.other.com'],
    ['https://evilshop.example/', 'evilshop.example'],
    ['https://shop.example.evil.com/', 'shop.example.evil.com'],
    ['https://127.0.0.1/', '127.0.0.1'],
    ['https://[::1]/', '[::1]'],
    ['https://example/', 'example'],
  ])('keeps %s out of scope', (url, host) => {
    const scope = probeScope(url, 'shop.example');
    expect(scope).toMatchObject({ inScope: false, host });
    if (!scope.inScope) expect(scope.message).toContain(`${host} is not under the verified domain shop.example`);
  });

  it('scopes nothing when the domain is itself a public suffix, and refuses invalid addresses', () => {
    expect(probeScope('https://victim.co.uk/', 'co.uk').inScope).toBe(false);
    expect(probeScope('not a url', 'shop.example').inScope).toBe(false);
  });

  it('words the light-sample case without claiming a verification', () => {
    const scope = probeScope('https://api.other.com/', 'shop.example', false);
    expect(!scope.inScope && scope.message).toContain("api.other.com is not under the project's domain shop.example");
  });
});
