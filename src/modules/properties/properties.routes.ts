import { Type } from 'typebox';
import { AppError } from '../../kernel/errors.js';
import { todayIn } from '../../kernel/dates.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { csvBodyRoutes, csvDownload, JsonOrCsv } from '../../kernel/http/csv.js';
import { recordAudit } from '../audit/index.js';
import { IdParams } from '../../kernel/http/schemas.js';
import { importProperties } from './properties.import.js';
import {
  CreateProperty,
  CreateUnit,
  ImportQuery,
  ImportReport,
  ListPropertiesQuery,
  ListPropertyUnitsQuery,
  ListUnitsQuery,
  Property,
  PropertyPage,
  UnitDetail,
  UnitPage,
  UpdateProperty,
  UpdateUnit,
  VacancyQuery,
  VacancyReport,
} from './properties.schemas.js';
import {
  createProperty,
  createUnit,
  deleteProperty,
  deleteUnit,
  getProperty,
  getUnit,
  listProperties,
  listPropertyUnits,
  listUnits,
  updateProperty,
  updateUnit,
  vacancyReport,
  vacancyTable,
} from './properties.service.js';

const module = 'properties';
const tags = ['properties'];
/** Staff read everything; a portal login reads the units it is attached to and their properties. */
const read = { module, permission: 'properties.read', own: 'properties.read.own' };
const write = { module, permission: 'properties.write' };
const report = { module, permission: 'properties.read' };

/** A spreadsheet of a large estate is bigger than the usual JSON body. */
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

// A unit's status follows from `unavailable` and occupancy; said plainly rather than "not a known field".
const statusIsDerived = async (req: { body: unknown }) => {
  if (req.body && typeof req.body === 'object' && 'status' in req.body) {
    throw new AppError('validation_failed', 'The status of a unit is derived, not set', {
      errors: [{ field: 'status', message: 'is read-only: it follows from occupancy, or is `unavailable` when `unavailable` is true' }],
    });
  }
};

export function propertiesRoutes(app: HttpApp): void {
  app.get('/properties', {
    config: { access: read },
    schema: { operationId: 'properties.list', tags, summary: 'List properties by name (cursor-paginated, searchable, filterable)', querystring: ListPropertiesQuery, response: { 200: PropertyPage } },
  }, (req) => listProperties(req.ctx, req.query as typeof req.query & { limit: number }));

  app.post('/properties', {
    config: { access: write },
    schema: { operationId: 'properties.create', tags, summary: 'Add a property (an estate, a block inside one, a building, land)', body: CreateProperty, response: { 201: Property } },
  }, async (req, reply) => {
    reply.code(201);
    return createProperty(req.ctx, req.body);
  });

  app.get('/properties/:id', {
    config: { access: read },
    schema: { operationId: 'properties.get', tags, summary: 'One property, with how its units\u2019 participation shares add up', params: IdParams, response: { 200: Property } },
  }, (req) => getProperty(req.ctx, req.params.id));

  app.patch('/properties/:id', {
    config: { access: write },
    schema: { operationId: 'properties.update', tags, summary: 'Change, move, archive or restore a property (archiving takes what is in it along)', params: IdParams, body: UpdateProperty, response: { 200: Property } },
  }, (req) => updateProperty(req.ctx, req.params.id, req.body));

  app.delete('/properties/:id', {
    config: { access: write },
    schema: { operationId: 'properties.delete', tags, summary: 'Remove a property that holds no units and no other properties', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await deleteProperty(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.get('/properties/:id/units', {
    config: { access: read },
    schema: { operationId: 'properties.units.list', tags, summary: 'The units of a property by label (cursor-paginated, searchable, filterable)', params: IdParams, querystring: ListPropertyUnitsQuery, response: { 200: UnitPage } },
  }, (req) => listPropertyUnits(req.ctx, req.params.id, req.query as typeof req.query & { limit: number }));

  app.post('/properties/:id/units', {
    config: { access: write },
    preValidation: statusIsDerived,
    schema: { operationId: 'properties.units.create', tags, summary: 'Add a unit to a property', params: IdParams, body: CreateUnit, response: { 201: UnitDetail } },
  }, async (req, reply) => {
    reply.code(201);
    return createUnit(req.ctx, req.params.id, req.body);
  });

  app.get('/units', {
    config: { access: read },
    schema: { operationId: 'units.list', tags, summary: 'List units by label (cursor-paginated, searchable, filterable)', querystring: ListUnitsQuery, response: { 200: UnitPage } },
  }, (req) => listUnits(req.ctx, req.query as typeof req.query & { limit: number }));

  app.get('/units/:id', {
    config: { access: read },
    schema: { operationId: 'units.get', tags, summary: 'One unit, with how its property\u2019s shares add up', params: IdParams, response: { 200: UnitDetail } },
  }, (req) => getUnit(req.ctx, req.params.id));

  app.patch('/units/:id', {
    config: { access: write },
    preValidation: statusIsDerived,
    schema: { operationId: 'units.update', tags, summary: 'Change, archive or restore a unit (its status is derived, not set)', params: IdParams, body: UpdateUnit, response: { 200: UnitDetail } },
  }, (req) => updateUnit(req.ctx, req.params.id, req.body));

  app.delete('/units/:id', {
    config: { access: write },
    schema: { operationId: 'units.delete', tags, summary: 'Remove a unit that has no occupancy or lease history', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await deleteUnit(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.get('/reports/vacancy', {
    config: { access: report },
    schema: { operationId: 'reports.vacancy', tags, summary: 'Units by status and the vacancy rate per property, with totals (JSON or CSV)', querystring: VacancyQuery,
      response: { 200: JsonOrCsv(VacancyReport, 'With format=csv: a header row, a row per property, then the totals.') },
    },
  }, async (req, reply) => {
    const result = await vacancyReport(req.ctx);
    if (req.query.format !== 'csv') return result;
    const { header, rows } = vacancyTable(result);
    await recordAudit(req.ctx, { action: 'export.csv', target: { type: 'report', id: 'properties.vacancy' } });
    return csvDownload(reply, `vacancy-${todayIn(req.ctx.tenant.timeZone)}.csv`, header, rows);
  });

  csvBodyRoutes(app, IMPORT_BODY_LIMIT, (csv) => {
    csv.post('/properties/import', {
      config: { access: write },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        operationId: 'properties.import',
        tags,
        summary: 'Import properties and units from CSV (all or nothing; dryRun=true only reports)',
        querystring: ImportQuery,
        body: { content: { 'text/csv': { schema: Type.String({ description: 'A CSV file with a header row; see docs/properties.md.' }) } } },
        response: { 200: ImportReport },
      },
    }, (req) => {
      if (typeof req.body !== 'string' || req.body.trim() === '') throw new AppError('validation_failed', 'Send the CSV file as the request body (Content-Type: text/csv)', { errors: [{ field: 'body', message: 'is empty' }] });
      return importProperties(req.ctx, req.body, req.query.dryRun);
    });
  });
}
