import type { EventDefinition } from '../../../kernel/events/event.js';
import type { HttpApp } from '../../../kernel/http/app.js';
import { IdParams } from '../../../kernel/http/schemas.js';
import { BankImport, BankImportPage, ConfirmBankLines, ConfirmResult, CreateBankImport, ListBankImportsQuery } from './bank-import.schemas.js';
import { confirmLines, getImport, importStatement, listImports } from './bank-import.service.js';

export const bankImportEvents: EventDefinition[] = [
  { type: 'bank_import.created', version: 1, description: 'A bank statement was imported and its credits matched; data is {id, filename, currency, lines, credits, debits, duplicates, proposed, matched, creditTotal, debitTotal}.' },
  { type: 'bank_import.confirmed', version: 1, description: 'Statement lines were confirmed and recorded as bank transfers; data is {importId, lines[{lineId, paymentId, memberId, amount}]} (newly recorded lines only).' },
];

const module = 'finance';
const tags = ['finance'];
const read = { module, permission: 'finance.read' };
const write = { module, permission: 'finance.write' };
/** A statement arrives inside JSON; months of an estate's account fit well within this. */
const IMPORT_BODY_LIMIT = 6 * 1024 * 1024;

export function bankImportRoutes(app: HttpApp): void {
  app.post('/finance/bank-imports', {
    config: { access: write },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { operationId: 'finance.bankImports.create', tags, summary: 'Import a bank statement (CSV with a column mapping) and propose who paid each credit; nothing is recorded yet', body: CreateBankImport, response: { 201: BankImport } },
  }, async (req, reply) => {
    const imported = await importStatement(req.ctx, req.body);
    reply.code(201);
    return imported;
  });

  app.get('/finance/bank-imports', {
    config: { access: read },
    schema: { operationId: 'finance.bankImports.list', tags, summary: 'Bank statement imports, newest first, with what their lines add up to (cursor-paginated)', querystring: ListBankImportsQuery, response: { 200: BankImportPage } },
  }, (req) => listImports(req.ctx, req.query as typeof req.query & { limit: number }));

  app.get('/finance/bank-imports/:id', {
    config: { access: read },
    schema: { operationId: 'finance.bankImports.get', tags, summary: 'One bank statement import: every line, its status and the proposed match', params: IdParams, response: { 200: BankImport } },
  }, (req) => getImport(req.ctx, req.params.id));

  app.post('/finance/bank-imports/:id/confirm', {
    config: { access: write },
    schema: { operationId: 'finance.bankImports.confirm', tags, summary: 'Record confirmed credit lines as bank transfers of the members given (all or nothing; a line confirmed again records nothing more)', params: IdParams, body: ConfirmBankLines, response: { 200: ConfirmResult } },
  }, (req) => confirmLines(req.ctx, req.params.id, req.body));
}
