import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { automationsRoutes } from './automations/automations.routes.js';
import { addField, archiveDefinition, createDefinition, definitionChanges, getDefinition, listDefinitions, purgeField, removeField, restoreField, updateDefinition, updateField } from './definitions/definitions.service.js';
import { formulaRoutes } from './computed/formulas.routes.js';
import {
  CreateDefinition,
  Definition,
  DefinitionChanges,
  DefinitionList,
  ExtensionParams,
  FieldParams,
  FieldSpec,
  IfMatchHeaders,
  KeyParams,
  ListDefinitionsQuery,
  ListRecordsQuery,
  ObjectRecord,
  RecordBody,
  RecordPage,
  RecordParams,
  UpdateDefinition,
  UpdateField,
} from './objects.schemas.js';
import { LabelsQuery, RecordLabels } from './definitions/labels.schemas.js';
import { recordLabels } from './definitions/labels.service.js';
import { recordsIoRoutes } from './io/records.io.routes.js';
import { createRecord, deleteRecord, getExtension, getRecord, listRecords, putExtension, updateRecord } from './records/records.service.js';

const module = 'objects';
const read = { module, permission: 'objects.read' };
const write = { module, permission: 'objects.write' };
const manage = { module, permission: 'objects.manage' };
// A role may hold `objects.<key>.read|write` for some objects only (see README.md, "Permissions
// and hidden fields"): the gate admits it for those, and answers 404 for the others.
const readOne = { ...read, scope: 'key' };
const writeOne = { ...write, scope: 'key' };
const readSome = { ...read, scope: '*' };
const definitions = ['objects'];
const records = ['objects'];

