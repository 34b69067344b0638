import type { FastifyReply } from 'fastify';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Type, type TSchema } from 'typebox';
import type { HttpApp } from './app.js';
import { strictUtf8Text } from './well-formed.js';

/** The query field of a report that can also be downloaded as CSV. */
export const FormatQuery = { format: Type.Optional(Type.Enum(['json', 'csv'], { default: 'json', description: '`csv` downloads the report as a spreadsheet.' })) };

/** The 200 response of such a report: `schema` as JSON, or the CSV text. */
export const JsonOrCsv = (schema: TSchema, csv = 'format=csv: RFC 4180, a header row.') => ({
  content: { 'application/json': { schema }, 'text/csv': { schema: Type.String({ description: csv }) } },
});

// Text a spreadsheet would run as a formula (CSV injection) gets a leading ' and is read as
// text. Every line of a cell is judged, not only its first: a reader that breaks rows at a bare
// CR or LF makes each line a cell of its own. Full-width forms count: some spreadsheets fold them.
const FORMULA_START = /(?<=^|[\r\n])(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;
const cell = (value: unknown): string | number => {
  if (value === null || value === undefined) return '';
  // Numbers are ours, never a tenant's text: a negative one stays a number.
  if (typeof value === 'number') return value;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.replace(FORMULA_START, "'");
};

/**
 * Answers with a CSV download (RFC 4180, UTF-8, a header row): sets the content type and file
 * name on `reply` and returns the text, which the handler returns as its payload.
 */
export function csvDownload(reply: FastifyReply, filename: string, header: string[], rows: unknown[][]): string {
  reply.type('text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  // Rows end in CRLF, and any CR or LF inside a cell is quoted: csv-stringify quotes only the
  // record delimiter itself, and spreadsheets end a row at a bare CR or LF too.
  return stringify([header, ...rows.map((r) => r.map(cell))], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** A CSV file read for an import: its header's cells, and its non-empty rows with the line each starts on. */
export type CsvFile = { header: string[]; rows: { line: number; cells: string[] }[] } | { error: { line: number; message: string } };

/**
 * Reads an uploaded CSV file (a UTF-8 BOM allowed, cells trimmed, rows of any length). Line
 * numbers are the file's as a spreadsheet user counts them: a row's first line, counted on \n
 * alone (a CR LF inside a quoted cell would otherwise count twice).
 */
export function readCsv(text: string): CsvFile {
  const normalized = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(normalized, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    return { error: { line: e.lines ?? 1, message: `The file is not valid CSV: ${e.message}` } };
  }
  const [header, ...data] = records;
  const rows = data
    .filter(({ record }) => record.some((cell) => cell !== ''))
    .map(({ record, info }) => ({ line: info.lines - record.reduce((n, cell) => n + cell.split('\n').length - 1, 0), cells: record }));
  return { header: header?.record ?? [], rows };
}

/**
 * Routes that take a CSV body (imports): their parser lives in a scope of its own, where nothing
 * else is accepted, so every other route keeps refusing non-JSON bodies (415).
 */
export function csvBodyRoutes(app: HttpApp, bodyLimit: number, routes: (csv: HttpApp) => void): void {
  app.register(async (scope) => {
    const csv = scope as unknown as HttpApp;
    csv.removeAllContentTypeParsers();
    csv.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit }, strictUtf8Text);
    routes(csv);
  });
}
