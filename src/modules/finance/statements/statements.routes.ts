import { Type } from 'typebox';
import { fieldError, notFound } from '../../../kernel/errors.js';
import type { EventDefinition } from '../../../kernel/events/event.js';
import type { HttpApp } from '../../../kernel/http/app.js';
import { IdParams, Page } from '../../../kernel/http/schemas.js';
import type { FinanceOptions } from '../options.js';
import { recordAudit } from '../../audit/index.js';
import { GenerateStatement, ListStatementsQuery, StatementRecord } from './statements.schemas.js';
import { findStatement, issueStatement, listStatements } from './statements.service.js';

const module = 'finance';
const tags = ['finance'];

export const statementsEvents: EventDefinition[] = [
  { type: 'statement.generated', version: 1, description: 'A member statement was generated (or generated again); data is the statement record without its lines.' },
];

/** Member statements: generated on request or by the monthly job, kept as PDFs, downloaded through the API. */
export function statementsRoutes(app: HttpApp, options: FinanceOptions): void {
  const own = { module, permission: 'finance.read', own: 'finance.read.own' };

  app.post('/finance/statements', {
    config: { access: { module, permission: 'finance.write' } },
    schema: { operationId: 'finance.statements.create', tags, summary: "Generate (or generate again) a member's statement for a period, as figures and a branded PDF", body: GenerateStatement, response: { 201: StatementRecord } },
  }, async (req, reply) => {
    if (req.body.to < req.body.from) throw fieldError('to', 'must be on or after from');
    const { record } = await issueStatement(req.ctx, options, req.ctx.tenant, req.body.memberId, req.body, true, req.ctx.locale);
    reply.code(201);
    return record;
  });

  app.get('/finance/statements', {
    config: { access: own },
    schema: { operationId: 'finance.statements.list', tags, summary: 'Statements issued, newest period first (a portal member sees their own)', querystring: ListStatementsQuery, response: { 200: Page(StatementRecord) } },
  }, async (req) => listStatements(req.ctx, req.query));

  app.get('/finance/statements/:id', {
    config: { access: own },
    schema: { operationId: 'finance.statements.get', tags, summary: 'One statement record', params: IdParams, response: { 200: StatementRecord } },
  }, async (req) => (await findStatement(req.ctx, req.params.id)).record);

  app.get('/finance/statements/:id/pdf', {
    config: { access: own },
    schema: { operationId: 'finance.statements.pdf', tags, summary: 'Download the statement PDF', params: IdParams, response: { 200: { content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } } } } },
  }, async (req, reply) => {
    const { record, objectKey } = await findStatement(req.ctx, req.params.id);
    const pdf = await options.storage?.get(objectKey);
    if (!pdf) throw notFound('The statement PDF');
    await recordAudit(req.ctx, { action: 'export.statement_pdf', target: { type: 'statement', id: record.id }, details: { memberId: record.memberId, from: record.from, to: record.to } });
    reply.type('application/pdf');
    reply.header('content-disposition', `attachment; filename="statement-${record.from}-${record.to}.pdf"`);
    // Fastify sends a Buffer as it is; the type provider only knows the schema's string.
    return pdf as unknown as string;
  });
}
