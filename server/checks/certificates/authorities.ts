/**
 * Which CAA identifiers let a certificate authority issue (RFC 8659 "issue" values), found
 * from the issuer of a certificate. Only authorities whose identifiers their own documentation
 * gives; an issuer not listed is "unknown" and no CAA verdict is given for it.
 */
export interface Authority {
  name: string;
  /** CAA issuer-domain-names the authority honours; the first is the one to recommend. */
  caa: readonly string[];
}

const AUTHORITIES: readonly (Authority & { match: RegExp })[] = [
  { name: "Let's Encrypt", match: /let'?s encrypt|internet security research group/i, caa: ['letsencrypt.org'] },
  { name: 'Google Trust Services', match: /google trust services/i, caa: ['pki.goog'] },
  { name: 'ZeroSSL', match: /zerossl/i, caa: ['sectigo.com'] },
  { name: 'Sectigo', match: /sectigo|comodo|usertrust/i, caa: ['sectigo.com', 'comodoca.com', 'comodo.com', 'usertrust.com', 'trust-provider.com'] },
  { name: 'DigiCert', match: /digicert|geotrust|rapidssl|thawte|symantec/i, caa: ['digicert.com', 'symantec.com', 'geotrust.com', 'rapidssl.com', 'thawte.com'] },
  { name: 'Amazon', match: /^amazon/i, caa: ['amazon.com', 'amazontrust.com', 'awstrust.com', 'amazonaws.com'] },
  { name: 'GlobalSign', match: /globalsign/i, caa: ['globalsign.com'] },
  { name: 'SSL.com', match: /ssl corp/i, caa: ['ssl.com'] },
  { name: 'Buypass', match: /buypass/i, caa: ['buypass.com', 'buypass.no'] },
  { name: 'Entrust', match: /entrust/i, caa: ['entrust.net', 'affirmtrust.com'] },
  { name: 'GoDaddy', match: /godaddy|starfield/i, caa: ['godaddy.com', 'starfieldtech.com'] },
  { name: 'Certum', match: /certum|unizeto|asseco/i, caa: ['certum.pl'] },
  { name: 'HARICA', match: /harica|hellenic academic/i, caa: ['harica.gr'] },
  { name: 'Actalis', match: /actalis/i, caa: ['actalis.it'] },
];

/** One attribute of a distinguished name as tls-probe writes it ("C=US, O=Let's Encrypt, CN=R11"). */
export function dnAttribute(dn: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|, )${key}=(.*?)(?=, [A-Za-z]+=|$)`).exec(dn);
  return match?.[1]?.trim() || undefined;
}

/** The authority behind an issuer DN, by its organisation (or common name when it has none). */
export function authorityOf(issuerDn: string): Authority | undefined {
  const organisation = dnAttribute(issuerDn, 'O') ?? dnAttribute(issuerDn, 'CN') ?? '';
  const found = AUTHORITIES.find((authority) => authority.match.test(organisation));
  return found ? { name: found.name, caa: found.caa } : undefined;
}

/** A name people recognise: the authority, else the issuer's organisation or common name. */
export function issuerLabel(issuerDn: string): string {
  return authorityOf(issuerDn)?.name ?? dnAttribute(issuerDn, 'O') ?? dnAttribute(issuerDn, 'CN') ?? (issuerDn || 'an unknown issuer');
}
