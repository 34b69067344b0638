import { AppError } from '../errors.js';
import { isWellFormedText } from './well-formed.js';

/**
 * The type of one sort key a list pages over. A cursor is client input: each value is checked
 * against its key's type before it reaches a query, so a forged cursor is a 400, never a cast
 * error in the database.
 */
export type CursorKey = 'uuid' | 'date' | 'int' | 'string';

type ValueOf<K extends CursorKey> = K extends 'int' ? number : string;
export type CursorValues<S extends readonly CursorKey[]> = { -readonly [I in keyof S]: ValueOf<S[I]> };

/** Sort keys that are text (names, labels, codes) are at most this long (UTF-16 units). */
const MAX_TEXT_KEY = 512;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date PostgreSQL accepts: year 1 to 9999, a day the month has. */
function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const fits: Record<CursorKey, (v: unknown) => boolean> = {
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  date: (v) => typeof v === 'string' && isDate(v),
  int: (v) => Number.isSafeInteger(v),
  string: (v) => typeof v === 'string' && v.length <= MAX_TEXT_KEY && isWellFormedText(v),
};

/** Keyset cursors: the sort values of the last row seen, opaque to clients. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values of `cursor` if they have the list's `shape` (one type per sort key); else 400 invalid_cursor. */
export function decodeCursor<const S extends readonly CursorKey[]>(cursor: string | undefined, shape: S): CursorValues<S> | null {
  if (cursor === undefined) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (Array.isArray(values) && values.length === shape.length && shape.every((key, i) => fits[key](values[i]))) return values as CursorValues<S>;
  throw new AppError('invalid_cursor', 'The cursor is not one this list gave out');
}

/** Splits a page fetched with `limit + 1` rows into the page and the next cursor. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => unknown[]): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? encodeCursor(cursorOf(data[data.length - 1]!)) : null };
}
