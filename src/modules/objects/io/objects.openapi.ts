import type { TenantContext } from '../../../kernel/context.js';
import { listDefinitions, loadModel } from '../definitions/index.js';
import { kindOf, LONG_TEXT_MAX, MANY_MAX, TEXT_MAX, URL_MAX, type FieldDef } from '../fields.js';
import type { Definition } from '../objects.schemas.js';
import { isComputed } from './records.csv.js';
import { visibleFields } from '../records/index.js';

/**
 * The tenant's own API: an OpenAPI 3.1 document with a record schema and the record paths of
 * each live object, as the caller may see them (hidden fields left out). It is built from the
 * definitions on each request: a definition change shows at once.
 */

type Json = Record<string, unknown>;

const UUID = { type: 'string', format: 'uuid' };
const PROBLEM = { $ref: '#/components/schemas/Problem' };
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: PROBLEM } } });
const PROBLEMS = {
  400: problem('The request is not valid (`validation_failed`, `invalid_cursor`)'),
  401: problem('Authentication is missing or not valid'),
  403: problem('The caller may not do this (`permission_denied`, `field_restricted`, `plan_limit_reached`)'),
  404: problem('The object or the record does not exist'),
};
const WRITE_PROBLEMS = { ...PROBLEMS, 409: problem('A unique value is taken (`objects.value_taken`) or the record changed (`objects.version_conflict`)'), 422: problem('The import has rows with problems (`objects.import_rejected`)') };

/** A field's value as JSON Schema (always nullable: a field without a value is null). */
export function valueSchema(field: Pick<FieldDef, 'type' | 'config' | 'rules' | 'label'>): Json {
  const nullable = (schema: Json): Json => ({ ...schema, type: [schema.type as string, 'null'] });
  const base = (): Json => {
    switch (field.type) {
      case 'text':
        return { type: 'string', maxLength: Math.min(field.config.maxLength ?? TEXT_MAX, TEXT_MAX), ...(field.rules.pattern ? { pattern: `^(?:${field.rules.pattern})$` } : {}) };
      case 'long_text':
        return { type: 'string', maxLength: LONG_TEXT_MAX, description: 'Markdown' };
      case 'number':
        return { type: 'number', ...bounds(field) };
      case 'currency':
        return { type: 'object', required: ['amountMinor'], additionalProperties: false, properties: { amountMinor: { type: 'integer', description: 'In minor units (cents)', ...bounds(field) }, currency: { type: 'string', const: field.config.currency } } };
      case 'boolean':
        return { type: 'boolean' };
      case 'date':
        return { type: 'string', format: 'date' };
      case 'datetime':
        return { type: 'string', format: 'date-time' };
      case 'select':
        return { type: 'string', enum: [...(field.config.options ?? []).map((o) => o.key), null] };
      case 'multi_select':
        return { type: 'array', uniqueItems: true, items: { type: 'string', enum: (field.config.options ?? []).map((o) => o.key) } };
      case 'email':
        return { type: 'string', format: 'email', maxLength: 254 };
      case 'phone':
        return { type: 'string', maxLength: 32 };
      case 'url':
        return { type: 'string', format: 'uri', maxLength: URL_MAX };
      case 'relation':
        return field.config.many ? { type: 'array', maxItems: MANY_MAX, items: UUID, description: `Ids of ${field.config.target}` } : { ...UUID, description: `The id of a ${field.config.target}` };
      case 'file':
        return { ...UUID, description: 'A document id' };
      default:
        return { type: 'string', description: 'Computed' };
    }
  };
  const schema = base();
  return { title: field.label, ...nullable(schema) };
}

function bounds(field: Pick<FieldDef, 'rules'>): Json {
  return { ...(typeof field.rules.min === 'number' ? { minimum: field.rules.min } : {}), ...(typeof field.rules.max === 'number' ? { maximum: field.rules.max } : {}) };
}

