import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { Type, type TSchema } from 'typebox';

/** The query field of a report that can also be downloaded as CSV. */
export const FormatQuery = { format: Type.Optional(Type.Enum(['json', 'csv'], { default: 'json', description: '`csv` downloads the report as a spreadsheet.' })) };

/** The 200 response of such a report: `schema` as JSON, or the CSV text. */
export const JsonOrCsv = (schema: TSchema, csv = 'format=csv: RFC 4180, a header row.') => ({
  content: { 'application/json': { schema }, 'text/csv': { schema: Type.String({ description: csv }) } },
});

// A cell a spreadsheet would run as a formula (CSV injection) is written as text instead.
const FORMULA = /^[=+\-@\t\r]/;
const cell = (value: unknown): string | number => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA.test(text) ? `'${text}` : text;
};

/**
 * Answers with a CSV download (RFC 4180, UTF-8, a header row): sets the content type and file
 * name on `reply` and returns the text, which the handler returns as its payload.
 */
export function csvDownload(reply: FastifyReply, filename: string, header: string[], rows: unknown[][]): string {
  reply.type('text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  return stringify([header, ...rows.map((r) => r.map(cell))], { record_delimiter: 'windows' });
}
