import { describe, expect, it } from 'vitest';
import { authorityOf, dnAttribute, issuerLabel } from './authorities';
import { allowedIssuers } from './caa';
import { lifetimeOf, maxLifetimeDays, upcomingSteps } from './lifetime';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('certificate lifetimes (CA/Browser Forum SC-081)', () => {
  it.each([
    ['2026-03-14', 398],
    ['2026-03-15', 200],
    ['2026-12-02', 200],
    ['2027-03-14', 200],
    ['2027-03-15', 100],
    ['2029-03-14', 100],
    ['2029-03-15', 47],
  ])('a certificate issued on %s lasts at most %i days', (iso, days) => {
    expect(maxLifetimeDays(day(iso))).toBe(days);
  });

  it('lists the steps still to come', () => {
    expect(upcomingSteps(day('2026-12-02'))).toEqual([{ from: '2027-03-15', maxDays: 100 }, { from: '2029-03-15', maxDays: 47 }]);
    expect(upcomingSteps(day('2029-04-01'))).toEqual([]);
  });

  it('calls a certificate overdue only past two-thirds of its life plus a grace', () => {
    // 90 days from 1 September: renewal due 31 October, grace 4.5 days.
    const at = (iso: string) => lifetimeOf('2026-09-01T00:00:00Z', '2026-11-30T00:00:00Z', new Date(iso));
    expect(at('2026-11-03T00:00:00Z')).toMatchObject({ lifetimeDays: 90, overdue: false, renewalDueAt: '2026-10-31T00:00:00.000Z' });
    expect(at('2026-11-05T00:00:00Z').overdue).toBe(true);
    // A 398-day certificate ending after 15 March 2027 is replaced by one of at most 100 days.
    expect(lifetimeOf('2026-03-01T00:00:00Z', '2027-04-03T00:00:00Z', day('2026-12-02')).replacementMaxDays).toBe(100);
  });
});

describe('issuing authorities and CAA', () => {
  it('reads the issuer organisation, commas and all', () => {
    expect(dnAttribute('C=US, O=GoDaddy.com, Inc., OU=http://certs.godaddy.com/repository/, CN=Go Daddy Secure Certificate Authority - G2', 'O')).toBe('GoDaddy.com, Inc.');
    expect(authorityOf("C=US, O=Let's Encrypt, CN=R11")).toMatchObject({ name: "Let's Encrypt", caa: ['letsencrypt.org'] });
    expect(authorityOf('C=US, O=Google Trust Services, CN=WR1')?.caa).toEqual(['pki.goog']);
    expect(authorityOf('C=AT, O=ZeroSSL, CN=ZeroSSL RSA Domain Secure Site CA')?.caa).toEqual(['sectigo.com']);
    expect(authorityOf('CN=Launch Ready Test CA')).toBeUndefined();
    expect(issuerLabel('CN=Launch Ready Test CA')).toBe('Launch Ready Test CA');
  });

  it('takes issuewild for wildcard certificates, and ";" as nobody', () => {
    const records = [
      { critical: 0, tag: 'issue', value: 'letsencrypt.org; validationmethods=http-01' },
      { critical: 0, tag: 'issuewild', value: ';' },
      { critical: 0, tag: 'iodef', value: 'mailto:security@example.com' },
    ];
    expect(allowedIssuers(records, false)).toEqual(['letsencrypt.org']);
    expect(allowedIssuers(records, true)).toEqual([]);
    expect(allowedIssuers([{ critical: 0, tag: 'iodef', value: 'mailto:x@example.com' }], false)).toBeNull();
  });
});
