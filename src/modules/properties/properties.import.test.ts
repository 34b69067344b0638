import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
});
afterAll(() => t?.close());

const upload = (csv: string, { dryRun = false, tenant = oak, type = 'text/csv' } = {}) => tenant.api('POST', `/properties/import?dryRun=${dryRun}`, csv, { headers: { 'content-type': type } });
const get = (url: string, tenant = oak) => ok(tenant.api('GET', url), 200);
const allProperties = async (tenant = oak) => (await get('/properties?limit=200&includeArchived=true', tenant)).data as { id: string; name: string; parentId: string | null; [k: string]: unknown }[];
const outboxTypes = (tenant: Estate) => tenant.tx(async (db) => (await db.selectFrom('outbox').select(['type', 'data']).orderBy('id').execute()) as { type: string; data: unknown }[]);

const HEADER = 'Property,Parent_Property,Property_Kind,Address_Line1,Address_Line2,City,Region,Postal_Code,Country,Unit,Unit_Kind,Floor,Area,Bedrooms,Participation_Share,Amenities';

describe('importing properties and units from CSV', () => {
  it('checks every row of a dry run, reports each problem with its line, and writes nothing', async () => {
    const csv = [
      HEADER,
      'Oak Estate,,residential,1 Oak Road,,Leeds,,LS1 1AA,GB,,,,,,,', // 2
      'Block A,Oak Estate,residential,,,,,,,A-1,apartment,1,72.5,2,0.5,balcony;lift', // 3
      'Block A,Oak Estate,,,,,,,,A-2,castle,one,-3,x,1.5,', // 4
      'Block B,Nowhere Estate,residential,,,,,,,B-1,apartment,,,,,', // 5
      ',,,,,,,,,C-1,apartment,,,,,', // 6
      'Block A,Oak Estate,commercial,,,,,,,A-3,apartment,,,,,', // 7
      'Block A,Oak Estate,,,,,,,,a-1,apartment,,,,,', // 8
      'New Place,,,,,,,,XX,,,,,,,', // 9
      'Parade,,commercial,"Unit 5,\nThe Parade",,,,,,,,,,,,', // 10 and 11
      'Extra,,land,,,,,,,,,,,,,,surplus', // 12
      ',,,,,,,,,,,,,,,', // 13: empty, skipped
      'Plot 1,,land,,,,,,,,plot,,,,,', // 14
    ].join('\r\n');
    const report = (await ok(upload(csv, { dryRun: true }), 200));
    expect(report.dryRun).toBe(true);
    expect(report.rows).toBe(11);
    expect(report.errors.map((e: { row: number; field: string | null }) => `${e.row} ${e.field}`)).toEqual([
      '4 unit_kind', '4 floor', '4 area', '4 bedrooms', '4 participation_share',
      '5 parent_property',
      '6 property',
      '7 property_kind',
      '8 unit',
      '9 property_kind', '9 country',
      '12 null',
      '14 unit',
    ]);
    const message = (row: number, field: string | null) => report.errors.find((e: { row: number; field: string | null }) => e.row === row && e.field === field).message;
    expect(message(4, 'unit_kind')).toBe('"castle" is not one of apartment, house, plot, shop, office, parking, storage, other');
    expect(message(4, 'participation_share')).toBe('"1.5" is not a decimal from 0 to 1 with at most 9 decimals (such as 0.125)');
    expect(message(5, 'parent_property')).toBe('no top-level property is named "Nowhere Estate", in the file or already');
    expect(message(7, 'property_kind')).toBe('"commercial" differs from "residential" on row 3: the rows of one property must agree');
    expect(message(8, 'unit')).toBe('"a-1" of "Block A" is already on row 3');
    expect(message(12, null)).toBe('has 17 cells but the header names 16 columns');
    expect(message(14, 'unit')).toBe('is required when unit_kind is filled in');

    expect(await allProperties()).toEqual([]);
    // A real run of the same file is refused with the same report, and still writes nothing.
    const refused = (await ok(upload(csv), 422));
    expect(refused.code).toBe('properties.import_rejected');
    expect(refused.detail).toBe('8 rows have problems; nothing was imported');
    expect(refused.errors).toEqual(report.errors);
    expect(refused.rows).toBe(11);
    expect(await allProperties()).toEqual([]);
    expect((await outboxTypes(oak)).filter((e) => e.type === 'properties.imported')).toEqual([]);
  });

  it('imports estates, nested blocks and units, and a second import updates instead of duplicating', async () => {
    const elm = await estate(t, { slug: 'elm' });
    const csv = [
      'property,parent_property,property_kind,address_line1,city,postal_code,country,unit,unit_kind,floor,area,bedrooms,participation_share,amenities',
      'Maple Estate,,mixed,1 Maple Way,York,YO1 7HH,gb,,,,,,,',
      'Block A,Maple Estate,residential,,,,,A-01,apartment,0,55.25,1,0.333333333,balcony; lift',
      'Block A,Maple Estate,,,,,,A-02,apartment,1,60,2,0.333333333,',
      'Block A,Maple Estate,,,,,,A-03,Apartment,2,61.50,2,0.333333334,lift;lift',
      'Block B,Maple Estate,commercial,,,,,Shop 1,shop,0,120,,1,',
      'Maple Estate,,,,,,,Gatehouse,house,,,3,,',
    ].join('\n');

    const dry = (await ok(upload(csv, { dryRun: true, tenant: elm }), 200));
    expect(dry).toEqual({ dryRun: true, rows: 6, errors: [], created: { properties: 3, units: 5 }, updated: { properties: 0, units: 0 }, unchanged: { properties: 0, units: 0 } });
    expect(await allProperties(elm)).toEqual([]);

    const done = (await ok(upload(csv, { tenant: elm }), 200));
    expect(done).toEqual({ ...dry, dryRun: false });
    const properties = await allProperties(elm);
    const byName = Object.fromEntries(properties.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['Block A', 'Block B', 'Maple Estate']);
    expect(byName['Maple Estate']).toMatchObject({ parentId: null, kind: 'mixed', address: { lines: ['1 Maple Way'], city: 'York', region: null, postalCode: 'YO1 7HH', country: 'GB' } });
    expect(byName['Block A']).toMatchObject({ parentId: byName['Maple Estate']!.id, kind: 'residential', shares: { unitCount: 3, total: '1', balanced: true } });
    expect(byName['Block B']).toMatchObject({ parentId: byName['Maple Estate']!.id, kind: 'commercial', shares: { unitCount: 1, total: '1', balanced: true } });
    const units = (await get(`/properties/${byName['Block A']!.id}/units`, elm)).data;
    expect(units.map((u: { label: string }) => u.label)).toEqual(['A-01', 'A-02', 'A-03']);
    expect(units[0]).toMatchObject({ kind: 'apartment', floor: 0, area: 55.25, bedrooms: 1, participationShare: '0.333333333', amenities: ['balcony', 'lift'], status: 'vacant' });
    expect(units[2]).toMatchObject({ kind: 'apartment', area: 61.5, participationShare: '0.333333334', amenities: ['lift'] });
    expect((await get(`/properties/${byName['Maple Estate']!.id}/units`, elm)).data).toMatchObject([{ label: 'Gatehouse', kind: 'house', bedrooms: 3, area: null, participationShare: null }]);
    const imported = (await outboxTypes(elm)).filter((e) => e.type === 'properties.imported');
    expect(imported).toHaveLength(1);
    const data = typeof imported[0]!.data === 'string' ? JSON.parse(imported[0]!.data) : imported[0]!.data;
    expect(data).toEqual({ rows: 6, created: { properties: 3, units: 5 }, updated: { properties: 0, units: 0 }, unchanged: { properties: 0, units: 0 } });

    // The same file again changes nothing.
    expect((await ok(upload(csv, { tenant: elm }), 200))).toMatchObject({ created: { properties: 0, units: 0 }, updated: { properties: 0, units: 0 }, unchanged: { properties: 3, units: 5 } });

    // Names and labels match ignoring case; empty cells keep what is stored; filled ones replace it.
    const again = [
      'property,parent_property,property_kind,city,unit,unit_kind,area,amenities',
      'maple estate,,,Leeds,,,,',
      'BLOCK A,MAPLE ESTATE,,,a-02,,65,garden',
      'Block A,Maple Estate,,,A-04,studio,,',
      'Block A,Maple Estate,,,A-04b,other,,',
      'Block B,Maple Estate,,,shop 1,,,',
    ].join('\n');
    const checked = (await ok(upload(again, { dryRun: true, tenant: elm }), 200));
    expect(checked.errors).toEqual([{ row: 4, field: 'unit_kind', message: '"studio" is not one of apartment, house, plot, shop, office, parking, storage, other' }]);
    const fixed = again.replace('studio', 'apartment');
    const second = (await ok(upload(fixed, { tenant: elm }), 200));
    expect(second).toMatchObject({ created: { properties: 0, units: 2 }, updated: { properties: 1, units: 1 }, unchanged: { properties: 2, units: 1 } });
    expect(await allProperties(elm)).toHaveLength(3);
    expect((await get(`/properties/${byName['Maple Estate']!.id}`, elm)).address).toEqual({ lines: ['1 Maple Way'], city: 'Leeds', region: null, postalCode: 'YO1 7HH', country: 'GB' });
    const after = (await get(`/properties/${byName['Block A']!.id}/units`, elm)).data;
    expect(after.map((u: { label: string }) => u.label)).toEqual(['A-01', 'A-02', 'A-03', 'A-04', 'A-04b']);
    expect(after[1]).toMatchObject({ label: 'A-02', area: 65, floor: 1, bedrooms: 2, participationShare: '0.333333333', amenities: ['garden'] });
  });

  it('refuses rows aimed at archived properties or units', async () => {
    const fir = await estate(t, { slug: 'fir' });
    (await ok(upload('property,property_kind,unit,unit_kind\nFir House,residential,F-1,apartment\nFir House,,F-2,apartment\nFir Hall,residential,,\n', { tenant: fir }), 200));
    const [hall, house] = (await allProperties(fir)).sort((a, b) => a.name.localeCompare(b.name));
    const f2 = (await get(`/properties/${house!.id}/units?q=F-2`, fir)).data[0];
    expect((await ok(fir.api('PATCH', `/units/${f2.id}`, { archived: true }), 200)).archived).toBe(true);
    expect((await ok(fir.api('PATCH', `/properties/${hall!.id}`, { archived: true }), 200)).archived).toBe(true);
    const report = (await ok(upload('property,unit,area\nFir House,F-1,50\nFir House,F-2,50\nFir Hall,,\n', { tenant: fir, dryRun: true }), 200));
    expect(report.errors).toEqual([
      { row: 3, field: 'unit', message: '"F-2" is archived; restore it first (PATCH {"archived": false})' },
      { row: 4, field: 'property', message: '"Fir Hall" is archived; restore it first (PATCH {"archived": false})' },
    ]);
    expect(report.updated).toEqual({ properties: 0, units: 2 });
  });

  it('refuses a header it does not know, and a file without a property column', async () => {
    const unknown = (await ok(upload('property,property_kind,flavour,Postal Code\nX,land,vanilla,AB1\n', { dryRun: true }), 200));
    expect(unknown.errors).toEqual([{ row: 1, field: null, message: expect.stringMatching(/^"flavour" is not a known column; the columns are property, parent_property/) }]);
    const missing = (await ok(upload('name,unit\nX,1\n'), 422));
    expect(missing.errors).toEqual([
      { row: 1, field: null, message: expect.stringMatching(/^"name" is not a known column/) },
      { row: 1, field: 'property', message: 'is missing from the header: every file needs a property column' },
    ]);
    const broken = (await ok(upload('property,unit\n"Unclosed,1\n'), 422));
    expect(broken.errors).toEqual([{ row: 2, field: null, message: expect.stringMatching(/^The file is not valid CSV: Quote Not Closed/) }]);
    expect((await ok(upload('property,unit\n', { dryRun: true }), 200))).toMatchObject({ rows: 0, errors: [], created: { properties: 0, units: 0 } });
  });

  it('takes CSV only, on this route only', async () => {
    expectProblem(await oak.api('POST', '/properties/import', { property: 'X' }), 415, 'unsupported_media_type');
    expectProblem(await upload('property\nX\n', { type: 'text/plain' }), 415, 'unsupported_media_type');
    expectProblem(await upload(''), 400, 'validation_failed');
    expect((await ok(upload('property,property_kind\nX,land\n', { type: 'text/csv; charset=utf-8', dryRun: true }), 200)).created).toEqual({ properties: 1, units: 0 });
    expect((await ok(oak.api('POST', '/properties/import?dryRun=maybe', 'property\n', { headers: { 'content-type': 'text/csv' } }), 400)).errors[0]).toMatchObject({ field: 'dryRun', in: 'querystring' });
  });

  it('imports a 5,000-unit estate in batches, quickly, and re-checks it just as quickly', async () => {
    const big = await estate(t, { slug: 'big' });
    const lines = ['property,parent_property,property_kind,address_line1,city,postal_code,country,unit,unit_kind,floor,area,bedrooms,participation_share,amenities', 'Grand Estate,,residential,1 Grand Road,Leeds,LS1 1AA,GB,,,,,,,'];
    for (let b = 0; b < 10; b++) {
      for (let u = 0; u < 500; u++) {
        lines.push(`Block ${b},Grand Estate,residential,,,,,${b}-${String(u).padStart(3, '0')},${u % 50 === 49 ? 'parking' : 'apartment'},${Math.floor(u / 20)},${(45 + (u % 7) * 10.25).toFixed(2)},${1 + (u % 3)},0.002,${u % 3 === 0 ? 'balcony;lift' : ''}`);
      }
    }
    const csv = lines.join('\n');
    let started = Date.now();
    const report = (await ok(upload(csv, { tenant: big }), 200));
    const took = Date.now() - started;
    expect(report).toMatchObject({ rows: 5001, errors: [], created: { properties: 11, units: 5000 } });
    expect(took).toBeLessThan(20_000);

    const vacancy = await get('/reports/vacancy', big);
    expect(vacancy.totals).toMatchObject({ units: 5000, vacant: 5000, vacancyRate: 1 });
    expect(vacancy.properties).toHaveLength(10);
    const blocks = (await get('/properties?topLevel=false&limit=20', big)).data;
    expect(blocks.every((p: { shares: { total: string; balanced: boolean; unitCount: number } }) => p.shares.total === '1' && p.shares.balanced && p.shares.unitCount === 500)).toBe(true);

    started = Date.now();
    expect((await ok(upload(csv, { tenant: big, dryRun: true }), 200))).toMatchObject({ errors: [], created: { properties: 0, units: 0 }, unchanged: { properties: 11, units: 5000 } });
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