export function objectsRoutes(app: HttpApp): void {
  formulaRoutes(app);
  automationsRoutes(app);

  app.get('/objects/definitions', {
    config: { access: readSome },
    schema: { operationId: 'objects.definitions.list', tags: definitions, summary: 'The objects the tenant defined, with their fields', querystring: ListDefinitionsQuery, response: { 200: DefinitionList } },
  }, (req) => listDefinitions(req.ctx, req.query));

  app.post('/objects/definitions', {
    config: { access: manage },
    schema: { operationId: 'objects.definitions.create', tags: definitions, summary: 'Define an object (or the custom fields of members, units, properties or leases: `extends`)', body: CreateDefinition, response: { 201: Definition } },
  }, async (req, reply) => {
    reply.code(201);
    return createDefinition(req.ctx, req.body);
  });

  app.get('/objects/labels', {
    config: { access: read },
    schema: { operationId: 'objects.labels', tags: records, summary: 'The labels of many related records at once (members, units, properties, leases or a custom object\'s records), for a page of relations', querystring: LabelsQuery, response: { 200: RecordLabels } },
  }, (req) => recordLabels(req.ctx, req.query));

  app.get('/objects/definitions/:key', {
    config: { access: readOne },
    schema: { operationId: 'objects.definitions.get', tags: definitions, summary: 'One object\'s definition', params: KeyParams, response: { 200: Definition } },
  }, (req) => getDefinition(req.ctx, req.params.key));

  app.patch('/objects/definitions/:key', {
    config: { access: manage },
    schema: { operationId: 'objects.definitions.update', tags: definitions, summary: 'Rename an object, change its icon or description (its key never changes)', params: KeyParams, body: UpdateDefinition, response: { 200: Definition } },
  }, (req) => updateDefinition(req.ctx, req.params.key, req.body));

  app.post('/objects/definitions/:key/archive', {
    config: { access: manage },
    schema: { operationId: 'objects.definitions.archive', tags: definitions, summary: 'Archive an object: its records are kept, its key is free again', params: KeyParams, response: { 200: Definition } },
  }, (req) => archiveDefinition(req.ctx, req.params.key));

  app.get('/objects/definitions/:key/changes', {
    config: { access: readOne },
    schema: { operationId: 'objects.definitions.changes', tags: definitions, summary: 'Every version of the definition: what changed, who changed it and when', params: KeyParams, response: { 200: DefinitionChanges } },
  }, (req) => definitionChanges(req.ctx, req.params.key));

  app.post('/objects/definitions/:key/fields', {
    config: { access: manage },
    schema: { operationId: 'objects.fields.add', tags: definitions, summary: 'Add a field (no record is rewritten: existing records hold null)', params: KeyParams, body: FieldSpec, response: { 201: Definition } },
  }, async (req, reply) => {
    reply.code(201);
    return addField(req.ctx, req.params.key, req.body);
  });

  app.patch('/objects/definitions/:key/fields/:field', {
    config: { access: manage },
    schema: { operationId: 'objects.fields.update', tags: definitions, summary: 'Change a field\'s label, rules, options or expression (new unique and range rules are checked against stored records)', params: FieldParams, body: UpdateField, response: { 200: Definition } },
  }, (req) => updateField(req.ctx, req.params.key, req.params.field, req.body));

  app.delete('/objects/definitions/:key/fields/:field', {
    config: { access: manage },
    schema: { operationId: 'objects.fields.remove', tags: definitions, summary: 'Remove a field: hidden, its values kept until it is purged', params: FieldParams, response: { 200: Definition } },
  }, (req) => removeField(req.ctx, req.params.key, req.params.field));

  app.post('/objects/definitions/:key/fields/:field/restore', {
    config: { access: manage },
    schema: { operationId: 'objects.fields.restore', tags: definitions, summary: 'Restore a removed field (by id) with its values', params: FieldParams, response: { 200: Definition } },
  }, (req) => restoreField(req.ctx, req.params.key, req.params.field));

  app.post('/objects/definitions/:key/fields/:field/purge', {
    config: { access: manage },
    schema: { operationId: 'objects.fields.purge', tags: definitions, summary: 'Delete a removed field\'s values for good (in the background, in batches)', params: FieldParams, response: { 202: Definition } },
  }, async (req, reply) => {
    reply.code(202);
    return purgeField(req.ctx, req.params.key, req.params.field);
  });

  app.get('/objects/extensions/:target/:id', {
    config: { access: read },
    schema: { operationId: 'objects.extensions.get', tags: records, summary: 'The custom fields of a member, unit, property or lease', params: ExtensionParams, response: { 200: ObjectRecord } },
  }, (req) => getExtension(req.ctx, req.params.target, req.params.id));

  app.put('/objects/extensions/:target/:id', {
    config: { access: write },
    schema: { operationId: 'objects.extensions.put', tags: records, summary: 'Set custom fields of a member, unit, property or lease (those named; the others stay)', params: ExtensionParams, headers: IfMatchHeaders, body: RecordBody, response: { 200: ObjectRecord } },
  }, (req) => putExtension(req.ctx, req.params.target, req.params.id, req.body as Record<string, unknown>, req.headers['if-match']));

  recordsIoRoutes(app);

  app.get('/objects/:key/records', {
    config: { access: readOne },
    schema: { operationId: 'objects.records.list', tags: records, summary: 'List an object\'s records: filter and sort on any field, cursor-paginated', params: KeyParams, querystring: ListRecordsQuery, response: { 200: RecordPage } },
  }, (req) => listRecords(req.ctx, req.params.key, req.query as never));

  app.post('/objects/:key/records', {
    config: { access: writeOne },
    schema: { operationId: 'objects.records.create', tags: records, summary: 'Add a record', params: KeyParams, body: RecordBody, response: { 201: ObjectRecord } },
  }, async (req, reply) => {
    reply.code(201);
    return createRecord(req.ctx, req.params.key, req.body as Record<string, unknown>);
  });

  app.get('/objects/:key/records/:id', {
    config: { access: readOne },
    schema: { operationId: 'objects.records.get', tags: records, summary: 'One record', params: RecordParams, response: { 200: ObjectRecord } },
  }, (req) => getRecord(req.ctx, req.params.key, req.params.id));

  app.patch('/objects/:key/records/:id', {
    config: { access: writeOne },
    schema: { operationId: 'objects.records.update', tags: records, summary: 'Change a record (the fields named); `If-Match` with its version refuses a change over another', params: RecordParams, headers: IfMatchHeaders, body: RecordBody, response: { 200: ObjectRecord } },
  }, (req) => updateRecord(req.ctx, req.params.key, req.params.id, req.body as Record<string, unknown>, req.headers['if-match']));

  app.delete('/objects/:key/records/:id', {
    config: { access: writeOne },
    schema: { operationId: 'objects.records.delete', tags: records, summary: 'Remove a record', params: RecordParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await deleteRecord(req.ctx, req.params.key, req.params.id);
    reply.code(204);
    return null;
  });
}
