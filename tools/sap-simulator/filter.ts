// OData V2 $filter: tokenizer, recursive-descent parser and type checker, compiled to a predicate.
// Type checking is strict like Gateway's: comparing an Edm.DateTimeOffset property with a
// datetime'...' literal (or a quoted string) is a 400, which is the mistake connectors make.

import { BAD_QUERY, ODataError } from './errors';
import type { EdmType, EntityType } from './model';

type ValueType = EdmType | 'Edm.Guid' | 'null';
export type Getter = (property: string) => unknown;

interface Token {
  kind: 'open' | 'close' | 'comma' | 'word' | 'literal';
  text: string;
  /** 1-based position in the $filter text, as Gateway reports it. */
  pos: number;
  type?: ValueType;
  value?: unknown;
}

interface Expr {
  type: ValueType;
  pos: number;
  evaluate(get: Getter): unknown;
  property?: string;
  literal?: unknown;
  /** Key properties pinned by `Key eq 'value'` terms of a top-level `and` chain. */
  pins?: Record<string, string>;
}

export interface CompiledFilter {
  matches(get: Getter): boolean;
  /** Lets a source narrow its scan (e.g. `Product eq 'TG11'`) without changing the result. */
  pins: Record<string, string>;
}

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const RESERVED = new Set([...COMPARISONS, 'and', 'or', 'not']);
const NUMERIC = new Set<ValueType>(['Edm.Decimal', 'Edm.Byte']);

function invalidToken(pos: number): ODataError {
  return new ODataError(400, BAD_QUERY, `Invalid token detected at position ${pos}`);
}

