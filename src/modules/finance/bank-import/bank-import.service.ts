import { principalOf, type TenantContext } from '../../../kernel/context.js';
import { AppError, notFound, type FieldError } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../../kernel/http/pagination.js';
import { newId } from '../../../kernel/ids.js';
import { safeTotal, sumExact } from '../../../kernel/money.js';
import { existingMembers, memberContacts } from '../../members/index.js';
import { lockMembers, recordPayment } from '../ledger/index.js';
import { Directory, idsIn, propose } from './bank-import.match.js';
import { isCurrency, readStatement, type StatementFormat } from './bank-import.parse.js';
import { BankImportRepository, type ImportRow, type LineRow, type NewLine } from './bank-import.repository.js';
import type { BankImport, BankImportListItem, BankLine, ConfirmBankLines, ConfirmResult, CreateBankImport, ListBankImportsQuery } from './bank-import.schemas.js';

/** The provider name of payments confirmed from statement lines: one payment per line id. */
export const BANK_IMPORT_PROVIDER = 'bank-import';

const toLine = (l: LineRow): BankLine => ({
  id: l.id,
  row: l.rowNo,
  bookedOn: l.bookedOn,
  direction: l.direction,
  amount: l.amount,
  currency: l.currency,
  reference: l.reference,
  payer: l.payer,
  description: l.description,
  status: l.status,
  duplicateOf: l.duplicateOf,
  proposal: l.proposal,
  memberId: l.memberId,
  paymentId: l.paymentId,
  matchedAt: l.matchedAt,
});

function summarize(lines: LineRow[]): BankImport['summary'] {
  const sum = (ls: LineRow[], what: string) => safeTotal(sumExact(ls.map((l) => l.amount)), what);
  const credits = lines.filter((l) => l.direction === 'credit');
  const debits = lines.filter((l) => l.direction === 'debit');
  return {
    lines: lines.length,
    credits: credits.length,
    debits: debits.length,
    duplicates: lines.filter((l) => l.status === 'duplicate').length,
    proposed: lines.filter((l) => l.status === 'open' && l.proposal?.memberId).length,
    matched: lines.filter((l) => l.status === 'matched').length,
    creditTotal: sum(credits, 'credit total'),
    debitTotal: sum(debits, 'debit total'),
  };
}

const view = (i: ImportRow, lines: LineRow[]): BankImport => ({
  id: i.id,
  filename: i.filename,
  currency: i.currency,
  settings: i.settings,
  summary: summarize(lines),
  createdAt: i.createdAt,
  lines: lines.map(toLine),
});

/**
 * Reads a bank statement, stores it with its lines, and proposes who paid each credit (see
 * bank-import.match.ts for the rules). A file with any problem is refused whole, every
 * problem named with its line. Nothing is recorded as paid until a person confirms lines.
 */
