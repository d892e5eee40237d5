/**
 * Every parser that reads what strangers' servers send (DNS TXT records, headers, HTML, bundles,
 * source maps) and the secret detector that reads what people paste, with generators for
 * fast-check and adversarial inputs built to make regular expressions backtrack or structures
 * grow. Used by parsers.fuzz.test.ts (bounded time, no escaping exception) and
 * scripts/fuzz-parsers.ts (the figures).
 */
import fc from 'fast-check';
import type { HttpHeaders, HttpResponse } from '@/server/net/http-client';
import { parseSpfRecord, SpfSyntaxError } from '@/server/checks/spf-engine/record';
import { MacroSyntaxError, parseMacroString } from '@/server/checks/spf-engine/macro';
import { parseTagList } from '@/server/checks/support/tag-list';
import { dmarcRecords, reportingAddresses } from '@/server/checks/dmarc';
import { parseHsts } from '@/server/checks/hsts';
import { parseCacheControl } from '@/server/checks/static-caching';
import { summariseCsp } from '@/server/checks/support/csp';
import { isSessionLike, readSetCookies } from '@/server/checks/support/cookies';
import { extractAssets } from '@/server/checks/support/html';
import { gradeHeaders } from '@/server/checks/security-headers';
import { detectProviders } from '@/server/checks/cdn';
import { decodeDataUrl, parseSourceMap, sourceMapReference } from '@/server/checks/secrets/crawl';
import { scanText } from '@/server/checks/secrets/scanner';
import { findSecretValue } from '@/server/records/secret-values';
import { redactText } from '@/server/handover/redact';

export interface FuzzTarget {
  name: string;
  /** Generated cases: grammar-shaped pieces mixed with arbitrary text. */
  arbitrary: fc.Arbitrary<string>;
  /** Inputs built to trigger backtracking or large structures (tens of KB to 5 MB). */
  adversarial: () => string[];
  run(input: string): unknown;
  /** A documented refusal (e.g. an SPF syntax error) is an answer, not a crash. */
  expected?: (error: unknown) => boolean;
}

const KB = 1024;
const MB = 1024 * KB;

/** Text made of the given pieces: the characters and tokens a parser's regexes care about. */
export const pieces = (list: readonly string[], maxLength = 40) => fc.array(fc.constantFrom(...list), { maxLength }).map((parts) => parts.join(''));

/** Grammar pieces, arbitrary unicode and binary, in one arbitrary. */
const mixed = (list: readonly string[]) => fc.oneof({ arbitrary: pieces(list), weight: 3 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 }, { arbitrary: fc.string({ maxLength: 200 }), weight: 1 });

const repeat = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));

const headers = (name: string, value: string): HttpHeaders => ({ [name]: [value] });

const response = (value: string): HttpResponse =>
  ({ url: 'https://example.com/app.js', status: 200, headers: headers('sourcemap', value), body: new Uint8Array(), truncated: false, remoteAddress: '127.0.0.1', timing: {}, totalMs: 0, redirects: [], text: () => '' }) as unknown as HttpResponse;

