import { parse } from 'csv-parse/sync';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantScope } from '../src/kernel/context.js';
import { csvDownload } from '../src/kernel/http/csv.js';
import { newId } from '../src/kernel/ids.js';
import { postCharge } from '../src/modules/finance/ledger/charges.js';
import { startPlatform, type TestPlatform, type TestTenant } from './helpers.js';
import { testDb } from './test-db.js';

/**
 * CSV (formula) injection: text from tenants' records must come out of every CSV download as
 * one cell of one row, read as text, whatever quotes, separators, line breaks or formula
 * starts it holds.
 */

const HOSTILE = [
  '=1+2',
  '+SUM(A1:A2)',
  '-2+3',
  '@SUM(A1)',
  '\t=1+2',
  '\r=1+2',
  "Y\n=cmd|' /C notepad'!A0",
  "Y\r\n=cmd|' /C calc'!A0",
  'Y\r+1',
  'Y\n\n@SUM(A1)',
  'Y\n\t=1\n-2',
  '\uFF1D1+2',
  'Say "hi", =1',
  'a,b;c',
  '"quoted"',
  'trailing\n',
  "O'Brien",
  'Ada Lovelace',
];

// A spreadsheet ends a row at CR, LF or CRLF outside quotes; csv-parse alone would settle on
// the first one it meets and read the others as text.
const asSpreadsheet = (text: string): string[][] => parse(text, { record_delimiter: ['\r\n', '\n', '\r'], bom: true });

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const lines = (cell: string) => cell.split(/\r\n|\r|\n/);
/** The text before neutralising: the `'` written before a formula start, at the cell's start or a line's, removed. */
const original = (cell: string) => cell.replace(/(^|\r\n|\r|\n)'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g, '$1');

function expectInert(cell: string) {
  expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
  for (const line of lines(cell)) expect(line, JSON.stringify(cell)).not.toMatch(FORMULA_START);
}

describe('csvDownload', () => {
  it('writes each hostile text as one inert cell that reads back as the text, and numbers as numbers', async () => {
    const app = Fastify();
    const when = new Date('2026-03-01T12:00:00.000Z');
    app.get('/report.csv', async (_req, reply) =>
      csvDownload(reply, 'report "x".csv', ['text', 'amount', 'when', 'nothing'], HOSTILE.map((text, i) => [text, i % 2 ? -1_200 * i : 3.5 * i, when, null])),
    );
    try {
      const res = await app.inject({ method: 'GET', url: '/report.csv' });
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="report__x_.csv"');
      const rows = asSpreadsheet(res.body);
      expect(rows).toHaveLength(HOSTILE.length + 1);
      expect(rows[0]).toEqual(['text', 'amount', 'when', 'nothing']);
      rows.slice(1).forEach((row, i) => {
        expect(row).toEqual([expect.any(String), String(i % 2 ? -1_200 * i : 3.5 * i), '2026-03-01T12:00:00.000Z', '']);
        expect(original(row[0]!)).toBe(HOSTILE[i]);
        expectInert(row[0]!);
      });
      // A number is written bare, a negative one too: no quote, no neutralising prefix.
      expect(res.body).toContain(',-1200,');
      expect(res.body).not.toContain("'-1200");
      // The benign texts come out untouched.
      expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["O'Brien", 'Ada Lovelace', 'Say "hi", =1', 'a,b;c', '"quoted"']));
      // Every line break inside a cell is quoted: outside quotes the only one is the CRLF between rows.
      const outside = res.body.replace(/"(?:[^"]|"")*"/g, '');
      expect(outside.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    } finally {
      await app.close();
    }
  });
});

describe('report downloads', () => {
  let t: TestPlatform;
  let oak: TestTenant;
  const names = new Map<string, string>();

  beforeAll(async () => {
    t = await startPlatform();
    oak = await t.createTenant('oak');
    // Written straight to the table: whatever the API accepts as a name today, a download must
    // be safe for anything stored (imports, older versions).
    await t.platform.jobs.context().tenantTransaction(oak.id, async (db) => {
      const scope = { db, tenant: { id: oak.id } } as TenantScope;
      for (const [i, text] of HOSTILE.entries()) {
        const id = newId();
        await testDb(db).insertInto('members').values({ tenantId: oak.id, id, firstName: text, lastName: `#${i}`, type: 'owner' }).execute();
        names.set(id, `${text} #${i}`);
        await postCharge(scope, { memberId: id, kind: 'levy', description: 'Levy', amount: 1_000 + i, currency: 'EUR', dueDate: '2026-01-31' }, { date: '2026-01-01' });
      }
    });
  });
  afterAll(() => t?.close());

  it('gives the arrears CSV one row per member, each name inert and read back as stored', async () => {
    const res = await t.call('GET', '/api/v1/finance/reports/arrears?asOf=2026-02-15&format=csv', { token: oak.token, tenant: 'oak' });
    expect(res.statusCode, res.body).toBe(200);
    const rows = asSpreadsheet(res.body);
    expect(rows[0]).toEqual(['member', 'name', 'currency', 'current', '1-30', '31-60', '61-90', '90+', 'total']);
    // A header, a row per member and one total (EUR).
    expect(rows).toHaveLength(1 + HOSTILE.length + 1);
    const members = rows.slice(1, -1);
    expect(new Set(members.map((r) => r[0]))).toEqual(new Set(names.keys()));
    for (const row of members) {
      expect(row).toHaveLength(9);
      expect(original(row[1]!)).toBe(names.get(row[0]!));
      for (const cell of row) expectInert(cell);
      expect(Number(row[8])).toBeGreaterThanOrEqual(1_000);
    }
    expect(rows.at(-1)).toEqual(['Total', '', 'EUR', '0', String(HOSTILE.reduce((sum, _, i) => sum + 1_000 + i, 0)), '0', '0', '0', String(HOSTILE.reduce((sum, _, i) => sum + 1_000 + i, 0))]);
  });
});
