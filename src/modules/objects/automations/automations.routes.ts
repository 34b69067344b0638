import { Type } from 'typebox';
import type { HttpApp } from '../../../kernel/http/app.js';
import { KeyParams } from '../objects.schemas.js';
import { Automation, AutomationList, AutomationParams, AutomationRuns, CreateAutomation, RunsQuery, UpdateAutomation } from './automations.schemas.js';
import { automationRuns, createAutomation, deleteAutomation, getAutomation, listAutomations, updateAutomation } from './automations.service.js';

const module = 'objects';
const read = { module, permission: 'objects.read' };
const manage = { module, permission: 'objects.manage' };
const tags = ['objects'];

/** An object's automations and their run log (see README.md, "Automations"). */
export function automationsRoutes(app: HttpApp): void {
  app.get('/objects/definitions/:key/automations', {
    config: { access: read },
    schema: { operationId: 'objects.automations.list', tags, summary: 'An object\'s automations', params: KeyParams, response: { 200: AutomationList } },
  }, (req) => listAutomations(req.ctx, req.params.key));

  app.post('/objects/definitions/:key/automations', {
    config: { access: manage },
    schema: { operationId: 'objects.automations.create', tags, summary: 'Add an automation: a trigger, an optional condition and its actions (checked against the object\'s fields)', params: KeyParams, body: CreateAutomation, response: { 201: Automation } },
  }, async (req, reply) => {
    reply.code(201);
    return createAutomation(req.ctx, req.params.key, req.body);
  });

  app.get('/objects/definitions/:key/automations/:id', {
    config: { access: read },
    schema: { operationId: 'objects.automations.get', tags, summary: 'One automation', params: AutomationParams, response: { 200: Automation } },
  }, (req) => getAutomation(req.ctx, req.params.key, req.params.id));

  app.patch('/objects/definitions/:key/automations/:id', {
    config: { access: manage },
    schema: { operationId: 'objects.automations.update', tags, summary: 'Change an automation (runs under way keep the actions they began with)', params: AutomationParams, body: UpdateAutomation, response: { 200: Automation } },
  }, (req) => updateAutomation(req.ctx, req.params.key, req.params.id, req.body));

  app.delete('/objects/definitions/:key/automations/:id', {
    config: { access: manage },
    schema: { operationId: 'objects.automations.delete', tags, summary: 'Remove an automation and its run log', params: AutomationParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await deleteAutomation(req.ctx, req.params.key, req.params.id);
    reply.code(204);
    return null;
  });

  app.get('/objects/definitions/:key/automations/:id/runs', {
    config: { access: read },
    schema: { operationId: 'objects.automations.runs', tags, summary: 'An automation\'s runs, newest first: each action\'s status, error and attempts', params: AutomationParams, querystring: RunsQuery, response: { 200: AutomationRuns } },
  }, (req) => automationRuns(req.ctx, req.params.key, req.params.id, req.query.limit));
}