export async function importStatement(ctx: TenantContext, input: CreateBankImport): Promise<BankImport> {
  const principal = principalOf(ctx);
  if (!isCurrency(input.currency)) throw new AppError('validation_failed', 'The currency is not known', { errors: [{ field: 'currency', message: 'is not an ISO 4217 currency code' }] });
  const format: StatementFormat = {
    mapping: input.mapping,
    dateFormat: input.dateFormat ?? 'YYYY-MM-DD',
    decimalSeparator: input.decimalSeparator ?? '.',
    delimiter: input.delimiter,
    skipLines: input.skipLines ?? 0,
    currency: input.currency,
  };
  const statement = readStatement(input.csv, format);
  if (statement.problems.length > 0) {
    const problems = statement.problems;
    throw new AppError('validation_failed', `The statement cannot be imported: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`} (nothing was imported)`, {
      errors: problems.map((p): FieldError => {
        const mapping = /^(mapping\.[a-z]+): (.*)$/.exec(p.message);
        if (mapping) return { field: mapping[1]!, message: mapping[2]! };
        return { field: 'csv', message: `line ${p.row}${p.column ? `, column "${p.column}"` : ''}: ${p.message}` };
      }),
      problems,
    });
  }

  const repo = new BankImportRepository(ctx.db);
  await repo.lockImports(ctx.tenant.id);
  const earlier = await repo.linesByFingerprint(statement.lines.map((l) => l.fingerprint));
  const credits = statement.lines.filter((l) => l.amount > 0 && !earlier.has(l.fingerprint));
  const named = credits.flatMap((l) => idsIn([l.reference, l.description ?? '', l.payer ?? ''].join(' ')));
  const directory = new Directory(await memberContacts(ctx.db), await repo.charges(named), await repo.openCharges(input.currency));

  const id = newId();
  const lines: NewLine[] = statement.lines.map((l) => {
    const duplicateOf = earlier.get(l.fingerprint) ?? null;
    const direction = l.amount > 0 ? 'credit' : 'debit';
    const amount = Math.abs(l.amount);
    const status = duplicateOf ? 'duplicate' : direction === 'debit' ? 'ignored' : 'open';
    return {
      id: newId(),
      rowNo: l.row,
      bookedOn: l.bookedOn,
      direction,
      amount,
      currency: input.currency,
      reference: l.reference,
      payer: l.payer,
      description: l.description,
      fingerprint: l.fingerprint,
      duplicateOf,
      status,
      proposal: status === 'open' ? propose({ amount, currency: input.currency, reference: l.reference, payer: l.payer, description: l.description }, directory) : null,
    };
  });
  const settings = { mapping: input.mapping, dateFormat: format.dateFormat, decimalSeparator: format.decimalSeparator, delimiter: format.delimiter ?? null, skipLines: format.skipLines };
  await repo.insertImport(ctx.tenant.id, { id, filename: input.filename ?? null, currency: input.currency, settings, lineCount: lines.length, createdBy: principal.userId });
  await repo.insertLines(ctx.tenant.id, id, lines);
  const result = { ...view((await repo.findImport(id))!, await repo.lines(id)), skippedRows: statement.skipped };
  await emit(ctx, 'bank_import.created', { id, filename: result.filename, currency: result.currency, ...result.summary });
  return result;
}

export async function getImport(ctx: TenantContext, id: string): Promise<BankImport> {
  const repo = new BankImportRepository(ctx.db);
  const found = await repo.findImport(id);
  if (!found) throw notFound('The bank import');
  return view(found, await repo.lines(id));
}

export async function listImports(ctx: TenantContext, query: ListBankImportsQuery & { limit: number }) {
  const after = decodeCursor(query.cursor, ['uuid'])?.[0] ?? null;
  const rows = await new BankImportRepository(ctx.db).list(query.limit, after);
  const items: BankImportListItem[] = rows.map((r) => ({ id: r.id, filename: r.filename, currency: r.currency, settings: r.settings, summary: r.summary as BankImportListItem['summary'], createdAt: r.createdAt }));
  return pageOf(items, query.limit, (i) => [i.id]);
}

/** An allocation error of recordPayment, renamed to the confirmation's field. */
function within(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError) || !error.extra.errors) return error;
  return new AppError(error.definition, error.message, { ...error.extra, errors: error.extra.errors.map((e) => ({ ...e, field: `${prefix}.${e.field}` })) });
}

/**
 * Records what a person confirms: each line a bank transfer of its member, settling the
 * charges given or oldest due first. All or nothing. A line becomes a payment once (the
 * payment's provider event is the line's id, and the line is locked): confirming it again
 * answers the payment recorded the first time.
 */
export async function confirmLines(ctx: TenantContext, importId: string, input: ConfirmBankLines): Promise<ConfirmResult> {
  const principal = principalOf(ctx);
  const repo = new BankImportRepository(ctx.db);
  if (!(await repo.findImport(importId))) throw notFound('The bank import');
  const locked = await repo.lockLines(importId, [...new Set(input.lines.map((l) => l.lineId))]);

  const results: ConfirmResult['results'] = new Array(input.lines.length);
  // Every member's lock before the first payment, in the order every multi-member lock takes
  // them: two confirmations (or a confirmation and a billing batch) never deadlock.
  await lockMembers(ctx, input.lines.map((l) => l.memberId));
  const order = input.lines.map((item, i) => ({ item, i })).sort((a, b) => a.item.memberId.localeCompare(b.item.memberId) || a.i - b.i);
  const recorded: { lineId: string; paymentId: string; memberId: string; amount: number }[] = [];
  for (const { item, i } of order) {
    const line = locked.get(item.lineId);
    if (!line) throw new AppError('not_found', `The line ${item.lineId} is not a line of this import`, { errors: [{ field: `lines.${i}.lineId`, message: 'is not a line of this import' }] });
    if (line.status === 'ignored') throw new AppError(financeErrors.bank_line_not_credit, `Line ${line.rowNo} is money out: only credits are payments`, { errors: [{ field: `lines.${i}.lineId`, message: 'is a debit' }] });
    if (line.status === 'duplicate') {
      throw new AppError(financeErrors.bank_line_duplicate, `Line ${line.rowNo} was imported before (line ${line.duplicateOf}): confirm that one`, { errors: [{ field: `lines.${i}.lineId`, message: 'is a duplicate of an earlier import' }], duplicateOf: line.duplicateOf });
    }
    if (line.status === 'matched') {
      if (line.memberId !== item.memberId) {
        throw new AppError(financeErrors.bank_line_other_member, `Line ${line.rowNo} was already recorded as a payment of another member`, { errors: [{ field: `lines.${i}.memberId`, message: 'differs from the member the line was recorded for' }], paymentId: line.paymentId });
      }
      results[i] = { lineId: line.id, memberId: item.memberId, paymentId: line.paymentId!, created: false, allocations: [] };
      continue;
    }
    if (!(await existingMembers(ctx.db, [item.memberId])).has(item.memberId)) throw new AppError('not_found', `The member ${item.memberId} was not found`, { errors: [{ field: `lines.${i}.memberId`, message: 'is not a member of this tenant' }] });
    let result;
    try {
      result = await recordPayment(
        ctx,
        {
          memberId: item.memberId,
          method: 'bank_transfer',
          amount: line.amount,
          currency: line.currency,
          receivedOn: line.bookedOn,
          reference: line.reference || null,
          payer: line.payer,
          allocations: item.allocations ?? null,
          provider: { name: BANK_IMPORT_PROVIDER, eventId: line.id },
        },
        principal.userId,
      );
    } catch (error) {
      throw within(error, `lines.${i}`);
    }
    await repo.markMatched(line.id, { memberId: item.memberId, paymentId: result.payment.id, by: principal.userId });
    // The same line named twice in one request: the second finds it matched.
    locked.set(line.id, { ...line, status: 'matched', memberId: item.memberId, paymentId: result.payment.id });
    results[i] = { lineId: line.id, memberId: item.memberId, paymentId: result.payment.id, created: result.created, allocations: result.allocations.map((a) => ({ chargeId: a.chargeId, amount: a.amount })) };
    if (result.created) recorded.push({ lineId: line.id, paymentId: result.payment.id, memberId: item.memberId, amount: line.amount });
  }
  if (recorded.length > 0) await emit(ctx, 'bank_import.confirmed', { importId, lines: recorded });
  return { importId, results };
}
