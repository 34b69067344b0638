import { describe, expect, it } from 'vitest';
import { ExpressionError, type RecordValues, type RelatedRecords, type RelationStep, evaluate, tryEvaluate } from './index.js';
import { compiled, context, run } from './test-fixtures.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

function evaluationError(source: string, record: RecordValues = {}) {
  const result = tryEvaluate(compiled(source), record, context());
  if (result.ok) throw new Error(`${source} gave ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('dates', () => {
  it('adds months to the end of the month, in leap years and not', () => {
    expect(run("add_months(date('2024-01-31'), 1)")).toBe('2024-02-29');
    expect(run("add_months(date('2023-01-31'), 1)")).toBe('2023-02-28');
    expect(run("add_months(date('2024-02-29'), 12)")).toBe('2025-02-28');
    expect(run("add_months(date('2024-03-31'), -1)")).toBe('2024-02-29');
    expect(run("add_months(date('2025-10-31'), 4)")).toBe('2026-02-28');
    expect(run("add_months(date('2025-12-15'), 1)")).toBe('2026-01-15');
    expect(run("add_months(date('2026-01-15'), -13)")).toBe('2024-12-15');
  });

  it('adds days across month, year and leap-day boundaries, and counts the days between', () => {
    expect(run("add_days(date('2024-02-28'), 1)")).toBe('2024-02-29');
    expect(run("add_days(date('2023-02-28'), 1)")).toBe('2023-03-01');
    expect(run("add_days(date('2025-12-31'), 1)")).toBe('2026-01-01');
    expect(run("add_days(date('2026-03-01'), -1)")).toBe('2026-02-28');
    expect(run("add_days(date('2026-03-01'), 1.9)")).toBe('2026-03-02');
    expect(run("days_between(date('2024-02-01'), date('2024-03-01'))")).toBe(29);
    expect(run("days_between(date('1900-02-28'), date('1900-03-01'))")).toBe(1);
    expect(run("days_between(date('2000-02-28'), date('2000-03-01'))")).toBe(2);
    expect(run("days_between(date('2026-12-31'), date('2026-01-01'))")).toBe(-364);
    expect(run("days_between(date('0001-01-01'), date('9999-12-31'))")).toBe(3652058);
  });

  it('agrees with the JavaScript calendar on every day of four centuries', () => {
    let day = Date.UTC(1900, 0, 1);
    const end = Date.UTC(2300, 0, 1);
    const plus = compiled('add_days(valid_from, spaces)');
    const parts = compiled('year(valid_from) * 10000 + month(valid_from) * 100 + day(valid_from)');
    for (let n = 0; day < end; day += 86_400_000 * 37, n += 37) {
      const iso = new Date(day).toISOString().slice(0, 10);
      const d = new Date(day);
      expect(evaluate(plus, { valid_from: '1900-01-01', spaces: n }, context())).toBe(iso);
      expect(evaluate(parts, { valid_from: iso }, context())).toBe(d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate());
    }
  });

  it('knows the weekday, 1 for Monday to 7 for Sunday', () => {
    expect(run("weekday(date('2026-01-31'))")).toBe(6);
    expect(run("weekday(date('2026-02-01'))")).toBe(7);
    expect(run("weekday(date('2026-02-02'))")).toBe(1);
    expect(run("weekday(date('1969-12-31'))")).toBe(3);
  });

  it('refuses dates out of the calendar when computed, as an error at the call', () => {
    const e = evaluationError("add_days(date('9999-12-31'), 1)");
    expect(e).toMatchObject({ code: 'expression.out_of_range', position: { start: 0, end: 31 } });
    expect(evaluationError("add_months(date('0001-01-15'), -1)").code).toBe('expression.out_of_range');
    expect(evaluationError('date(plate)', { plate: 'soon' }).code).toBe('expression.invalid_date');
  });
});

describe("today() and now() in the tenant's time zone", () => {
  // 11:30 UTC on 15 March 2026 is already the 16th in Auckland (UTC+13), still the 15th in Honolulu (UTC-10).
  const at = new Date('2026-03-15T11:30:00Z');

  it('is the date where the tenant is', () => {
    expect(run('today()', {}, context({ now: at, timeZone: 'Pacific/Auckland' }))).toBe('2026-03-16');
    expect(run('today()', {}, context({ now: at, timeZone: 'Pacific/Honolulu' }))).toBe('2026-03-15');
    expect(run('today()', {}, context({ now: at, timeZone: 'UTC' }))).toBe('2026-03-15');
  });

  it('counts days left from that date', () => {
    const daysLeft = compiled('days_between(today(), valid_to)');
    const permit = { valid_to: '2026-03-30' };
    expect(evaluate(daysLeft, permit, context({ now: at, timeZone: 'Pacific/Auckland' }))).toBe(14);
    expect(evaluate(daysLeft, permit, context({ now: at, timeZone: 'Pacific/Honolulu' }))).toBe(15);
    const due = compiled('days_between(today(), valid_to) = 14', { purpose: 'condition' });
    expect(evaluate(due, permit, context({ now: at, timeZone: 'Pacific/Auckland' }))).toBe(true);
  });

  it('takes the date of an instant in the zone, and gives instants back as ISO text', () => {
    const record = { issued_at: '2026-03-15T11:30:00Z' };
    expect(run('date(issued_at)', record, context({ timeZone: 'Pacific/Auckland' }))).toBe('2026-03-16');
    expect(run('date(issued_at)', record, context({ timeZone: 'Pacific/Honolulu' }))).toBe('2026-03-15');
    expect(run('days_between(issued_at, valid_to)', { ...record, valid_to: '2026-03-20' }, context({ timeZone: 'Pacific/Auckland' }))).toBe(4);
    expect(run('now()', {}, context({ now: at }))).toBe('2026-03-15T11:30:00.000Z');
    expect(run('issued_at', { issued_at: '2026-03-16T00:30:00+13:00' })).toBe('2026-03-15T11:30:00.000Z');
    expect(run("issued_at < datetime('2026-03-15T12:00:00Z')", record)).toBe(true);
  });
});

describe('money', () => {
  it('stays in integer minor units, rounding half away from zero', () => {
    expect(run('fee * 0.15', { fee: eur(1999) })).toEqual(eur(300));
    expect(run("money(5, 'EUR') * 0.5")).toEqual(eur(3));
    expect(run("money(-5, 'EUR') * 0.5")).toEqual(eur(-3));
    expect(run("money(1, 'EUR') / 3")).toEqual(eur(0));
    expect(run("money(2, 'EUR') / 3")).toEqual(eur(1));
    expect(run("money(1000, 'EUR') / 8")).toEqual(eur(125));
    expect(run("money(12.5, 'EUR')")).toEqual(eur(13));
    expect(run('fee + fee - fee * 2', { fee: eur(1001) })).toEqual(eur(0));
    expect(run('fee / fee', { fee: eur(1001) })).toBe(1);
    expect(run('-fee', { fee: eur(250) })).toEqual(eur(-250));
    expect(run('abs(fee)', { fee: eur(-250) })).toEqual(eur(250));
    expect(run('minor_units(fee) & currency(fee)', { fee: eur(250) })).toBe('250EUR');
  });

  it('spells amounts with their currency digits', () => {
    expect(run("text(money(123456, 'EUR'))")).toBe('1234.56 EUR');
    expect(run("text(money(-5, 'EUR'))")).toBe('-0.05 EUR');
    expect(run("text(money(1234, 'JPY'))")).toBe('1234 JPY');
    expect(run("text(money(1234, 'KWD'))")).toBe('1.234 KWD');
  });

  it('refuses amounts in two currencies met at evaluation', () => {
    const e = evaluationError('fee + deposit', { fee: eur(100), deposit: { amount: 100, currency: 'USD' } });
    expect(e).toMatchObject({ code: 'expression.currency_mismatch', params: { left: 'EUR', right: 'USD' }, position: { start: 0, end: 13 } });
    expect(run('fee = deposit', { fee: eur(100), deposit: { amount: 100, currency: 'USD' } })).toBe(false);
  });

  it('keeps numbers to 15 significant digits, as a spreadsheet shows them', () => {
    expect(run('0.1 + 0.2')).toBe(0.3);
    expect(run('round(1.005, 2)')).toBe(1.01);
    expect(run('round(2.5)')).toBe(3);
    expect(run('round(-2.5)')).toBe(-3);
    expect(run('round(1234.5678, -2)')).toBe(1200);
    expect(run('7 % 3 + -7 % 3')).toBe(0);
    expect(run('floor(-1.5) + ceil(1.2)')).toBe(0);
  });
});

describe('null', () => {
  it('propagates through operators and functions, as SQL does', () => {
    expect(run('spaces + 1')).toBeNull();
    expect(run('spaces > 1')).toBeNull();
    expect(run('-spaces')).toBeNull();
    expect(run('not paid')).toBeNull();
    expect(run('upper(plate)')).toBeNull();
    expect(run('add_days(valid_to, 1)')).toBeNull();
    expect(run('days_between(today(), valid_to)')).toBeNull();
  });

  it('is unknown in and/or: false and null is false, true or null is true', () => {
    const table = (op: string, a: boolean | null, b: boolean | null) => run(`a ${op} b`.replace('a', String(a)).replace(/b$/, String(b)));
    expect([table('and', false, null), table('and', null, false), table('and', true, null), table('and', true, true)]).toEqual([false, false, null, true]);
    expect([table('or', true, null), table('or', null, true), table('or', false, null), table('or', false, false)]).toEqual([true, true, null, false]);
  });

  it('is handled by coalesce, if, is_blank, and read as empty text when joining text', () => {
    expect(run('coalesce(spaces, 0) + 1')).toBe(1);
    expect(run('if(paid, 1, 2)')).toBe(2);
    expect(run('if(paid, 1)', { paid: false })).toBeNull();
    expect(run("plate & '-' & spaces")).toBe('-');
    expect(run("concat(plate, '/', spaces)", { spaces: 2 })).toBe('/2');
    expect([run('is_blank(plate)'), run('is_blank(plate)', { plate: '  ' }), run('is_blank(tags)', { tags: [] }), run('is_blank(plate)', { plate: 'X' })]).toEqual([true, true, true, false]);
    expect(run('min(spaces, 3, null)')).toBe(3);
  });

  it('makes division by zero null rather than infinite', () => {
    expect(run('1 / 0')).toBeNull();
    expect(run('5 % 0')).toBeNull();
    expect(run('fee / 0', { fee: eur(100) })).toBeNull();
    expect(run('fee / fee', { fee: eur(0) })).toBeNull();
  });
});

describe('text', () => {
  it('has the usual functions', () => {
    expect(run("upper(plate) & lower('ÀB') & trim('  x ')", { plate: 'ab-12' })).toBe('AB-12àbx');
    expect(run('len(plate) + len(tags)', { plate: 'ñandú', tags: ['ev', 'visitor'] })).toBe(7);
    expect(run("starts_with(plate, 'AB') and ends_with(plate, '12') and contains(plate, '-')", { plate: 'AB-12' })).toBe(true);
    expect(run("contains(tags, 'ev')", { tags: ['visitor', 'ev'] })).toBe(true);
    expect(run("text(tags) & ' ' & text(paid) & ' ' & text(valid_to)", { tags: ['ev', 'visitor'], paid: true, valid_to: '2026-01-31' })).toBe('ev, visitor true 2026-01-31');
    expect(run("plate = 'ab'", { plate: 'AB' })).toBe(false);
    expect(run("'a' < 'b' and 'B' < 'a'")).toBe(true);
  });
});

describe('related records', () => {
  const calls: string[] = [];
  const related: RelatedRecords = {
    one(record, relation: RelationStep) {
      calls.push(`one ${relation.path.join('.')}`);
      const value = record[relation.field];
      if (relation.target === 'unit' && value === 'u1') return { name: 'Flat 1', property: 'p1' };
      if (relation.target === 'property' && value === 'p1') return { name: 'Elm Court' };
      return null;
    },
    many(record, relation) {
      calls.push(`many ${relation.path.join('.')}`);
      return record.id === 'permit-1'
        ? [{ amount: eur(500), paid_on: '2026-02-01', note: 'first' }, { amount: eur(250), paid_on: '2026-01-15', note: null }, { amount: null, paid_on: null }]
        : [];
    },
  };
  const ctx = context({ related });
  const permit = { id: 'permit-1', unit: 'u1' };

  it('follows to-one relations, null when there is none', () => {
    expect(evaluate(compiled("unit.property.name & ', ' & unit.name"), permit, ctx)).toBe('Elm Court, Flat 1');
    expect(calls).toContain('one unit.property');
    expect(evaluate(compiled('unit.property.name'), { unit: 'nowhere' }, ctx)).toBeNull();
  });

  it('aggregates to-many relations: count, sum, min, max; nulls skipped', () => {
    expect(evaluate(compiled('count(payments)'), permit, ctx)).toBe(3);
    expect(evaluate(compiled('count(payments.note)'), permit, ctx)).toBe(1);
    expect(evaluate(compiled('sum(payments.amount)'), permit, ctx)).toEqual(eur(750));
    expect(evaluate(compiled('min(payments.paid_on)'), permit, ctx)).toBe('2026-01-15');
    expect(evaluate(compiled('max(payments.amount)'), permit, ctx)).toEqual(eur(500));
    expect(evaluate(compiled('fee - sum(payments.amount)'), { ...permit, fee: eur(1000) }, ctx)).toEqual(eur(250));
  });

  it('gives 0 for a count or sum over no records, null for min and max', () => {
    const none = { id: 'permit-2' };
    expect(evaluate(compiled('count(payments)'), none, ctx)).toBe(0);
    expect(evaluate(compiled('sum(payments.amount)'), none, ctx)).toEqual(eur(0));
    expect(evaluate(compiled('max(payments.paid_on)'), none, ctx)).toBeNull();
  });

  it('needs the resolver only for expressions that follow relations', () => {
    expect(() => evaluate(compiled('unit.name'), permit, context())).toThrow(/related/);
    expect(evaluate(compiled('plate'), { plate: 'X' }, context())).toBe('X');
  });
});

describe('stored values the field cannot hold', () => {
  it('are an evaluation error naming the field, never a wrong answer', () => {
    expect(evaluationError('spaces + 1', { spaces: 'abc' })).toMatchObject({ code: 'expression.invalid_value', params: { field: 'spaces', expected: 'a number' } });
    expect(evaluationError('fee', { fee: { amount: 1, currency: 'USD' } }).code).toBe('expression.invalid_value');
    expect(evaluationError('fee', { fee: { amount: 1.5, currency: 'EUR' } }).code).toBe('expression.invalid_value');
    expect(evaluationError('valid_to', { valid_to: '2026-02-30' }).code).toBe('expression.invalid_value');
    expect(evaluationError('tags', { tags: 'ev' }).code).toBe('expression.invalid_value');
    expect(run('spaces * 2', { spaces: '12.5' })).toBe(25);
  });

  it('throw only the language error from evaluate', () => {
    expect(() => evaluate(compiled('spaces + 1'), { spaces: {} }, context())).toThrow(ExpressionError);
  });
});
