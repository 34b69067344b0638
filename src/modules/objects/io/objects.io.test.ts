import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';

const run = promisify(execFile);
let t: TestPlatform;
let oak: Estate;

const csvHeaders = (extra: Record<string, string> = {}) => ({ headers: { 'content-type': 'text/csv', ...extra } });
const importCsv = (e: Estate, key: string, csv: string, query = 'dryRun=false', extra: Record<string, string> = {}) => e.api('POST', `/objects/${key}/records/import?${query}`, csv, csvHeaders(extra));
const allRecords = async (e: Estate, key: string) => (await ok(e.api('GET', `/objects/${key}/records?limit=200`), 200)).data as Record<string, unknown>[];

const FIELDS = [
  { key: 'plate', label: 'Plate', type: 'text', rules: { required: true, unique: true, pattern: '[A-Z0-9-]{2,10}' } },
  { key: 'unit', label: 'Unit', type: 'relation', config: { target: 'unit' } },
  { key: 'owner', label: 'Owner', type: 'relation', config: { target: 'car_owner' } },
  { key: 'valid_to', label: 'Valid to', type: 'date' },
  { key: 'fee', label: 'Fee', type: 'currency', config: { currency: 'EUR' }, rules: { min: 0 } },
  { key: 'weight', label: 'Weight', type: 'number', config: { decimals: 2 } },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'kind', label: 'Kind', type: 'select', config: { options: [{ key: 'resident', label: 'Resident' }, { key: 'visitor', label: 'Visitor' }] } },
  { key: 'tags', label: 'Tags', type: 'multi_select', config: { options: [{ key: 'ev', label: 'Electric' }, { key: 'big', label: 'Large' }] } },
  { key: 'contact', label: 'Contact e-mail', type: 'email' },
  { key: 'notes', label: 'Notes', type: 'long_text' },
];

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak', units: 2, members: 1 });
  await ok(oak.api('POST', '/objects/definitions', { key: 'car_owner', singular: 'Car owner', plural: 'Car owners', fields: [{ key: 'name', label: 'Name', type: 'text', rules: { unique: true } }] }));
  await ok(oak.api('POST', '/objects/car_owner/records', { name: 'Ada Lovelace' }));
  await ok(oak.api('POST', '/objects/definitions', { key: 'permit', singular: 'Permit', plural: 'Permits', fields: FIELDS }));
  await ok(oak.api('POST', '/objects/permit/records', { plate: 'STORED-1' }));
});
afterAll(() => t?.close());

