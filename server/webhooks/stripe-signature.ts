/**
 * Stripe's webhook signature scheme: `Stripe-Signature: t=<unix seconds>,v1=<hex>` where v1 is
 * HMAC-SHA256 over `<t>.<raw body>` keyed by the endpoint's signing secret. Used to sign our test
 * events and, in tests, by the loopback handlers that verify them.
 */
import crypto from 'node:crypto';

export function stripeSignature(payload: string, secret: string, timestampSeconds: number): string {
  return crypto.createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex');
}

export function stripeSignatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${stripeSignature(payload, secret, timestampSeconds)}`;
}

/** Verifies a header as Stripe's libraries do: any v1 matches, in constant time, within the tolerance. */
export function verifyStripeSignature(payload: string, header: string | undefined, secret: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.split('=') as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(stripeSignature(payload, secret, t), 'hex');
  return parts.some(([k, v]) => k === 'v1' && v !== undefined && /^[0-9a-f]{64}$/.test(v) && crypto.timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
