import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { parseAmount, parseDate } from './bank-import.parse.js';

let t: TestPlatform;
let oak: Estate;

const member = (firstName: string, lastName: string, email?: string) =>
  ok(oak.api('POST', '/members', { firstName, lastName, type: 'owner', ...(email ? { email } : {}) }));
const charge = (memberId: string, amount: number, dueDate: string) =>
  ok(oak.api('POST', '/finance/charges', { memberId, kind: 'levy', description: `Levy ${dueDate}`, amount, currency: 'EUR', dueDate }));
const upload = (body: Record<string, unknown>, token = oak.token) => oak.api('POST', '/finance/bank-imports', body, { token });
const confirm = (importId: string, lines: unknown[]) => oak.api('POST', `/finance/bank-imports/${importId}/confirm`, { lines });
const paymentsOf = async (memberId: string) => (await ok(oak.api('GET', `/finance/payments?memberId=${memberId}`), 200)).data as { id: string; amount: number; method: string; reference: string | null; receivedOn: string }[];
const chargeOf = async (id: string) => ok(oak.api('GET', `/finance/charges/${id}`), 200);

interface Line {
  id: string;
  row: number;
  status: string;
  direction: string;
  amount: number;
  duplicateOf: string | null;
  proposal: { memberId: string | null; confidence: number; rule: string | null; allocations: { chargeId: string; amount: number }[] | null; candidates: { memberId: string }[]; reasons: string[] } | null;
}

describe('reading amounts and dates as banks write them', () => {
  it.each([
    ['1234.56', '.', 2, 123_456],
    ['1,234.56', '.', 2, 123_456],
    ['1.234,56', ',', 2, 123_456],
    ['1 234,5', ',', 2, 123_450],
    ['-12.50', '.', 2, -1_250],
    ['12.50-', '.', 2, -1_250],
    ['(12.50)', '.', 2, -1_250],
    ['€ 1,000.00', '.', 2, 100_000],
    ['12,50 EUR', ',', 2, 1_250],
    ['+7', '.', 2, 700],
    ['1,000', '.', 0, 1_000],
    ['1.500', ',', 3, 1_500_000],
    ['1,500', ',', 3, 1_500],
  ] as const)('reads %s (separator %s, %i decimals) as %i', (raw, sep, digits, expected) => {
    expect(parseAmount(raw, sep, digits)).toBe(expected);
  });

  it.each([
    ['', '.', 2, 'is empty'],
    ['abc', '.', 2, 'is not an amount'],
    ['12.345', '.', 2, 'has 3 decimals'],
    ['1234,56', '.', 2, 'is not an amount'],
    ['12.5', '.', 0, 'the currency has none'],
  ] as const)('refuses %j (separator %s, %i decimals)', (raw, sep, digits, message) => {
    expect(parseAmount(raw, sep, digits)).toEqual(expect.stringContaining(message));
  });

  it('reads dates in the three formats, with any separator, and refuses impossible ones', () => {
    expect(parseDate('2025-1-5', 'YYYY-MM-DD')).toBe('2025-01-05');
    expect(parseDate('2025-01-05T10:00:00', 'YYYY-MM-DD')).toBe('2025-01-05');
    expect(parseDate('05.01.2025', 'DD/MM/YYYY')).toBe('2025-01-05');
    expect(parseDate('01/05/2025', 'MM/DD/YYYY')).toBe('2025-01-05');
    expect(parseDate('31/02/2025', 'DD/MM/YYYY')).toMatch(/not a real date/);
    expect(parseDate('2025-01-05', 'DD/MM/YYYY')).toMatch(/not a date in the format DD\/MM\/YYYY/);
  });
});