describe('CSV import of records', () => {
  it('reports every row\'s problems on a dry run and writes nothing', async () => {
    const before = await allRecords(oak, 'permit');
    const outboxBefore = (await oak.outbox()).length;
    const csv = [
      'PLATE,unit,Owner,valid to,fee,weight,active,kind,tags,contact e-mail',
      `AB-1,${oak.unitIds[0]},ada lovelace,2026-12-31,12.50,1.25,sí,Resident,ev;Large,ann@example.test`,
      'ab 2,,,2026-02-30,12.505,1,maybe,martian,,nope',
      ',,,,,,,,,',
      'AB-1,,,,,,,,,',
      'STORED-1,,,,,,,,,',
      `AB-3,${oak.memberIds[0]},Nobody,,,,,,,`,
    ].join('\n');
    const report = await ok(importCsv(oak, 'permit', csv, 'dryRun=true'), 200);
    expect(report).toMatchObject({ dryRun: true, rows: 5, created: 5, updated: 0, ignoredColumns: [] });
    expect(report.columns).toEqual(['plate', 'unit', 'owner', 'valid_to', 'fee', 'weight', 'active', 'kind', 'tags', 'contact']);
    const problems = report.errors.map((e: { row: number; column: string; code: string }) => `${e.row} ${e.column} ${e.code}`);
    expect(problems).toEqual(expect.arrayContaining([
      '3 fee invalid_type',
      '3 active invalid_type',
      '5 plate duplicate_in_file',
      '6 plate unique',
      '7 owner not_found',
    ]));
    expect(problems).not.toContain('7 unit not_found');
    // The references of rows whose cells all read: checked for all rows at once.
    expect((await ok(importCsv(oak, 'permit', `plate,unit\nAB-3,${oak.memberIds[0]}\n`, 'dryRun=true'), 200)).errors).toEqual([{ row: 2, column: 'unit', code: 'not_found', message: `points at no unit: ${oak.memberIds[0]}` }]);
    expect(report.errors.filter((e: { row: number }) => e.row === 2)).toEqual([]);
    expect(await allRecords(oak, 'permit')).toEqual(before);
    expect((await oak.outbox()).length).toBe(outboxBefore);

    // The service's own checks once the cells read: pattern, date, option, e-mail.
    const second = await ok(importCsv(oak, 'permit', 'plate,valid_to,kind,contact\nab 2,2026-02-30,martian,nope\n', 'dryRun=true'), 200);
    expect(second.errors.map((e: { column: string; code: string }) => `${e.column} ${e.code}`).sort()).toEqual(['contact invalid_type', 'kind unknown_option', 'plate pattern', 'valid_to invalid_type']);
    // A real import of the same file is refused whole with the report's problems.
    const refused = expectProblem(await importCsv(oak, 'permit', csv), 422, 'objects.import_rejected');
    expect(refused.errors.length).toBe(report.errors.length);
    expect(await allRecords(oak, 'permit')).toEqual(before);
  });

  it('refuses unknown columns, an unknown object, an empty body and files beyond the bounds', async () => {
    const report = await ok(importCsv(oak, 'permit', 'plate,colour\nAB-9,red\n', 'dryRun=true'), 200);
    expect(report.errors).toEqual([{ row: 1, column: 'colour', code: 'unknown_column', message: '"colour" is not a field of the object' }]);
    expectProblem(await importCsv(oak, 'nothing_here', 'plate\nX\n'), 404, 'not_found');
    expectProblem(await importCsv(oak, 'permit', ''), 400, 'validation_failed');
    const rows = Array.from({ length: 10_001 }, (_, i) => `P-${i}`).join('\n');
    expectProblem(await importCsv(oak, 'permit', `plate\n${rows}\n`, 'dryRun=true'), 413, 'objects.import_too_large');
    expectProblem(await importCsv(oak, 'permit', `notes\n"${'x'.repeat(5 * 1024 * 1024)}"\n`, 'dryRun=true'), 413, 'objects.import_too_large');
    expectProblem(await oak.api('POST', '/objects/permit/records/import', { plate: 'JSON' }), 415, 'unsupported_media_type');
  });

  it('imports 300 permits in one go, with their events, converting every cell, once under an Idempotency-Key', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `IMP-${i},${oak.unitIds[i % 2]},Ada Lovelace,2027-01-${String((i % 28) + 1).padStart(2, '0')},${i}.05,${i % 7}.5,${i % 2 ? 'yes' : 'no'},${i % 2 ? 'visitor' : 'Resident'},EV;big,p${i}@example.test,"line one\nline two"`);
    const csv = `Plate,Unit,Owner,Valid to,Fee,Weight,Active,Kind,Tags,Contact e-mail,Notes\r\n${lines.join('\r\n')}\r\n`;
    const before = (await allRecords(oak, 'permit')).length;
    const started = performance.now();
    const res = await importCsv(oak, 'permit', csv, 'dryRun=false', { 'idempotency-key': 'import-300' });
    const took = performance.now() - started;
    console.info(`imported 300 records in ${Math.round(took)} ms`);
    const report = await ok(res, 200);
    expect(report).toMatchObject({ dryRun: false, rows: 300, created: 300, updated: 0, errors: [] });
    const owner = (await allRecords(oak, 'car_owner'))[0]!;
    const one = (await ok(oak.api('GET', '/objects/permit/records?filter[plate]=IMP-7'), 200)).data[0];
    expect(one).toMatchObject({ plate: 'IMP-7', unit: oak.unitIds[1], owner: owner.id, valid_to: '2027-01-08', fee: { amountMinor: 705, currency: 'EUR' }, weight: 0.5, active: true, kind: 'visitor', tags: ['ev', 'big'], contact: 'p7@example.test', notes: 'line one\nline two' });
    expect((await oak.outbox('object.permit.created')).filter((e) => String(e.data.plate).startsWith('IMP-')).length).toBe(300);
    // A retry with the same key replays the report and imports nothing again.
    const replay = await importCsv(oak, 'permit', csv, 'dryRun=false', { 'idempotency-key': 'import-300' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(report);
    let count = 0;
    let cursor: string | null = null;
    do {
      const page: { data: unknown[]; nextCursor: string | null } = await ok(oak.api('GET', `/objects/permit/records?limit=200${cursor ? `&cursor=${cursor}` : ''}`), 200);
      count += page.data.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(count).toBe(before + 300);
    // The same plates again: every row collides with a stored record.
    const again = expectProblem(await importCsv(oak, 'permit', csv), 422, 'objects.import_rejected');
    expect(again.errors.length).toBe(300);
    expect(again.errors[0]).toMatchObject({ row: 2, column: 'plate', code: 'unique' });
  });

  it('updates the records a unique match field finds and creates the others', async () => {
    await ok(oak.api('POST', '/objects/permit/records', { plate: 'MATCH-1', kind: 'resident' }));
    const csv = 'plate,kind\nmatch-1,visitor\nMATCH-2,resident\n';
    expectProblem(await importCsv(oak, 'permit', csv, 'dryRun=true&match=kind'), 400, 'validation_failed', ['match']);
    const dry = await ok(importCsv(oak, 'permit', 'plate,kind\nMATCH-1,visitor\nMATCH-2,resident\n', 'dryRun=true&match=plate'), 200);
    expect(dry).toMatchObject({ created: 1, updated: 1, errors: [] });
    await ok(importCsv(oak, 'permit', 'plate,kind\nMATCH-1,visitor\nMATCH-2,resident\n', 'match=plate'), 200);
    const matched = (await ok(oak.api('GET', '/objects/permit/records?filter[plate]=MATCH-1'), 200)).data;
    expect(matched).toHaveLength(1);
    expect(matched[0]).toMatchObject({ kind: 'visitor', version: 2 });
  });

  it('refuses an import beyond the plan\'s record limit, naming it on a dry run', async () => {
    const admin = await t.platformToken();
    const elm = await estate(t, { slug: 'elm-io' });
    await ok(elm.api('POST', '/objects/definitions', { key: 'fob', singular: 'Fob', plural: 'Fobs', fields: [{ key: 'code', label: 'Code', type: 'text' }] }));
    await ok(elm.api('POST', '/objects/fob/records', { code: 'F-0' }));
    await ok(t.call('POST', '/control/v1/tenants/elm-io/licence', { token: admin, body: { limits: { members: null, users: null, objectRecords: 2 } } }));
    const dry = await ok(importCsv(elm, 'fob', 'code\nF-1\nF-2\n', 'dryRun=true'), 200);
    expect(dry.errors).toEqual([expect.objectContaining({ row: 1, column: null, code: 'plan_limit_reached' })]);
    expectProblem(await importCsv(elm, 'fob', 'code\nF-1\nF-2\n'), 422, 'objects.import_rejected');
    await ok(importCsv(elm, 'fob', 'code\nF-1\n'), 200);
    expect(await allRecords(elm, 'fob')).toHaveLength(2);
  });
});

describe('CSV import with formulas and rules', () => {
  it('computes the formulas of imported records, so they sort at once, and reports a broken rule at its row', async () => {
    await ok(oak.api('POST', '/objects/definitions', { key: 'pass', singular: 'Pass', plural: 'Passes', fields: [
      { key: 'code', label: 'Code', type: 'text' },
      { key: 'valid_from', label: 'Valid from', type: 'date' },
      { key: 'valid_to', label: 'Valid to', type: 'date' },
      { key: 'length', label: 'Length', type: 'formula', config: { expression: 'days_between(valid_from, valid_to)' } },
    ] }));
    await ok(oak.api('POST', '/objects/definitions/pass/rules', { expression: 'valid_to > valid_from', message: 'Valid to must be after valid from', fields: ['valid_to'] }));
    const rows = ['code,valid_from,valid_to', 'P-1,2027-01-01,2027-01-31', 'P-2,2027-01-01,2027-01-11', 'P-3,2027-01-01,2027-03-01'];
    const broken = await ok(importCsv(oak, 'pass', [...rows, 'P-4,2027-02-01,2027-01-01'].join('\n'), 'dryRun=true'), 200);
    expect(broken.errors).toEqual([{ row: 5, column: 'valid_to', code: 'rule', message: 'Valid to must be after valid from' }]);
    expectProblem(await importCsv(oak, 'pass', [...rows, 'P-4,2027-02-01,2027-01-01'].join('\n')), 422, 'objects.import_rejected');
    expect(await allRecords(oak, 'pass')).toEqual([]);

    expect(await ok(importCsv(oak, 'pass', rows.join('\n')), 200)).toMatchObject({ created: 3, errors: [] });
    const sorted = (await ok(oak.api('GET', '/objects/pass/records?sort=-length'), 200)).data as { code: string; length: number }[];
    expect(sorted.map((r) => [r.code, r.length])).toEqual([['P-3', 59], ['P-1', 30], ['P-2', 10]]);
  });
});

describe('CSV export of records', () => {
  it('exports what the list filters, with formula-safe cells and an optional BOM, and reads back into a fresh object as the same values', async () => {
    await ok(oak.api('POST', '/objects/permit/records', { plate: 'EXP-1', fee: { amountMinor: 1250, currency: 'EUR' }, notes: '=HYPERLINK("http://evil")', tags: ['ev'], active: false, weight: -3.25, kind: 'visitor' }));
    const res = await oak.api('GET', '/objects/permit/records/export?filter[plate][starts_with]=EXP&sort=-plate');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parse(res.body) as string[][];
    expect(header).toEqual(['id', 'createdAt', 'updatedAt', 'version', ...FIELDS.map((f) => f.key)]);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({ plate: 'EXP-1', fee: '12.5', notes: '\'=HYPERLINK("http://evil")', tags: 'ev', active: 'false', weight: '-3.25', kind: 'visitor', unit: '' });
    const bom = await oak.api('GET', '/objects/permit/records/export?bom=true&q=EXP');
    expect(bom.body.startsWith('\uFEFFid,')).toBe(true);

    // Everything imported above, out and into a fresh object with the same fields: the same values.
    const all = await oak.api('GET', '/objects/permit/records/export?filter[plate][starts_with]=IMP');
    await ok(oak.api('POST', '/objects/definitions', { key: 'permit_copy', singular: 'Permit copy', plural: 'Permit copies', fields: FIELDS }));
    const copied = await ok(importCsv(oak, 'permit_copy', all.body), 200);
    expect(copied).toMatchObject({ rows: 300, created: 300, errors: [], ignoredColumns: ['id', 'createdAt', 'updatedAt', 'version'] });
    const values = (csv: string) => (parse(csv) as string[][]).slice(1).map((r) => r.slice(4)).sort((a, b) => a[0]!.localeCompare(b[0]!));
    const back = await oak.api('GET', '/objects/permit_copy/records/export');
    expect(values(back.body)).toEqual(values(all.body));
  });

  it('leaves out the fields hidden from the principal\'s roles, in the export and the OpenAPI document', async () => {
    await ok(oak.api('POST', '/roles', { key: 'permit-auditor', name: 'Permit auditor', permissions: ['objects.permit.read'], fieldRestrictions: { 'objects.permit': { hidden: ['fee', 'notes'] } } }));
    const auditor = { token: (await oak.newUser('auditor@oak.test', ['permit-auditor'])).token };
    const exported = await oak.api('GET', '/objects/permit/records/export?filter[plate]=EXP-1', undefined, auditor);
    expect(exported.statusCode, exported.body).toBe(200);
    const [header, ...rows] = parse(exported.body) as string[][];
    expect(header).toContain('plate');
    expect(header).not.toContain('fee');
    expect(header).not.toContain('notes');
    expect(rows).toHaveLength(1);
    // Its OpenAPI document: the permit without a trace of the hidden fields, and no other object (it may read permits only).
    const doc = await ok(oak.api('GET', '/objects/openapi.json', undefined, auditor), 200);
    expect(Object.keys((await ok(oak.api('GET', '/objects/openapi.json'), 200)).components.schemas)).toContain('CarOwner');
    expect(Object.keys(doc.components.schemas)).not.toContain('CarOwner');
    expect(Object.keys(doc.components.schemas)).toContain('Permit');
    const permit = JSON.stringify({ schema: doc.components.schemas.Permit, paths: Object.entries(doc.paths as object).filter(([path]) => path.includes('/permit/')) });
    expect(permit).not.toContain('fee');
    expect(permit).toContain('valid_to');
  });
});

describe('the tenant\'s own OpenAPI document', () => {
  it('describes each live object with typed schemas and paths, passes the repository\'s OpenAPI lint, and holds the tenant\'s objects only', async () => {
    const doc = await ok(oak.api('GET', '/objects/openapi.json'), 200);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/objects/permit/records', '/api/v1/objects/permit/records/{id}', '/api/v1/objects/permit/records/import', '/api/v1/objects/permit/records/export']));
    const permit = doc.components.schemas.Permit;
    expect(permit.properties.kind).toMatchObject({ type: ['string', 'null'], enum: ['resident', 'visitor', null] });
    expect(permit.properties.valid_to).toMatchObject({ format: 'date' });
    expect(permit.properties.contact).toMatchObject({ format: 'email' });
    expect(doc.components.schemas.PermitWrite.required).toEqual(['plate']);
    expect(doc.paths['/api/v1/objects/permit/records'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['filter[fee][gte]', 'filter[kind]', 'filter[valid_to][lte]']));

    const dir = await mkdtemp(join(tmpdir(), 'objects-openapi-'));
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(doc));
    const lint = await run(join(process.cwd(), 'node_modules/.bin/redocly'), ['lint', '--config', join(process.cwd(), 'redocly.yaml'), file], { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } }).catch((e: { stdout: string; stderr: string }) => e);
    expect(lint.stderr + lint.stdout, lint.stderr).toContain('Your API description is valid');
    await rm(dir, { recursive: true });

    const pine = await estate(t, { slug: 'pine-io' });
    await ok(pine.api('POST', '/objects/definitions', { key: 'kayak', singular: 'Kayak', plural: 'Kayaks', fields: [{ key: 'hull', label: 'Hull', type: 'text' }] }));
    const own = (await pine.api('GET', '/objects/openapi.json')).body;
    expect(own).toContain('/api/v1/objects/kayak/records');
    expect(own).not.toContain('permit');
    expect(own).not.toContain('car_owner');
  });
});
