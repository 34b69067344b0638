import type { HttpApp } from '../../../kernel/http/app.js';
import { Definition, ExpressionCheck, ExpressionCheckResult, KeyParams, RuleParams, RuleSpec, UpdateRule } from '../objects.schemas.js';
import { addRule, checkExpressionOf, removeRule, updateRule } from './rules.service.js';

const module = 'objects';
const read = { module, permission: 'objects.read' };
const manage = { module, permission: 'objects.manage' };
const tags = ['objects'];

/** Cross-field rules of a definition, and the expression check the pages validate formulas and rules with as they are typed. */
export function formulaRoutes(app: HttpApp): void {
  app.post('/objects/definitions/:key/expressions/check', {
    config: { access: read },
    schema: { operationId: 'objects.expressions.check', tags, summary: 'Check a formula or rule against the object\'s fields: its result type, or its errors with their positions (nothing is stored)', params: KeyParams, body: ExpressionCheck, response: { 200: ExpressionCheckResult } },
  }, (req) => checkExpressionOf(req.ctx, req.params.key, req.body));

  app.post('/objects/definitions/:key/rules', {
    config: { access: manage },
    schema: { operationId: 'objects.rules.add', tags, summary: 'Add a cross-field rule: an expression every write must not make false, and the message a refusal gives', params: KeyParams, body: RuleSpec, response: { 201: Definition } },
  }, async (req, reply) => {
    reply.code(201);
    return addRule(req.ctx, req.params.key, req.body);
  });

  app.patch('/objects/definitions/:key/rules/:rule', {
    config: { access: manage },
    schema: { operationId: 'objects.rules.update', tags, summary: 'Change a rule\'s expression, message or fields', params: RuleParams, body: UpdateRule, response: { 200: Definition } },
  }, (req) => updateRule(req.ctx, req.params.key, req.params.rule, req.body));

  app.delete('/objects/definitions/:key/rules/:rule', {
    config: { access: manage },
    schema: { operationId: 'objects.rules.remove', tags, summary: 'Remove a rule', params: RuleParams, response: { 200: Definition } },
  }, (req) => removeRule(req.ctx, req.params.key, req.params.rule));
}
