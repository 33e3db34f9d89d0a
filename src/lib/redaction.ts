/**
 * Removes known secret values from text a host system wrote before a user sees it: an OAuth
 * server that answers 400 with the request it received, an API that quotes the key it refused.
 * Each value is found raw, URL-encoded (percent and form encoding, either hex case),
 * JSON-escaped, and inside base64 at any alignment, which covers an HTTP Basic header whatever
 * the user name beside the secret: the whole base64 run around it is removed.
 */

const REDACTED = '[redacted]';
/** Shorter values are not redacted: a two-letter "secret" would blot out every word containing it. */
const MIN_LENGTH = 4;
/** Base64 fragments shorter than this could occur by chance. */
const MIN_BASE64_CORE = 8;
/** Obtained values (access tokens) kept for redaction; older ones have expired. */
const MAX_OBTAINED = 4;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function textForms(value: string): string[] {
  const percent = encodeURIComponent(value);
  const form = new URLSearchParams([['', value]]).toString().slice(1);
  const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
  return [value, percent, lowerHex(percent), form, lowerHex(form), JSON.stringify(value).slice(1, -1)];
}

/**
 * The part of base64(prefix + value + suffix) that depends on the value alone, for each of the
 * three alignments a prefix can give it (and base64url's alphabet).
 */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = offset === 0 ? 0 : 4;
    const end = (offset + bytes.length) % 3 === 0 ? encoded.length : encoded.length - 4;
    const core = encoded.slice(start, end);
    if (core.length >= MIN_BASE64_CORE) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

function patternFor(values: readonly string[]): RegExp | undefined {
  const usable = [...new Set(values)].filter((value) => value.length >= MIN_LENGTH);
  if (usable.length === 0) return undefined;
  const forms = [...new Set(usable.flatMap(textForms))];
  // Basic credentials are URL-encoded before base64 (RFC 6749 2.3.1), or not: both are looked for.
  const base64 = [...new Set(forms.flatMap(base64Cores))].map((core) => `[A-Za-z0-9+/_-]*${escapeRegExp(core)}[A-Za-z0-9+/_-]*=*`);
  // Longest first, so a value is removed whole rather than a shorter one inside it.
  const literal = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp([...base64, ...literal].join('|'), 'g');
}

export class SecretRedactor {
  private readonly known: readonly string[];
  private obtained: string[] = [];
  private pattern: RegExp | undefined;

  constructor(values: Iterable<string>) {
    this.known = [...values];
    this.pattern = patternFor(this.known);
  }

  /** A secret obtained later (an access token): redacted from now on, as the stored ones are. */
  add(value: string): void {
    if (this.obtained.includes(value)) return;
    this.obtained = [...this.obtained, value].slice(-MAX_OBTAINED);
    this.pattern = patternFor([...this.known, ...this.obtained]);
  }

  redact(text: string): string {
    return this.pattern ? text.replace(this.pattern, REDACTED) : text;
  }
}
