import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { IdParams } from '../../kernel/http/schemas.js';
import { KindParams, ListMailQuery, MailMessageDetail, MailMessagePage, MailTemplate, TemplateBody } from './mail.schemas.js';
import type { MailService } from './mail.service.js';

const module = 'mail';
const tags = ['mail'];
const read = { module, permission: 'mail.read' };
const write = { module, permission: 'mail.write' };
const templatesWrite = { module, permission: 'mail.templates.write' };

export function mailRoutes(app: HttpApp, mail: MailService): void {
  app.get('/mail/messages', {
    config: { access: read },
    schema: { operationId: 'mail.messages.list', tags, summary: 'The delivery log: messages newest first, with their status (cursor-paginated)', querystring: ListMailQuery, response: { 200: MailMessagePage } },
  }, (req) => mail.list(req.ctx, req.query as typeof req.query & { limit: number }));

  app.get('/mail/messages/:id', {
    config: { access: read },
    schema: { operationId: 'mail.messages.get', tags, summary: 'One message and its history (queued, sent, failed with the reason)', params: IdParams, response: { 200: MailMessageDetail } },
  }, (req) => mail.get(req.ctx, req.params.id));

  app.post('/mail/messages/:id/retry', {
    config: { access: write },
    schema: { operationId: 'mail.messages.retry', tags, summary: 'Send a failed message again', params: IdParams, response: { 202: MailMessageDetail } },
  }, async (req, reply) => {
    reply.code(202);
    return mail.retry(req.ctx, req.params.id);
  });

  app.get('/mail/templates', {
    config: { access: read },
    schema: { operationId: 'mail.templates.list', tags, summary: 'The templates of every message kind, the tenant’s own where it has one', response: { 200: Type.Object({ data: Type.Array(MailTemplate) }) } },
  }, (req) => mail.templates(req.ctx));

  app.get('/mail/templates/:kind', {
    config: { access: read },
    schema: { operationId: 'mail.templates.get', tags, summary: 'The template of one message kind', params: KindParams, response: { 200: MailTemplate } },
  }, (req) => mail.template(req.ctx, req.params.kind));

  app.put('/mail/templates/:kind', {
    config: { access: templatesWrite },
    schema: {
      operationId: 'mail.templates.replace',
      tags,
      summary: 'Replace a message kind’s template with the tenant’s own (Mustache; HTML values are always escaped)',
      params: KindParams,
      body: TemplateBody,
      response: { 200: MailTemplate },
    },
  }, (req) => mail.saveTemplate(req.ctx, req.params.kind, req.body));

  app.delete('/mail/templates/:kind', {
    config: { access: templatesWrite },
    schema: { operationId: 'mail.templates.reset', tags, summary: 'Go back to the default template', params: KindParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await mail.resetTemplate(req.ctx, req.params.kind);
    reply.code(204);
    return null;
  });
}
