/**
 * Splits a filter expression into tokens. Words (and, or, not, in, true,
 * false, is_missing) come out as names; the parser tells them apart
 * case-insensitively.
 */
import { FilterExpressionError } from './filter-expression-error.js';

export type TokenKind = 'name' | 'number' | 'string' | 'symbol' | 'end';

export interface Token {
  kind: TokenKind;
  /** The source text: the name, the number as written, the symbol; for a string its decoded value. */
  text: string;
  /** Offset of the token's first character. */
  position: number;
}

/** Symbols, longest first so that `<=` is not read as `<` then `=`. */
const SYMBOLS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', ','];

/** Single characters people type for a symbol the language spells differently. */
const SYMBOL_HINTS: Record<string, string> = { '=': 'use ==', '&': 'use && or and', '|': 'use || or or' };

/** Characters of a field name (the collection-name rule: letters, digits, _ . -). */
const NAME_CHAR = /[A-Za-z0-9_.-]/;
const NAME_RUN = /[A-Za-z0-9_.-]+/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SPACE = /\s+/y;

const ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  '0': '\0',
};

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = skipSpace(text, 0);
  while (position < text.length) {
    const token = readToken(text, position);
    tokens.push(token.token);
    position = skipSpace(text, token.end);
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}

function skipSpace(text: string, position: number): number {
  SPACE.lastIndex = position;
  return SPACE.test(text) ? SPACE.lastIndex : position;
}

function readToken(text: string, position: number): { token: Token; end: number } {
  const char = text[position];
  if (char === "'" || char === '"') return readString(text, position);
  const number = readNumber(text, position);
  if (number !== undefined) return number;
  if (NAME_CHAR.test(char) && char !== '-') return readName(text, position);
  const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, position));
  if (symbol !== undefined)
    return { token: { kind: 'symbol', text: symbol, position }, end: position + symbol.length };
  throw new FilterExpressionError(`unexpected ${JSON.stringify(char)}`, position, SYMBOL_HINTS[char]);
}

/**
 * A number, unless name characters follow it: field names may start with a
 * digit ("2nd-price"), so a run like `3d` is a name, and `12` a number.
 */
function readNumber(text: string, position: number): { token: Token; end: number } | undefined {
  NUMBER.lastIndex = position;
  const match = NUMBER.exec(text);
  if (match === null) return undefined;
  const end = position + match[0].length;
  if (end < text.length && NAME_CHAR.test(text[end])) return undefined;
  return { token: { kind: 'number', text: match[0], position }, end };
}

function readName(text: string, position: number): { token: Token; end: number } {
  NAME_RUN.lastIndex = position;
  const name = NAME_RUN.exec(text)![0];
  return { token: { kind: 'name', text: name, position }, end: position + name.length };
}

function readString(text: string, start: number): { token: Token; end: number } {
  const quote = text[start];
  let value = '';
  let position = start + 1;
  while (position < text.length && text[position] !== quote) {
    if (text[position] === '\\') {
      const escaped = readEscape(text, position);
      value += escaped.value;
      position = escaped.end;
    } else {
      value += text[position++];
    }
  }
  if (position >= text.length) {
    throw new FilterExpressionError('unterminated string', start, `close it with ${quote}`);
  }
  return { token: { kind: 'string', text: value, position: start }, end: position + 1 };
}

function readEscape(text: string, backslash: number): { value: string; end: number } {
  const code = text[backslash + 1];
  if (Object.hasOwn(ESCAPES, code)) return { value: ESCAPES[code], end: backslash + 2 };
  if (code === 'u') {
    const hex = text.slice(backslash + 2, backslash + 6);
    if (/^[0-9A-Fa-f]{4}$/.test(hex))
      return { value: String.fromCharCode(Number.parseInt(hex, 16)), end: backslash + 6 };
  }
  throw new FilterExpressionError(
    `unknown escape "\\${code ?? ''}"`,
    backslash,
    'escapes are \\\\ \\\' \\" \\n \\r \\t \\0 and \\uXXXX',
  );
}
