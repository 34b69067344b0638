import type { HttpApp } from '../../kernel/http/app.js';
import { AuditChainCheck, AuditPage, ListAuditQuery } from './audit.schemas.js';
import { listAudit, verifyAuditChain } from './audit.service.js';

const module = 'audit';
const tags = ['audit'];
const read = { module, permission: 'audit.read' };

export function auditRoutes(app: HttpApp): void {
  app.get('/audit', {
    config: { access: read },
    schema: { operationId: 'audit.list', tags, summary: "The tenant's audit log, newest first (cursor-paginated; by action or action prefix, actor, target and time)", querystring: ListAuditQuery, response: { 200: AuditPage } },
  }, (req) => listAudit(req.ctx, req.query as typeof req.query & { limit: number }));

  app.get('/audit/verify', {
    config: { access: read },
    schema: { operationId: 'audit.verify', tags, summary: "Walk the tenant's audit hash chain: valid, or the first entry that was changed, removed or slipped in since it was written", response: { 200: AuditChainCheck } },
  }, (req) => verifyAuditChain(req.ctx));
}
