import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { IsoDate } from '../../../kernel/dates.js';
import { MAX_AMOUNT } from '../../../kernel/money.js';

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DECIMAL_SEPARATORS = ['.', ','] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const MAPPED_FIELDS = ['date', 'amount', 'reference', 'payer', 'description'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Rows one statement may have: months of an estate's account, far from a bank's whole history. */
export const MAX_ROWS = 20_000;
/** Problems reported at most; a file with more is wrong throughout, and the first ones say how. */
const MAX_PROBLEMS = 100;

export interface StatementFormat {
  /** Column names of the file's header row, for each field (matched ignoring case and surrounding spaces). */
  mapping: { date: string; amount: string; reference: string; payer?: string; description?: string };
  dateFormat: DateFormat;
  decimalSeparator: DecimalSeparator;
  /** Absent: the most frequent of comma, semicolon and tab in the header row. */
  delimiter?: Delimiter;
  /** Lines before the header row (an account summary some banks put first). */
  skipLines: number;
  currency: string;
}

export interface StatementLine {
  /** The line of the file the row starts on; the first line is 1. */
  row: number;
  bookedOn: IsoDate;
  /** Minor units; negative is money out. */
  amount: number;
  reference: string;
  payer: string | null;
  description: string | null;
  fingerprint: string;
}

export interface StatementProblem {
  row: number;
  /** The file's column the problem is in, or null for the row or the file. */
  column: string | null;
  message: string;
}

export interface Statement {
  lines: StatementLine[];
  problems: StatementProblem[];
  /** Rows without money (an amount of zero): not transactions. */
  skipped: number;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
export const isCurrency = (code: string) => CURRENCIES.has(code);

/** Digits after the decimal separator in `currency`: 2 for EUR, 0 for JPY, 3 for KWD. */
export const minorDigits = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * An amount as a bank writes it, in minor units: `1234.56`, `1,234.56`, `1.234,56` (with a
 * comma separator), `-12.50`, `12.50-`, `(12.50)`, `€ 12.50`, `12.50 EUR`. Thousands separators
 * are the other of `.` and `,`, a space or an apostrophe. More decimals than the currency has
 * is an error, never rounded.
 */
export function parseAmount(raw: string, separator: DecimalSeparator, digits: number): number | string {
  let text = raw.normalize('NFKC').trim();
  if (text === '') return 'is empty';
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  // Currency signs and codes around the number carry nothing the import does not know.
  text = text.replace(/^[^\d+\-.,]+|[^\d.,-]+$/g, '').replace(/[\s']/g, '');
  if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  } else if (/^[+-]/.test(text)) {
    if (text.startsWith('-')) negative = !negative;
    text = text.slice(1);
  }
  const thousands = separator === '.' ? ',' : '.';
  const grouped = new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+(\\${separator}\\d+)?$`);
  if (grouped.test(text)) text = text.split(thousands).join('');
  const match = new RegExp(`^(\\d+)(?:\\${separator}(\\d*))?$`).exec(text);
  if (!match) return `"${raw}" is not an amount like 1234${separator}56`;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return `"${raw}" has ${fraction.length} decimals; ${digits === 0 ? 'the currency has none' : `the currency has ${digits}`}`;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT) return `"${raw}" is more than the most one amount can be (${MAX_AMOUNT} minor units)`;
  return negative ? -minor : minor;
}

const DATE_PATTERNS: Record<DateFormat, { re: RegExp; order: [year: number, month: number, day: number] }> = {
  'YYYY-MM-DD': { re: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, order: [1, 2, 3] },
  'DD/MM/YYYY': { re: /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/, order: [3, 2, 1] },
  'MM/DD/YYYY': { re: /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/, order: [3, 1, 2] },
};

/** A date in `format` (any of `-`, `/` and `.` between its parts; a time after it is ignored), or why not. */
export function parseDate(raw: string, format: DateFormat): IsoDate | string {
  const text = raw.trim().split(/[\sT]/)[0] ?? '';
  const { re, order } = DATE_PATTERNS[format];
  const m = re.exec(text);
  if (!m) return `"${raw}" is not a date in the format ${format}`;
  const [y, mo, d] = order.map((i) => Number(m[i]));
  const date = new Date(Date.UTC(y!, mo! - 1, d!));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo! - 1 || date.getUTCDate() !== d) return `"${raw}" is not a real date (${format})`;
  return date.toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const columnKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

function detectDelimiter(text: string, skipLines: number): Delimiter {
  const header = text.split('\n')[skipLines] ?? '';
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (header.split(d).length > header.split(best).length) best = d;
  return best;
}

/**
 * Reads a bank statement: the header row names the columns, `format.mapping` says which is
 * which. Every row is checked; a file with any problem yields its problems (each with its
 * line and column) and is imported not at all.
 */
export function readStatement(csv: string, format: StatementFormat): Statement {
  const problems: StatementProblem[] = [];
  const add = (row: number, column: string | null, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ row, column, message });
  };
  // Lines are counted on \n alone; a CR LF inside a quoted cell would otherwise count twice.
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = format.delimiter ?? detectDelimiter(text, format.skipLines);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, from_line: format.skipLines + 1, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    add(e.lines ?? 1, null, `The file is not valid CSV: ${e.message}`);
    return { lines: [], problems, skipped: 0 };
  }
  const [header, ...data] = records;
  const headerRow = format.skipLines + 1;
  if (!header) {
    add(headerRow, null, 'The file has no header row');
    return { lines: [], problems, skipped: 0 };
  }
  if (data.length > MAX_ROWS) {
    add(headerRow, null, `The file has ${data.length} rows; at most ${MAX_ROWS} are imported at once: split it`);
    return { lines: [], problems, skipped: 0 };
  }

  const index = new Map<string, number>();
  header.record.forEach((name, i) => {
    if (!index.has(columnKey(name))) index.set(columnKey(name), i);
  });
  const columns = {} as Record<MappedField, { name: string; at: number } | null>;
  for (const field of MAPPED_FIELDS) {
    const name = format.mapping[field];
    if (name === undefined) {
      columns[field] = null;
      continue;
    }
    const at = index.get(columnKey(name));
    if (at === undefined) {
      add(headerRow, null, `mapping.${field}: the file has no column "${name}"; its columns are ${header.record.map((c) => `"${c}"`).join(', ')}`);
      columns[field] = null;
    } else columns[field] = { name: header.record[at]!, at };
  }
  if (problems.length > 0) return { lines: [], problems, skipped: 0 };

  const digits = minorDigits(format.currency);
  const lines: StatementLine[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const { record, info } of data) {
    if (record.every((cell) => cell === '')) continue;
    // info.lines counts from the top of the file, skipped lines included.
    const row = info.lines - record.reduce((n, cell) => n + cell.split('\n').length - 1, 0);
    const cell = (field: MappedField) => {
      const c = columns[field];
      return c ? (record[c.at] ?? '') : null;
    };
    const date = parseDate(cell('date')!, format.dateFormat);
    const amount = parseAmount(cell('amount')!, format.decimalSeparator, digits);
    const dated = ISO_DATE.test(date);
    if (!dated) add(row, columns.date!.name, date);
    if (typeof amount === 'string') add(row, columns.amount!.name, amount);
    if (!dated || typeof amount === 'string') continue;
    if (amount === 0) {
      skipped++;
      continue;
    }
    const reference = cell('reference')!;
    const payer = cell('payer') || null;
    const description = cell('description') || null;
    // The same transaction in an overlapping statement gets the same fingerprint; the n-th of
    // identical rows within one file is told apart by n.
    const identity = [format.currency, date, amount, reference, payer ?? '', description ?? ''].join('\u0000');
    const n = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, n);
    const fingerprint = createHash('sha256').update(`${identity}\u0000${n}`).digest('hex');
    lines.push({ row, bookedOn: date, amount, reference, payer, description, fingerprint });
  }
  if (lines.length === 0 && problems.length === 0) add(headerRow, null, 'The file has no transactions below its header row');
  return { lines, problems, skipped };
}
