import { Type } from 'typebox';
import { todayIn } from '../../../kernel/dates.js';
import { AppError } from '../../../kernel/errors.js';
import type { HttpApp } from '../../../kernel/http/app.js';
import { csvBodyRoutes, csvDownload } from '../../../kernel/http/csv.js';
import { recordAudit } from '../../audit/index.js';
import { KeyParams } from '../objects.schemas.js';
import { objectsOpenApi } from './objects.openapi.js';
import { exportRecords } from './records.export.js';
import { importRecords } from './records.import.js';
import { IMPORT_MAX_BYTES, RecordExportQuery, RecordImportQuery, RecordImportReport } from './records.io.schemas.js';

const module = 'objects';
const read = { module, permission: 'objects.read' };
const write = { module, permission: 'objects.write' };
// Per-object permissions (objects.<key>.read|write) reach these too; the document lists the objects the caller may read.
const readOne = { ...read, scope: 'key' };
const writeOne = { ...write, scope: 'key' };
const readSome = { ...read, scope: '*' };
const tags = ['objects'];
/** Beyond the 5 MB an import takes, so that a file a little larger gets the import's own problem (413 objects.import_too_large). */
const BODY_LIMIT = IMPORT_MAX_BYTES + 1024 * 1024;

/** CSV import and export of an object's records, and the tenant's own OpenAPI document of its objects. */
export function recordsIoRoutes(app: HttpApp): void {
  app.get('/objects/openapi.json', {
    config: { access: readSome },
    schema: { operationId: 'objects.openapi', tags, summary: 'An OpenAPI 3.1 document of the tenant\'s own objects: a record schema and the record paths of each, as the caller may see them', response: { 200: Type.Object({}, { additionalProperties: true, description: 'An OpenAPI 3.1 document' }) } },
  }, (req) => objectsOpenApi(req.ctx));

  app.get('/objects/:key/records/export', {
    config: { access: readOne },
    schema: {
      operationId: 'objects.records.export',
      tags,
      summary: 'The records the list\'s filters, sort and q match, as CSV (hidden fields left out)',
      params: KeyParams,
      querystring: RecordExportQuery,
      response: { 200: { content: { 'text/csv': { schema: Type.String({ description: 'RFC 4180, UTF-8: a header row (id, createdAt, updatedAt, version, then field keys), a row per record' }) } } } },
    },
  }, async (req, reply) => {
    const { header, rows } = await exportRecords(req.ctx, req.params.key, req.query as never);
    await recordAudit(req.ctx, { action: 'export.csv', target: { type: 'object', id: req.params.key } });
    const text = csvDownload(reply, `${req.params.key}-${todayIn(req.ctx.tenant.timeZone)}.csv`, header, rows);
    return req.query.bom ? `\uFEFF${text}` : text;
  });

  csvBodyRoutes(app, BODY_LIMIT, (csv) => {
    csv.post('/objects/:key/records/import', {
      config: { access: writeOne, problems: [413] },
      bodyLimit: BODY_LIMIT,
      schema: {
        operationId: 'objects.records.import',
        tags,
        summary: 'Import records from CSV: dryRun=true reports what would change; otherwise all or nothing',
        params: KeyParams,
        querystring: RecordImportQuery,
        body: { content: { 'text/csv': { schema: Type.String({ description: 'A CSV file (UTF-8) with a header row of field keys or labels; see docs/objects.md.' }) } } },
        response: { 200: RecordImportReport },
      },
    }, (req) => {
      if (typeof req.body !== 'string' || req.body.trim() === '') throw new AppError('validation_failed', 'Send the CSV file as the request body (Content-Type: text/csv)', { errors: [{ field: 'body', message: 'is empty' }] });
      return importRecords(req.ctx, req.params.key, req.body, { dryRun: req.query.dryRun, ...(req.query.match ? { match: req.query.match } : {}) });
    });
  });
}
