import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, routes } from '@/test/testnet/site';
import { startQuickSite, type QuickSite } from '@/test/testnet/quick-site';
import { ownershipInstructions, verifyOwnership } from './ownership';

const TOKEN = 'tok_0123456789abcdefXYZ';

describe('domain ownership', () => {
  let site: QuickSite;
  beforeAll(async () => {
    site = await startQuickSite({
      hosts: {
        'txt.test': respond(404),
        'sub.test': respond(404),
        'file.test': routes({ '/.well-known/launch-ready.txt': respond(200, { 'content-type': 'text/plain' }, `${TOKEN}\n`) }),
        'www.moved.test': routes({ '/.well-known/launch-ready.txt': respond(200, {}, TOKEN) }),
        'moved.test': respond(301, { location: 'https://www.moved.test/.well-known/launch-ready.txt' }),
        'away.test': respond(301, { location: 'https://file.test/.well-known/launch-ready.txt' }),
        'none.test': respond(404),
      },
      zone: {
        'txt.test': { A: ['127.0.0.1'], TXT: ['v=spf1 -all', `launch-ready-verification=${TOKEN}`] },
        '_launch-ready.sub.test': { TXT: [TOKEN] },
        'none.test': { A: ['127.0.0.1'], TXT: ['launch-ready-verification=someone-elses-token'] },
      },
    });
  });
  afterAll(() => site?.close());

  it('accepts the TXT record at the apex or at _launch-ready, or the well-known file (also after a same-domain redirect)', async () => {
    expect(await verifyOwnership('txt.test', TOKEN, site.deps)).toMatchObject({ verified: true, method: 'dns-txt' });
    expect(await verifyOwnership('sub.test', TOKEN, site.deps)).toMatchObject({ verified: true, method: 'dns-txt-subdomain' });
    expect(await verifyOwnership('file.test', TOKEN, site.deps)).toMatchObject({ verified: true, method: 'well-known' });
    expect(await verifyOwnership('moved.test', TOKEN, site.deps)).toMatchObject({ verified: true, method: 'well-known' });
  });

  it('refuses other tokens, redirects to other domains, and malformed tokens', async () => {
    const none = await verifyOwnership('none.test', TOKEN, site.deps);
    expect(none).toMatchObject({ verified: false, attempts: [{ method: 'dns-txt', outcome: 'absent' }, { method: 'dns-txt-subdomain', outcome: 'absent' }, { method: 'well-known', outcome: 'absent' }] });
    expect((await verifyOwnership('away.test', TOKEN, site.deps)).verified).toBe(false);
    await expect(verifyOwnership('txt.test', 'short', site.deps)).rejects.toThrow(/tokens/);
  });

  it('describes the three ways to prove ownership', () => {
    expect(ownershipInstructions('Shop.test', TOKEN)).toEqual({
      dnsTxt: { name: 'shop.test', type: 'TXT', value: `launch-ready-verification=${TOKEN}` },
      dnsTxtSubdomain: { name: '_launch-ready.shop.test', type: 'TXT', value: `launch-ready-verification=${TOKEN}` },
      wellKnown: { url: 'https://shop.test/.well-known/launch-ready.txt', content: TOKEN },
    });
  });
});
