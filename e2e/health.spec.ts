import { expect, test } from '@playwright/test';

test('the health route answers when the database does, and the app ships its own security headers', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
  const page = await request.get('/');
  expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
  expect(page.headers()['x-powered-by']).toBeUndefined();
});
