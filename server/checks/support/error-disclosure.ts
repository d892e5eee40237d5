/**
 * Signs that an error response shows the inside of the application: an interactive debugger,
 * a framework's debug page, or a stack trace with source file paths. Pure: pattern matching on
 * the body (HTML line breaks and JSON-escaped newlines are undone first). Only the one matching
 * line is kept as evidence, cut to 160 characters.
 */
export type Disclosure = { code: 'debug-console' | 'debug-page' | 'stack-trace'; what: string; excerpt: string };

type Signature = { code: Disclosure['code']; what: string; pattern: RegExp; lines?: number };

const SIGNATURES: readonly Signature[] = [
  { code: 'debug-console', what: 'the Werkzeug (Flask) interactive debugger', pattern: /Werkzeug Debugger|__debugger__=yes|class="debugger"/i },
  { code: 'debug-page', what: 'the Django debug page (DEBUG = True)', pattern: /seeing this error because you have\s*(?:<code>)?\s*DEBUG = True|Using the URLconf defined in/i },
  { code: 'debug-page', what: 'the Rails development error page', pattern: /Action Controller: Exception caught|Rails\.root: \/|<h1>Routing Error<\/h1>/i },
  { code: 'debug-page', what: 'the Laravel / Symfony debug page', pattern: /Whoops! There was an error|Symfony\\Component\\[\w\\]+Exception|window\.ignite|ignition-[\w-]+\.js|class="sf-dump"/i },
  { code: 'debug-page', what: 'the ASP.NET detailed error page', pattern: /Server Error in '[^']*' Application|An unhandled exception occurred while processing the request/i },
  { code: 'debug-page', what: 'a development server (hot reload)', pattern: /_next\/static\/chunks\/react-refresh\.js|\/@vite\/client|webpack-hmr|__webpack_hmr/i },
  { code: 'stack-trace', what: 'a Python traceback', pattern: /Traceback \(most recent call last\):/ },
  { code: 'stack-trace', what: 'a Go panic', pattern: /goroutine \d+ \[running\]:/ },
  { code: 'stack-trace', what: 'a PHP error with file paths', pattern: /(?:Fatal error|Uncaught [\w\\]+Exception|Stack trace:\s*#0)[^\n]*(?:\bon line \d+|#0 \/)/i },
  { code: 'stack-trace', what: 'a JavaScript stack trace', pattern: /^\s*at (?:[^\n()]+ \()?(?:\/|[A-Za-z]:\\|file:\/\/|node:internal)[^\n()"<]*:\d+:\d+\)?/m, lines: 2 },
  { code: 'stack-trace', what: 'a Java stack trace', pattern: /^\s*at [\w$.]+\([\w$]+\.(?:java|kt|scala):\d+\)/m, lines: 2 },
  { code: 'stack-trace', what: 'a .NET stack trace', pattern: /^\s*at [\w.`<>[\], ]+\([^)]*\) in [^\n]+:line \d+/m },
  { code: 'stack-trace', what: 'a Ruby backtrace', pattern: /\.rb:\d+:in [`'][^'\n]+'/ },
];

/** HTML line breaks, entities and JSON-escaped newlines back to plain lines. */
function plainLines(body: string): string {
  return body
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x27;|&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\\r\\n|\\n/g, '\n')
    .replace(/\\\\/g, '\\');
}

function count(pattern: RegExp, text: string): number {
  return text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
}

function excerptAt(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end).trim().slice(0, 160);
}

/** The most serious sign in a body, if any. */
export function findDisclosure(body: string): Disclosure | undefined {
  const text = plainLines(body);
  for (const signature of SIGNATURES) {
    const match = signature.pattern.exec(text);
    if (!match) continue;
    if (signature.lines && count(signature.pattern, text) < signature.lines) continue;
    return { code: signature.code, what: signature.what, excerpt: excerptAt(text, match.index + (match[0].length - match[0].trimStart().length)) };
  }
  return undefined;
}
