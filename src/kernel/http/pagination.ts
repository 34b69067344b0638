import { AppError } from '../errors.js';

/** Keyset cursors: the sort values of the last row seen, opaque to clients. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (cursor === undefined) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number' || v === null)) return values;
  } catch {
    // fall through
  }
  throw new AppError('invalid_cursor', 'The cursor is not one this list gave out');
}

/** Splits a page fetched with `limit + 1` rows into the page and the next cursor. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => unknown[]): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? encodeCursor(cursorOf(data[data.length - 1]!)) : null };
}