const pascal = (key: string) => key.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** The record schema and its write schema (no computed or, for a person, API-only fields). */
function schemasOf(fields: FieldDef[], apiKey: boolean): { record: Json; write: Json } {
  const props: Json = {};
  const writable: Json = {};
  for (const f of fields) {
    const readOnly = isComputed(f) || (f.rules.apiOnly === true && !apiKey);
    props[f.key] = { ...valueSchema(f), ...(readOnly ? { readOnly: true } : {}) };
    if (!readOnly) writable[f.key] = valueSchema(f);
  }
  const own = { id: UUID, createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' }, version: { type: 'integer' } };
  const required = fields.filter((f) => f.rules.required && !isComputed(f)).map((f) => f.key);
  return {
    record: { type: 'object', required: ['id', 'createdAt', 'updatedAt', 'version', ...fields.map((f) => f.key)], properties: { ...own, ...props } },
    write: { type: 'object', additionalProperties: false, properties: writable, ...(required.length > 0 ? { required } : {}) },
  };
}

/** Typed `filter[<field>]` and, for ordered values, `filter[<field>][gte|lte]` parameters. */
function filterParams(fields: FieldDef[]): Json[] {
  return fields.flatMap((f) => {
    const kind = kindOf(f);
    if (!kind) return [];
    const scalar =
      f.type === 'currency' ? { type: 'integer', description: 'In minor units' }
        : f.type === 'select' ? { type: 'string', enum: (f.config.options ?? []).map((o) => o.key) }
          : f.type === 'boolean' ? { type: 'boolean' }
            : kind === 'n' ? { type: 'number' }
              : kind === 'd' ? { type: 'string', format: f.type === 'date' ? 'date' : 'date-time' }
                : f.type === 'relation' || f.type === 'file' ? UUID : { type: 'string' };
    const param = (name: string, description: string) => ({ name, in: 'query', required: false, description, schema: scalar });
    return [param(`filter[${f.key}]`, `${f.label} equals`), ...(kind === 'n' || kind === 'd' ? [param(`filter[${f.key}][gte]`, `${f.label} at least`), param(`filter[${f.key}][lte]`, `${f.label} at most`)] : [])];
  });
}

function pathsOf(definition: Definition, fields: FieldDef[]): Json {
  const key = definition.key;
  const name = pascal(key);
  const tags = [key];
  const ref = (s: string) => ({ $ref: `#/components/schemas/${s}` });
  const json = (schema: Json) => ({ 'application/json': { schema } });
  const id = { name: 'id', in: 'path', required: true, schema: UUID };
  const base = `/api/v1/objects/${key}/records`;
  const listParams = [
    { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
    { name: 'cursor', in: 'query', required: false, schema: { type: 'string', maxLength: 2048 } },
    { name: 'q', in: 'query', required: false, description: 'Text in any text field', schema: { type: 'string', minLength: 1, maxLength: 100 } },
    { name: 'sort', in: 'query', required: false, description: 'Field keys, comma-separated, `-` for descending', schema: { type: 'string', maxLength: 200 } },
    ...filterParams(fields),
  ];
  return {
    [base]: {
      get: { operationId: `${key}.list`, tags, summary: `List ${definition.plural}`, parameters: listParams, responses: { 200: { description: 'A page', content: json({ type: 'object', required: ['data', 'nextCursor'], properties: { data: { type: 'array', items: ref(name) }, nextCursor: { type: ['string', 'null'] } } }) }, ...PROBLEMS } },
      post: { operationId: `${key}.create`, tags, summary: `Add a ${definition.singular}`, requestBody: { required: true, content: json(ref(`${name}Write`)) }, responses: { 201: { description: 'The record', content: json(ref(name)) }, ...WRITE_PROBLEMS } },
    },
    [`${base}/{id}`]: {
      get: { operationId: `${key}.get`, tags, summary: `One ${definition.singular}`, parameters: [id], responses: { 200: { description: 'The record', content: json(ref(name)) }, ...PROBLEMS } },
      patch: { operationId: `${key}.update`, tags, summary: `Change a ${definition.singular} (the fields named)`, parameters: [id, { name: 'if-match', in: 'header', required: false, description: 'The version the change is based on', schema: { type: 'string', maxLength: 20 } }], requestBody: { required: true, content: json({ ...ref(`${name}Write`) }) }, responses: { 200: { description: 'The record', content: json(ref(name)) }, ...WRITE_PROBLEMS } },
      delete: { operationId: `${key}.delete`, tags, summary: `Remove a ${definition.singular}`, parameters: [id], responses: { 204: { description: 'Removed' }, ...WRITE_PROBLEMS } },
    },
    [`${base}/import`]: {
      post: {
        operationId: `${key}.import`, tags, summary: `Import ${definition.plural} from CSV (all or nothing; dryRun=true only reports)`,
        parameters: [{ name: 'dryRun', in: 'query', required: false, schema: { type: 'boolean', default: false } }, { name: 'match', in: 'query', required: false, description: 'A unique text field: rows it finds update', schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: { 200: { description: 'The report', content: json(ref('ImportReport')) }, ...WRITE_PROBLEMS, 413: problem('More than 10,000 rows or 5 MB (`objects.import_too_large`)') },
      },
    },
    [`${base}/export`]: {
      get: {
        operationId: `${key}.export`, tags, summary: `The ${definition.plural} the filters match, as CSV`,
        parameters: [...listParams.filter((p) => p.name !== 'limit' && p.name !== 'cursor'), { name: 'bom', in: 'query', required: false, schema: { type: 'boolean', default: false } }],
        responses: { 200: { description: 'RFC 4180, a header row of field keys', content: { 'text/csv': { schema: { type: 'string' } } } }, ...PROBLEMS },
      },
    },
  };
}

const IMPORT_REPORT = {
  type: 'object',
  required: ['dryRun', 'rows', 'created', 'updated', 'columns', 'ignoredColumns', 'errors'],
  properties: {
    dryRun: { type: 'boolean' }, rows: { type: 'integer' }, created: { type: 'integer' }, updated: { type: 'integer' },
    columns: { type: 'array', items: { type: 'string' } }, ignoredColumns: { type: 'array', items: { type: 'string' } },
    errors: { type: 'array', items: { type: 'object', required: ['row', 'column', 'code', 'message'], properties: { row: { type: 'integer' }, column: { type: ['string', 'null'] }, code: { type: 'string' }, message: { type: 'string' } } } },
  },
};

export async function objectsOpenApi(ctx: TenantContext): Promise<Json> {
  const definitions = (await listDefinitions(ctx, {})).data.filter((d) => d.kind === 'object');
  const schemas: Json = {
    Problem: { type: 'object', description: 'RFC 9457 problem details', required: ['type', 'title', 'status', 'code'], properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' }, errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } } } } } },
    ImportReport: IMPORT_REPORT,
  };
  const paths: Json = {};
  const tags: Json[] = [];
  const model = await loadModel(ctx.db, ctx.tenant.id);
  for (const definition of definitions) {
    const object = model.byKey.get(definition.key);
    if (!object) continue;
    const fields = visibleFields(ctx, object);
    const { record, write } = schemasOf(fields, Boolean(ctx.principal?.apiKeyId));
    schemas[pascal(definition.key)] = { ...record, title: definition.singular, ...(definition.description ? { description: definition.description } : {}) };
    schemas[`${pascal(definition.key)}Write`] = { ...write, title: `${definition.singular} (write)` };
    Object.assign(paths, pathsOf(definition, fields));
    tags.push({ name: definition.key, description: definition.description || definition.plural });
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `Custom objects of ${ctx.tenant.slug}`,
      version: '1',
      description: 'The records of the objects this tenant defined, as the caller may see them. Send `x-tenant-id` (or use the tenant\'s host) and a bearer token, as with the rest of the API.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/', description: 'This Courtyard instance' }],
    security: [{ bearer: [] }],
    tags,
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas },
  };
}