describe('bank statement import', () => {
  let ada: { id: string };
  let grace: { id: string };
  let jose: { id: string };
  let ben: { id: string };
  let smiths: { id: string }[];
  let adaCharge: { id: string };
  let graceCharges: { id: string }[];
  let joseCharge: { id: string };
  let benCharge: { id: string };
  let csv: string;
  const mapping = { date: 'Datum', amount: 'Bedrag', reference: 'Omschrijving', payer: 'Naam', description: 'Mededeling' };
  const dutch = () => ({ csv, mapping, dateFormat: 'DD/MM/YYYY', decimalSeparator: ',', skipLines: 1, currency: 'EUR', filename: 'rabo-januari.csv' });

  beforeAll(async () => {
    t = await startPlatform();
    oak = await estate(t, { slug: 'oak' });
    ada = await member('Ada', 'Lovelace', 'ada@oak.test');
    grace = await member('Grace', 'Hopper', 'grace@oak.test');
    jose = await member('José', 'García');
    ben = await member('Ben', 'Quill');
    smiths = [await member('John', 'Smith'), await member('John', 'Smith')];
    adaCharge = await charge(ada.id, 12_000, '2025-01-01');
    graceCharges = [await charge(grace.id, 8_050, '2025-01-01'), await charge(grace.id, 5_000, '2025-02-01')];
    joseCharge = await charge(jose.id, 3_000, '2025-01-01');
    benCharge = await charge(ben.id, 4_444, '2025-01-01');
    await charge(smiths[0]!.id, 1_000, '2025-01-01');
    csv = [
      'Rekening NL00BANK0123456789;;;;',
      'Datum;Bedrag;Omschrijving;Naam;Mededeling',
      `03/01/2025;120,00;Levy ${adaCharge.id.toUpperCase()};A LOVELACE;`,
      `04/01/2025;1.234,56;Member ${grace.id.replace(/-/g, '')};G HOPPER;`,
      '05/01/2025;30,00;servicekosten;Jose Garcia;',
      '06/01/2025;-45,10;Electricity;Energy Co;"direct debit,\nJanuary"',
      '07/01/2025;44,44;transfer;Unknown Person;',
      '08/01/2025;10,00;John Smith levy;;',
      '09/01/2025;50,00;thanks;;paid by grace@oak.test',
      '09/01/2025;0,00;fee waived;;',
      '10/01/2025;7,00;John Smith;;',
    ].join('\r\n');
  });
  afterAll(() => t?.close());

  let imported: { id: string; lines: Line[]; summary: Record<string, number>; skippedRows: number };
  const line = (row: number) => imported.lines.find((l) => l.row === row)!;

  it('reads a statement with a mapping and formats, and proposes who paid each credit', async () => {
    imported = await ok(upload(dutch()));
    expect(imported.lines.map((l) => l.row)).toEqual([3, 4, 5, 6, 8, 9, 10, 12]);
    expect(imported.skippedRows).toBe(1);
    expect(imported.summary).toEqual({ lines: 8, credits: 7, debits: 1, duplicates: 0, proposed: 6, matched: 0, creditTotal: 12_000 + 123_456 + 3_000 + 4_444 + 1_000 + 5_000 + 700, debitTotal: 4_510 });

    // A charge id in the reference, owed exactly: certain, and it pays that charge.
    expect(line(3)).toMatchObject({ direction: 'credit', amount: 12_000, status: 'open', proposal: { memberId: ada.id, rule: 'charge_id', confidence: 1, allocations: [{ chargeId: adaCharge.id, amount: 12_000 }] } });
    // A member id without dashes; the amount matches nothing, so oldest due first.
    expect(line(4).proposal).toMatchObject({ memberId: grace.id, rule: 'member_id', confidence: 0.85, allocations: null });
    // The payer's name, accents aside, and a charge of exactly the amount.
    expect(line(5).proposal).toMatchObject({ memberId: jose.id, rule: 'member_name', confidence: 0.7, allocations: [{ chargeId: joseCharge.id, amount: 3_000 }] });
    // Money out is listed, never matched.
    expect(line(6)).toMatchObject({ direction: 'debit', amount: 4_510, status: 'ignored', proposal: null });
    // Nothing names anyone, but one open charge of the tenant owes exactly 44.44.
    expect(line(8).proposal).toMatchObject({ memberId: ben.id, rule: 'amount_only', confidence: 0.3, allocations: [{ chargeId: benCharge.id, amount: 4_444 }] });
    // Two John Smiths: only the first owes exactly 10.00, so the name and the amount point at them.
    expect(line(9).proposal).toMatchObject({ memberId: smiths[0]!.id, rule: 'member_name', confidence: 0.5, candidates: [{ memberId: smiths[1]!.id }] });
    // Neither owes 7.00: the name decides nothing, and both are candidates.
    expect(line(12).proposal).toMatchObject({ memberId: null, confidence: 0, rule: null, allocations: null });
    expect(line(12).proposal!.candidates.map((c) => c.memberId).sort()).toEqual(smiths.map((s) => s.id).sort());
    // An e-mail address, and one of the member's charges owes exactly the amount.
    expect(line(10).proposal).toMatchObject({ memberId: grace.id, rule: 'member_email', confidence: 0.85, allocations: [{ chargeId: graceCharges[1]!.id, amount: 5_000 }] });
    // The reason names no address: a role that hides members' e-mail reads these reasons too.
    expect(line(10).proposal!.reasons[0]).toBe("the text names the member's e-mail address");

    const again = await ok(oak.api('GET', `/finance/bank-imports/${imported.id}`), 200);
    expect(again.lines).toEqual(imported.lines);
    expect(await paymentsOf(ada.id)).toEqual([]);
  });

  it('records confirmed lines as bank transfers once, however often they are confirmed', async () => {
    const lines = [
      { lineId: line(3).id, memberId: ada.id, allocations: line(3).proposal!.allocations!.map((a) => ({ chargeId: a.chargeId })) },
      { lineId: line(5).id, memberId: jose.id },
    ];
    const first = await ok(confirm(imported.id, lines), 200);
    expect(first.results).toHaveLength(2);
    expect(first.results.map((r: { created: boolean }) => r.created)).toEqual([true, true]);
    expect(first.results[0].allocations).toEqual([{ chargeId: adaCharge.id, amount: 12_000 }]);

    const second = await ok(confirm(imported.id, lines), 200);
    expect(second.results.map((r: { created: boolean }) => r.created)).toEqual([false, false]);
    expect(second.results.map((r: { paymentId: string }) => r.paymentId)).toEqual(first.results.map((r: { paymentId: string }) => r.paymentId));

    const adaPayments = await paymentsOf(ada.id);
    expect(adaPayments).toHaveLength(1);
    expect(adaPayments[0]).toMatchObject({ amount: 12_000, method: 'bank_transfer', receivedOn: '2025-01-03' });
    expect(await paymentsOf(jose.id)).toHaveLength(1);
    expect((await chargeOf(adaCharge.id)).status).toBe('paid');
    expect((await chargeOf(joseCharge.id)).status).toBe('paid');

    const after = await ok(oak.api('GET', `/finance/bank-imports/${imported.id}`), 200);
    expect(after.summary).toMatchObject({ matched: 2, proposed: 4 });
    expect(after.lines.find((l: Line) => l.row === 3)).toMatchObject({ status: 'matched', memberId: ada.id, paymentId: first.results[0].paymentId });
  });

  it('refuses debits, a matched line for another member and unknown lines, all or nothing', async () => {
    const debit = await confirm(imported.id, [{ lineId: line(6).id, memberId: ben.id }]);
    expect(debit.statusCode).toBe(409);
    expect(debit.json().errors).toEqual([{ field: 'lines.0.lineId', message: 'is a debit' }]);
    const otherMember = await confirm(imported.id, [{ lineId: line(3).id, memberId: ben.id }]);
    expect(otherMember.statusCode).toBe(409);
    const unknown = await confirm(imported.id, [{ lineId: ben.id, memberId: ben.id }]);
    expect(unknown.statusCode).toBe(404);
    // A good line beside a bad allocation: neither is recorded.
    const mixed = await confirm(imported.id, [
      { lineId: line(8).id, memberId: ben.id },
      { lineId: line(10).id, memberId: grace.id, allocations: [{ chargeId: adaCharge.id }] },
    ]);
    expect(mixed.statusCode).toBe(404);
    expect(mixed.json().errors[0].field).toBe('lines.1.allocations.0.chargeId');
    expect(await paymentsOf(ben.id)).toEqual([]);
    expect((await ok(oak.api('GET', `/finance/bank-imports/${imported.id}`), 200)).lines.find((l: Line) => l.row === 8).status).toBe('open');
  });

  it('marks the lines of an overlapping statement as duplicates, never to be recorded twice', async () => {
    const overlap = await ok(upload({ ...dutch(), filename: 'rabo-januari-again.csv' }));
    expect(overlap.summary).toMatchObject({ duplicates: 8, proposed: 0 });
    const dup = overlap.lines.find((l: Line) => l.row === 3);
    expect(dup).toMatchObject({ status: 'duplicate', duplicateOf: line(3).id, proposal: null });
    const res = await confirm(overlap.id, [{ lineId: dup.id, memberId: ada.id }]);
    expect(res.statusCode).toBe(409);
    expect(await paymentsOf(ada.id)).toHaveLength(1);

    const list = await ok(oak.api('GET', '/finance/bank-imports?limit=1'), 200);
    expect(list.data.map((i: { id: string }) => i.id)).toEqual([overlap.id]);
    const rest = await ok(oak.api('GET', `/finance/bank-imports?limit=1&cursor=${list.nextCursor}`), 200);
    expect(rest.data[0]).toMatchObject({ id: imported.id, filename: 'rabo-januari.csv', summary: { matched: 2, duplicates: 0, lines: 8 } });
    expect(rest.nextCursor).toBeNull();
  });

  it('reads ISO dates with points, quoted amounts with thousands separators, and US dates', async () => {
    const iso = await ok(upload({
      csv: 'Date,Amount,Reference\n2025-03-01,"1,234.50",rent march\n2025-03-02,-20.00,fee\n',
      mapping: { date: 'date', amount: ' AMOUNT ', reference: 'Reference' },
      currency: 'EUR',
    }));
    expect(iso.lines.map((l: Line & { bookedOn: string }) => [l.row, l.bookedOn, l.direction, l.amount])).toEqual([[2, '2025-03-01', 'credit', 123_450], [3, '2025-03-02', 'debit', 2_000]]);
    const us = await ok(upload({ csv: 'When\tHow much\tRef\n03/04/2025\t15.00\tx\n', mapping: { date: 'When', amount: 'How much', reference: 'Ref' }, dateFormat: 'MM/DD/YYYY', currency: 'USD' }));
    expect(us.lines[0]).toMatchObject({ bookedOn: '2025-03-04', amount: 1_500, currency: 'USD' });
  });

  it('refuses a bad file with 400, naming every problem with its line, and imports nothing', async () => {
    const before = (await ok(oak.api('GET', '/finance/bank-imports?limit=200'), 200)).data.length;
    const bad = await upload({
      csv: 'Date,Amount,Reference\n2025-02-30,10.00,a\n2025-03-01,ten,b\n2025-03-02,1.234,c\n2025-03-03,5.00,ok\n',
      mapping: { date: 'Date', amount: 'Amount', reference: 'Reference' },
      currency: 'EUR',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    expect(bad.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'line 2, column "Date": "2025-02-30" is not a real date (YYYY-MM-DD)',
      'line 3, column "Amount": "ten" is not an amount like 1234.56',
      'line 4, column "Amount": "1.234" has 3 decimals; the currency has 2',
    ]);
    expect(bad.json().problems[0]).toEqual({ row: 2, column: 'Date', message: '"2025-02-30" is not a real date (YYYY-MM-DD)' });

    const noColumn = await upload({ csv: 'Date,Amount\n2025-01-01,1\n', mapping: { date: 'Date', amount: 'Betrag', reference: 'Amount' }, currency: 'EUR' });
    expect(noColumn.statusCode).toBe(400);
    expect(noColumn.json().errors).toEqual([{ field: 'mapping.amount', message: 'the file has no column "Betrag"; its columns are "Date", "Amount"' }]);

    const broken = await upload({ csv: 'Date,Amount,Reference\n2025-01-01,1.00,"unclosed\n', mapping: { date: 'Date', amount: 'Amount', reference: 'Reference' }, currency: 'EUR' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].message).toMatch(/not valid CSV/);

    const currency = await upload({ csv: 'D,A,R\n2025-01-01,1,x\n', mapping: { date: 'D', amount: 'A', reference: 'R' }, currency: 'XYZ' });
    expect(currency.statusCode).toBe(400);
    expect(currency.json().errors).toEqual([{ field: 'currency', message: 'is not an ISO 4217 currency code' }]);

    expect((await ok(oak.api('GET', '/finance/bank-imports?limit=200'), 200)).data.length).toBe(before);
  });

  it("sees nothing of another tenant: its member and charge ids match nobody, its imports are not found", async () => {
    const elm = await estate(t, { slug: 'elm' });
    const res = await elm.api('POST', '/finance/bank-imports', { csv: `Date,Amount,Reference\n2025-01-05,120.00,${adaCharge.id} ${ada.id} ada@oak.test Ada Lovelace\n`, mapping: { date: 'Date', amount: 'Amount', reference: 'Reference' }, currency: 'EUR' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().lines[0].proposal).toMatchObject({ memberId: null, candidates: [] });
    expect((await elm.api('GET', `/finance/bank-imports/${imported.id}`)).statusCode).toBe(404);
    const theirs = await elm.api('POST', `/finance/bank-imports/${imported.id}/confirm`, { lines: [{ lineId: line(8).id, memberId: ben.id }] });
    expect(theirs.statusCode).toBe(404);
    expect((await ok(elm.api('GET', '/finance/bank-imports'), 200)).data.map((i: { id: string }) => i.id)).toEqual([res.json().id]);
  });

  it('is for staff: a portal member can neither import nor read statements', async () => {
    const { token } = await oak.newPortalUser(ada.id, 'ada@portal.test');
    expect((await upload(dutch(), token)).statusCode).toBe(403);
    expect((await oak.api('GET', `/finance/bank-imports/${imported.id}`, undefined, { token })).statusCode).toBe(403);
  });
});
