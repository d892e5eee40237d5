/**
 * SPF macro strings (RFC 7208 section 7): parsing, domain-spec syntax, expansion.
 */

export type MacroLetter = 's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'v' | 'c' | 'r' | 't';

export type MacroToken =
  | { kind: 'literal'; text: string }
  /** %%, %_ and %- are macro-expands in the grammar, which matters for domain-end. */
  | { kind: 'escape'; text: string }
  | { kind: 'macro'; letter: MacroLetter; urlEscape: boolean; keep?: number; reverse: boolean; delimiters: string };

export type MacroString = MacroToken[];

export class MacroSyntaxError extends Error {}

const MACRO_LETTERS = new Set<string>(['s', 'l', 'o', 'd', 'i', 'p', 'h', 'v', 'c', 'r', 't']);
/** c, r and t describe the receiving side and may only appear in explanation text. */
const EXPLANATION_ONLY = new Set<string>(['c', 'r', 't']);
const MACRO_EXPAND = /^%\{([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)\}/i;

function parseExpand(text: string, at: number, allowExplanationLetters: boolean): [MacroToken, number] {
  const next = text[at + 1];
  if (next === '%') return [{ kind: 'escape', text: '%' }, 2];
  if (next === '_') return [{ kind: 'escape', text: ' ' }, 2];
  if (next === '-') return [{ kind: 'escape', text: '%20' }, 2];
  const match = MACRO_EXPAND.exec(text.slice(at));
  if (!match) throw new MacroSyntaxError(`invalid macro at "${text.slice(at, at + 12)}"`);
  const [whole, rawLetter = '', digits = '', reverse = '', delimiters = ''] = match;
  const letter = rawLetter.toLowerCase();
  if (!MACRO_LETTERS.has(letter)) throw new MacroSyntaxError(`unknown macro letter "${rawLetter}"`);
  if (!allowExplanationLetters && EXPLANATION_ONLY.has(letter)) {
    throw new MacroSyntaxError(`macro "${rawLetter}" is only allowed in explanations`);
  }
  if (digits !== '' && Number(digits) === 0) throw new MacroSyntaxError('macro transformer digit must be nonzero');
  return [
    {
      kind: 'macro',
      letter: letter as MacroLetter,
      urlEscape: rawLetter !== letter,
      ...(digits !== '' ? { keep: Number(digits) } : {}),
      reverse: reverse !== '',
      delimiters: delimiters || '.',
    },
    whole.length,
  ];
}

/**
 * Parses a macro-string. Literals must be visible ASCII (%x21-7E); explanation text
 * additionally allows spaces and the c/r/t letters.
 */
export function parseMacroString(text: string, options: { explanation?: boolean } = {}): MacroString {
  const explanation = options.explanation === true;
  const tokens: MacroToken[] = [];
  let literal = '';
  for (let at = 0; at < text.length; ) {
    const char = text[at] ?? '';
    if (char === '%') {
      if (literal) tokens.push({ kind: 'literal', text: literal });
      literal = '';
      const [token, length] = parseExpand(text, at, explanation);
      tokens.push(token);
      at += length;
      continue;
    }
    const code = char.charCodeAt(0);
    const visible = code >= 0x21 && code <= 0x7e;
    if (!visible && !(explanation && char === ' ')) {
      throw new MacroSyntaxError(`character U+${code.toString(16).padStart(4, '0')} is not allowed`);
    }
    literal += char;
    at += 1;
  }
  if (literal) tokens.push({ kind: 'literal', text: literal });
  return tokens;
}

const TOPLABEL = /\.([a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])\.?$/i;

/**
 * domain-spec = macro-string domain-end; domain-end = ("." toplabel ["."]) / macro-expand.
 * The top label may not be all digits, so IP literals and "example.123" are rejected.
 */
export function parseDomainSpec(text: string): MacroString {
  if (text === '') throw new MacroSyntaxError('empty domain-spec');
  const tokens = parseMacroString(text);
  const last = tokens[tokens.length - 1];
  if (last && last.kind !== 'literal') return tokens;
  if (!TOPLABEL.test(last?.text ?? '')) throw new MacroSyntaxError(`"${text}" does not end in a valid top-level label`);
  return tokens;
}

/** What the macros refer to during one evaluation. `p` is resolved lazily because it costs DNS lookups. */
export interface MacroContext {
  sender: string;
  localPart: string;
  senderDomain: string;
  domain: string;
  ip: string;
  ipDotted: string;
  ipVersionLabel: 'in-addr' | 'ip6';
  helo: string;
  receivingHost: string;
  timestamp: number;
  validatedPtrName(): Promise<string>;
}

async function macroValue(letter: MacroLetter, context: MacroContext): Promise<string> {
  switch (letter) {
    case 's':
      return context.sender;
    case 'l':
      return context.localPart;
    case 'o':
      return context.senderDomain;
    case 'd':
      return context.domain;
    case 'i':
      return context.ipDotted;
    case 'p':
      return context.validatedPtrName();
    case 'h':
      return context.helo;
    case 'v':
      return context.ipVersionLabel;
    case 'c':
      return context.ip;
    case 'r':
      return context.receivingHost;
    case 't':
      return String(context.timestamp);
  }
}

/** RFC 3986 unreserved characters stay; everything else is percent-encoded as UTF-8. */
function urlEscape(value: string): string {
  return Array.from(new TextEncoder().encode(value), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

function transform(value: string, token: Extract<MacroToken, { kind: 'macro' }>): string {
  const splitter = new RegExp(`[${token.delimiters.replace(/[-\\\]^/]/g, '\\$&')}]`);
  let parts = value.split(splitter);
  if (token.reverse) parts = parts.reverse();
  if (token.keep !== undefined && token.keep < parts.length) parts = parts.slice(parts.length - token.keep);
  const joined = parts.join('.');
  return token.urlEscape ? urlEscape(joined) : joined;
}

export async function expandMacroString(tokens: MacroString, context: MacroContext): Promise<string> {
  let out = '';
  for (const token of tokens) {
    if (token.kind === 'macro') out += transform(await macroValue(token.letter, context), token);
    else out += token.text;
  }
  return out;
}

/** RFC 7208 7.3: an expanded domain over 253 characters loses labels from the left. */
export function truncateDomain(domain: string): string {
  let result = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  while (result.length > 253 && result.includes('.')) result = result.slice(result.indexOf('.') + 1);
  return result;
}