const SPF_PIECES = ['v=spf1', ' ', 'ip4:', 'ip6:', '1.2.3.4', '::1', '/', '//', '24', '0', 'a', 'mx', 'ptr', 'include:', 'exists:', 'redirect=', 'exp=', 'all', '-', '~', '?', '+', ':', '%{', '}', 'i', 'd', 'r', '.', '%%', '%_', '%-', 'example.com', '='];
const TAG_PIECES = ['v=DMARC1', 'v=DKIM1', ';', '=', ' ', 'p=', 'k=rsa', 'rua=', 'mailto:', '@', '.', ',', '!10m', 'pct=', 'reject', 't=y', 'h=sha256', 'MIGf', 'A', '\t'];
const HEADER_PIECES = ['max-age=', '31536000', '"', ';', ',', '=', ' ', 'includeSubDomains', 'preload', 'no-store', 'immutable', 'public', 's-maxage=', "'self'", "'unsafe-inline'", "'nonce-", "'sha256-", 'script-src', 'default-src', 'frame-ancestors', 'https:', '*'];
const COOKIE_PIECES = ['session=', 'abc', ';', ' ', 'Secure', 'HttpOnly', 'SameSite=', 'Lax', 'Expires=', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Max-Age=', '0', 'Domain=', 'Path=/', '=', '"', ',', '__Host-'];
const HTML_PIECES = ['<', '>', '</', 'script', 'link', 'a', 'base', ' ', 'src=', 'href=', 'rel=', '"', "'", '=', 'stylesheet', 'modulepreload', '/app.js', 'https://example.com/', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#', ';', 'id=__NEXT_DATA__'];
const MAP_PIECES = ['{', '}', '[', ']', '"', ':', ',', 'sources', 'sourcesContent', 'mappings', 'null', '\\', 'u0000', '"a"', '//# sourceMappingURL=', 'data:application/json;base64,', 'eyJ', '%', '\n'];
const SECRET_PIECES = ['sk_live_', 'AKIA', 'eyJ', '.', 'Authorization', ':', ' ', 'token', '=', 'Bearer ', 'postgres://', 'user', '@', '/', '?', '&', 'key', 'secret', '_', '-', '0123456789abcdef', 'ABCDEFabcdef', '"', "'", '-----BEGIN PRIVATE KEY-----', '-----END PRIVATE KEY-----', '\n', 'sha256:', 'https://', 'a.b', '$', '<', '>'];

export const TARGETS: FuzzTarget[] = [
  {
    name: 'spf record',
    arbitrary: mixed(SPF_PIECES).map((s) => `v=spf1 ${s}`),
    adversarial: () => [
      `v=spf1 ${repeat('a', 64 * KB)}`,
      `v=spf1 a:${repeat('/', 64 * KB)}`,
      `v=spf1 a:${repeat('/1', 64 * KB)}x`,
      `v=spf1 ${repeat('%{', 64 * KB)}`,
      `v=spf1 exists:${repeat('%{d}', 64 * KB)}`,
      `v=spf1 ${repeat('ip4:1.2.3.4 ', 64 * KB)}`,
      `v=spf1 x=${repeat('%%', 64 * KB)}`,
    ],
    run: parseSpfRecord,
    expected: (error) => error instanceof SpfSyntaxError,
  },
  {
    name: 'spf macro',
    arbitrary: mixed(SPF_PIECES),
    adversarial: () => [repeat('%{d', 64 * KB), repeat('%{d1r', 64 * KB), `%{d${repeat('.', 64 * KB)}`, repeat('%', 64 * KB)],
    run: (input) => parseMacroString(input, { explanation: true }),
    expected: (error) => error instanceof MacroSyntaxError,
  },
  {
    name: 'dkim/dmarc tag list',
    arbitrary: mixed(TAG_PIECES),
    adversarial: () => [repeat(';', 64 * KB), repeat('a=', 64 * KB), repeat(' ', 64 * KB), repeat('v=DMARC1; ', 64 * KB), `p=${repeat('A', 64 * KB)}`],
    run: (input) => [parseTagList(input), dmarcRecords({ status: 'found', records: [input] })],
  },
  {
    name: 'dmarc rua',
    arbitrary: mixed(TAG_PIECES),
    adversarial: () => [`mailto:a@${repeat('a.', 64 * KB)}@`, `mailto:${repeat('a', 64 * KB)}`, `mailto:a@b.${repeat('c', 64 * KB)}!`, repeat('mailto:a@b.c,', 64 * KB), `mailto:a@${repeat('.', 64 * KB)} `],
    run: reportingAddresses,
  },
  {
    name: 'hsts / cache-control',
    arbitrary: mixed(HEADER_PIECES),
    adversarial: () => [repeat(';', 64 * KB), `max-age="${repeat('1', 64 * KB)}`, repeat('=', 64 * KB), `max-age=${repeat('"', 64 * KB)}`],
    run: (input) => [parseHsts(input), parseCacheControl(input)],
  },
  {
    name: 'csp',
    arbitrary: mixed(HEADER_PIECES),
    adversarial: () => [repeat(';', 64 * KB), repeat(',', 64 * KB), `script-src ${repeat("'nonce-a' ", 64 * KB)}`, repeat('script-src;', 64 * KB), repeat(' ', 64 * KB)],
    run: (input) => summariseCsp([input, input]),
  },
  {
    name: 'set-cookie',
    arbitrary: mixed(COOKIE_PIECES),
    adversarial: () => [`a=${repeat('b', 64 * KB)}`, repeat(';', 64 * KB), `a=b; ${repeat('Expires=', 64 * KB)}`, repeat('a=b, ', 64 * KB), repeat('=', 64 * KB)],
    run: (input) => [readSetCookies([input, input]), isSessionLike(input)],
  },
  {
    name: 'security headers / cdn',
    arbitrary: mixed([...HEADER_PIECES, ...COOKIE_PIECES]),
    adversarial: () => [repeat('a', 64 * KB), repeat(';', 64 * KB), repeat("'unsafe-inline' ", 64 * KB)],
    run: (input) => {
      const all: HttpHeaders = Object.fromEntries(
        ['strict-transport-security', 'content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'set-cookie', 'server', 'via', 'cf-ray', 'x-cache'].map((name) => [name, [input]]),
      );
      return [gradeHeaders(all), detectProviders(all)];
    },
  },
  {
    name: 'html',
    arbitrary: mixed(HTML_PIECES),
    adversarial: () => [
      repeat('<script>', 1 * MB),
      repeat('<a href="/x', 1 * MB),
      repeat('<', 1 * MB),
      repeat('<!--', 1 * MB),
      `<script>${repeat('x', 5 * MB)}`,
      repeat('<link rel="stylesheet" href="/a.css">', 1 * MB),
      repeat('&#', 1 * MB),
    ],
    run: (input) => extractAssets(input, 'https://example.com/'),
  },
  {
    name: 'source maps',
    arbitrary: mixed(MAP_PIECES),
    adversarial: () => [
      JSON.stringify({ version: 3, mappings: '', sources: Array.from({ length: 50_000 }, (_, i) => `src/${i}.ts`), sourcesContent: Array.from({ length: 50_000 }, () => 'x') }),
      repeat('[', 1 * MB),
      `{"mappings":"${repeat('A', 5 * MB)}"}`,
      `${repeat('x', 5 * MB)}\n//# sourceMappingURL=${repeat('a', 2 * KB)}`,
      `data:application/json;base64,${repeat('eyJ', 1 * MB)}`,
      `data:,${repeat('%', 1 * MB)}`,
    ],
    run: (input) => [parseSourceMap(input), decodeDataUrl(input), sourceMapReference(input, response(input.slice(0, 100)))],
  },
  {
    name: 'bundle secret scan (secretlint)',
    arbitrary: mixed(SECRET_PIECES),
    adversarial: () => [
      `${repeat('var a="x";', 5 * MB)}`,
      repeat('AKIA', 1 * MB),
      repeat('eyJhbGciOi.', 1 * MB),
      repeat('https://a:b@', 512 * KB),
      repeat('"secretAccessKey": "', 512 * KB),
      repeat('-----BEGIN PRIVATE KEY-----\n', 512 * KB),
      // Many distinct key-shaped strings on many lines: every hit needs its line number.
      Array.from({ length: 40_000 }, (_, i) => `k${i}="AKIA${String(i).padStart(16, 'A').replace(/\d/g, (d) => 'QRSTUVWXYZ'[Number(d)]!)}"`).join('\n'),
    ],
    run: (input) => scanText(input),
  },
  {
    name: 'secret detector (forms)',
    arbitrary: mixed(SECRET_PIECES),
    adversarial: () => [
      repeat('a', 100 * KB),
      repeat('a.', 100 * KB),
      repeat('a:', 100 * KB),
      repeat('token', 100 * KB),
      repeat('"a', 100 * KB),
      `Authorization:${repeat(' ', 100 * KB)}`,
      `https://${repeat('a:', 100 * KB)}`,
      `${repeat('ab', 100 * KB)}=`,
      repeat('0123456789abcdef', 100 * KB),
      repeat('eyJaaaaaaaaa.', 100 * KB),
      repeat('-----BEGIN PRIVATE KEY-----', 100 * KB),
    ],
    run: findSecretValue,
  },
  {
    name: 'secret redaction (handover)',
    arbitrary: mixed(SECRET_PIECES),
    adversarial: () => [repeat('a', 100 * KB), repeat('a.', 100 * KB), repeat('token', 100 * KB), repeat('secret=aaaaaaaa ', 100 * KB), repeat('password: x1y2z3w4\n', 100 * KB), repeat('0123456789abcdef', 100 * KB), `https://${repeat('a:', 100 * KB)}`],
    run: redactText,
  },
];
