/**
 * Multi-row INSERT statements for the hot paths (sync upserts, webhook inbox, jobs), where one
 * statement per batch beats one Prisma call per row by two orders of magnitude. SQLite and
 * PostgreSQL accept the same SQL here; only the placeholders differ.
 */
import type { Provider } from './provider-schemas';

/** Stays well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement. */
export const MAX_PARAMS = 30_000;

export interface Statement {
  sql: string;
  params: unknown[];
}

/** Collects bound values and hands out the provider's placeholder for each. */
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly provider: Provider) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.provider === 'postgresql' ? `$${this.values.length}` : '?';
  }

  list(values: readonly unknown[]): string {
    return values.map((value) => this.add(value)).join(', ');
  }
}

/** `INSERT INTO "table" (cols) VALUES (…), (…) <suffix>` for rows given as value arrays in column order. */
export function insertRows(provider: Provider, table: string, columns: readonly string[], rows: readonly unknown[][], suffix = ''): Statement {
  const params = new Params(provider);
  const values = rows.map((row) => `(${params.list(row)})`).join(', ');
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}${suffix ? ` ${suffix}` : ''}`;
  return { sql, params: params.values };
}

/** Splits rows so that no statement binds more than MAX_PARAMS values. */
export function chunksOf<T>(rows: readonly T[], columnsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columnsPerRow));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}