function invalidParameterType(fn: string, pos: number): ODataError {
  return new ODataError(400, BAD_QUERY, `Invalid parametertype used at function '${fn}' (Position: ${pos})`);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Parses the body of datetime'...' (no zone allowed) or datetimeoffset'...' (zone required). */
function parseDateLiteral(body: string, withOffset: boolean, pos: number): number {
  const m = DATE_TIME.exec(body);
  if (!m || (m[8] !== undefined) !== withOffset) throw invalidToken(pos);
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone = 'Z'] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw invalidToken(pos);
  }
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction.padEnd(3, '0').slice(0, 3)}${zone}`);
  if (Number.isNaN(ms)) throw invalidToken(pos);
  return ms;
}

function parseTimeLiteral(body: string, pos: number): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(body);
  if (!m || body === 'PT') throw invalidToken(pos);
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

function typedLiteral(prefix: string, body: string, pos: number): Token {
  const text = `${prefix}'${body}'`;
  switch (prefix) {
    case 'datetime':
      return { kind: 'literal', text, pos, type: 'Edm.DateTime', value: parseDateLiteral(body, false, pos) };
    case 'datetimeoffset':
      return { kind: 'literal', text, pos, type: 'Edm.DateTimeOffset', value: parseDateLiteral(body, true, pos) };
    case 'time':
      return { kind: 'literal', text, pos, type: 'Edm.Time', value: parseTimeLiteral(body, pos) };
    case 'guid':
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(body)) throw invalidToken(pos);
      return { kind: 'literal', text, pos, type: 'Edm.Guid', value: body.toLowerCase() };
    default:
      throw invalidToken(pos);
  }
}

/** Reads a quoted string starting at `start` (a quote); '' inside is an escaped quote. */
export function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf("'", i);
    if (quote < 0) throw invalidToken(start + 1);
    value += text.slice(i, quote);
    if (text[quote + 1] === "'") {
      value += "'";
      i = quote + 2;
    } else {
      return { value, end: quote + 1 };
    }
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    const pos = i + 1;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '(' ? 'open' : c === ')' ? 'close' : 'comma', text: c, pos });
      i++;
    } else if (c === "'") {
      const { value, end } = readQuoted(text, i);
      tokens.push({ kind: 'literal', text: text.slice(i, end), pos, type: 'Edm.String', value });
      i = end;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0] ?? c;
      i += word.length;
      if (text[i] === "'") {
        const { value, end } = readQuoted(text, i);
        tokens.push(typedLiteral(word, value, pos));
        i = end;
      } else if (word === 'true' || word === 'false') {
        tokens.push({ kind: 'literal', text: word, pos, type: 'Edm.Boolean', value: word === 'true' });
      } else if (word === 'null') {
        tokens.push({ kind: 'literal', text: word, pos, type: 'null', value: null });
      } else {
        tokens.push({ kind: 'word', text: word, pos });
      }
    } else {
      const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?/.exec(text.slice(i))?.[0];
      if (!number) throw invalidToken(pos);
      tokens.push({ kind: 'literal', text: number, pos, type: 'Edm.Decimal', value: Number(number.replace(/[mMdDfFlL]$/, '')) });
      i += number.length;
    }
  }
  return tokens;
}

/** A property value in a form that compares correctly: decimals (strings on the wire) become numbers. */
export function comparable(type: EdmType, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (NUMERIC.has(type)) {
    if (typeof raw === 'number') return raw;
    return typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  }
  return raw;
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (op === 'eq') return a === b;
  if (op === 'ne') return a !== b;
  if (a === null || b === null || typeof a !== typeof b) return false;
  const x = a as number | string;
  const y = b as number | string;
  if (op === 'gt') return x > y;
  if (op === 'ge') return x >= y;
  if (op === 'lt') return x < y;
  return x <= y;
}

function typesMatch(op: string, left: ValueType, right: ValueType): boolean {
  if (left === 'null' || right === 'null') return op === 'eq' || op === 'ne';
  if (NUMERIC.has(left) && NUMERIC.has(right)) return true;
  if (left !== right) return false;
  return left !== 'Edm.Boolean' || op === 'eq' || op === 'ne';
}

class Parser {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly entity: EntityType,
    private readonly endPos: number,
  ) {}

  parse(): Expr {
    const expr = this.or();
    const rest = this.tokens[this.at];
    if (rest) throw invalidToken(rest.pos);
    return expr;
  }

  private peekWord(word: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === 'word' && t.text === word;
  }

  private take(): Token {
    const t = this.tokens[this.at++];
    if (!t) throw invalidToken(this.endPos);
    return t;
  }

  private expect(kind: Token['kind']): Token {
    const t = this.take();
    if (t.kind !== kind) throw invalidToken(t.pos);
    return t;
  }

  private requireBoolean(expr: Expr, fn: string, pos: number): void {
    if (expr.type !== 'Edm.Boolean') throw invalidParameterType(fn, pos);
  }

  private or(): Expr {
    let left = this.and();
    while (this.peekWord('or')) {
      const op = this.take();
      const right = this.and();
      this.requireBoolean(left, 'or', op.pos);
      this.requireBoolean(right, 'or', op.pos);
      const [l, r] = [left, right];
      left = { type: 'Edm.Boolean', pos: op.pos, evaluate: (g) => l.evaluate(g) === true || r.evaluate(g) === true };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.peekWord('and')) {
      const op = this.take();
      const right = this.not();
      this.requireBoolean(left, 'and', op.pos);
      this.requireBoolean(right, 'and', op.pos);
      const [l, r] = [left, right];
      left = {
        type: 'Edm.Boolean',
        pos: op.pos,
        evaluate: (g) => l.evaluate(g) === true && r.evaluate(g) === true,
        pins: { ...l.pins, ...r.pins },
      };
    }
    return left;
  }

  private not(): Expr {
    if (!this.peekWord('not')) return this.comparison();
    const op = this.take();
    const operand = this.not();
    this.requireBoolean(operand, 'not', op.pos);
    return { type: 'Edm.Boolean', pos: op.pos, evaluate: (g) => operand.evaluate(g) !== true };
  }

  private comparison(): Expr {
    const left = this.primary();
    const t = this.tokens[this.at];
    if (t?.kind !== 'word' || !COMPARISONS.has(t.text)) return left;
    this.at++;
    const right = this.primary();
    const op = t.text;
    if (!typesMatch(op, left.type, right.type)) throw invalidParameterType(op, t.pos);
    const pins: Record<string, string> = {};
    for (const [property, literal] of [
      [left, right],
      [right, left],
    ] as const) {
      if (op === 'eq' && property.property && this.entity.keys.includes(property.property) && typeof literal.literal === 'string') {
        pins[property.property] = literal.literal;
      }
    }
    return { type: 'Edm.Boolean', pos: t.pos, evaluate: (g) => compare(op, left.evaluate(g), right.evaluate(g)), pins };
  }

  private primary(): Expr {
    const t = this.take();
    if (t.kind === 'open') {
      const inner = this.or();
      this.expect('close');
      return inner;
    }
    if (t.kind === 'literal') {
      const value = t.value;
      return { type: t.type ?? 'null', pos: t.pos, literal: value, evaluate: () => value };
    }
    if (t.kind !== 'word' || RESERVED.has(t.text)) throw invalidToken(t.pos);
    if (this.tokens[this.at]?.kind === 'open') return this.call(t);
    const type = this.entity.properties[t.text];
    if (!type) {
      throw new ODataError(400, BAD_QUERY, `Property ${t.text} not found in type ${this.entity.typeName}`);
    }
    const name = t.text;
    return { type, pos: t.pos, property: name, evaluate: (g) => comparable(type, g(name)) };
  }

  private call(name: Token): Expr {
    this.expect('open');
    const args: Expr[] = [];
    if (this.tokens[this.at]?.kind !== 'close') {
      args.push(this.or());
      while (this.tokens[this.at]?.kind === 'comma') {
        this.at++;
        args.push(this.or());
      }
    }
    this.expect('close');
    const fn = name.text;
    const strings = (count: number): Expr[] => {
      if (args.length !== count || args.some((a) => a.type !== 'Edm.String')) throw invalidParameterType(fn, name.pos);
      return args;
    };
    const text = (e: Expr | undefined, g: Getter): string => {
      const v = e?.evaluate(g);
      return typeof v === 'string' ? v : '';
    };
    switch (fn) {
      case 'substringof': {
        const [needle, haystack] = strings(2);
        return { type: 'Edm.Boolean', pos: name.pos, evaluate: (g) => text(haystack, g).includes(text(needle, g)) };
      }
      case 'startswith': {
        const [value, prefix] = strings(2);
        return { type: 'Edm.Boolean', pos: name.pos, evaluate: (g) => text(value, g).startsWith(text(prefix, g)) };
      }
      case 'endswith': {
        const [value, suffix] = strings(2);
        return { type: 'Edm.Boolean', pos: name.pos, evaluate: (g) => text(value, g).endsWith(text(suffix, g)) };
      }
      case 'tolower':
      case 'toupper': {
        const [value] = strings(1);
        const upper = fn === 'toupper';
        return {
          type: 'Edm.String',
          pos: name.pos,
          evaluate: (g) => (upper ? text(value, g).toUpperCase() : text(value, g).toLowerCase()),
        };
      }
      default:
        throw new ODataError(400, BAD_QUERY, `Unknown function '${fn}' at position ${name.pos}`);
    }
  }
}

export function compileFilter(text: string, entity: EntityType): CompiledFilter {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw invalidToken(1);
  const expr = new Parser(tokens, entity, text.length + 1).parse();
  if (expr.type !== 'Edm.Boolean') {
    throw new ODataError(400, BAD_QUERY, `Invalid filter expression: '${text}' is not a boolean expression`);
  }
  return { matches: (get) => expr.evaluate(get) === true, pins: expr.pins ?? {} };
}
