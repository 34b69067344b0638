import type { TenantContext } from '../../kernel/context.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import { propertiesErrors } from './properties.errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { readCsv } from '../../kernel/http/csv.js';
import { newId } from '../../kernel/ids.js';
import { PropertiesRepository, type PropertyRow } from './properties.repository.js';
import { PROPERTY_KINDS, UNIT_KINDS, type ImportProblem, type ImportReport } from './properties.schemas.js';
import { exactDecimal, isCountry, isShare } from './properties.values.js';
import { UnitsRepository, type UnitRow } from './units.repository.js';
import { refuseBeyondLimit } from '../../kernel/metering/tallies.repository.js';
import { unitLimitReached } from './properties.service.js';

export const IMPORT_COLUMNS = [
  'property',
  'parent_property',
  'property_kind',
  'address_line1',
  'address_line2',
  'city',
  'region',
  'postal_code',
  'country',
  'unit',
  'unit_kind',
  'floor',
  'area',
  'bedrooms',
  'participation_share',
  'amenities',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

/** Columns that describe the property; every row of one property must agree on those it fills. */
const PROPERTY_DETAILS = ['property_kind', 'address_line1', 'address_line2', 'city', 'region', 'postal_code', 'country'] as const satisfies Column[];
type PropertyDetail = (typeof PROPERTY_DETAILS)[number];
const UNIT_DETAILS = ['unit_kind', 'floor', 'area', 'bedrooms', 'participation_share', 'amenities'] as const satisfies Column[];

/** Rows per INSERT or UPDATE statement. */
const BATCH = 500;

interface CsvRow {
  /** Line of the file the row starts on; the header is line 1. */
  line: number;
  /** The row's non-empty cells, trimmed. */
  cells: Map<Column, string>;
}

interface PropertyPlan {
  key: string;
  name: string;
  parentName: string | null;
  line: number;
  /** Each detail filled in, and the row it was first filled on. */
  details: Map<PropertyDetail, { value: string; line: number }>;
  existing?: PropertyRow;
  /** The parent: another plan of this file, or a stored top-level property. */
  parent?: PropertyPlan | PropertyRow;
  id: string;
}

interface UnitPlan {
  property: PropertyPlan;
  label: string;
  line: number;
  kind?: UnitRow['kind'];
  floor?: number;
  area?: string;
  bedrooms?: number;
  share?: string;
  amenities?: string[];
  existing?: UnitRow;
}

const lower = (s: string) => s.toLowerCase();
const propertyKey = (parentName: string | null, name: string) => `${lower(parentName ?? '')}\u0000${lower(name)}`;
const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const isPlan = (p: PropertyPlan | PropertyRow): p is PropertyPlan => 'details' in p;

class Problems {
  readonly list: ImportProblem[] = [];
  add(row: number, field: Column | null, message: string) {
    this.list.push({ row, field, message });
  }
  sorted(): ImportProblem[] {
    const order = (f: string | null) => (f === null ? -1 : IMPORT_COLUMNS.indexOf(f as Column));
    return [...this.list].sort((a, b) => a.row - b.row || order(a.field) - order(b.field));
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the file

/** `Postal Code`, `postal-code` and `POSTAL_CODE` all name `postal_code`. */
const columnName = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

function readRows(text: string, problems: Problems): CsvRow[] {
  const file = readCsv(text);
  if ('error' in file) {
    problems.add(file.error.line, null, file.error.message);
    return [];
  }
  const { header, rows: data } = file;
  if (header.length === 0) return [];

  const columns: (Column | null)[] = [];
  for (const raw of header) {
    const name = columnName(raw);
    const known = (IMPORT_COLUMNS as readonly string[]).includes(name) ? (name as Column) : null;
    if (!raw.trim()) problems.add(1, null, `Column ${columns.length + 1} has no name`);
    else if (!known) problems.add(1, null, `"${raw}" is not a known column; the columns are ${IMPORT_COLUMNS.join(', ')}`);
    else if (columns.includes(known)) problems.add(1, known, 'appears twice in the header');
    columns.push(known && !columns.includes(known) ? known : null);
  }
  if (!columns.includes('property')) {
    problems.add(1, 'property', 'is missing from the header: every file needs a property column');
    return [];
  }

  const rows: CsvRow[] = [];
  for (const { line, cells: record } of data) {
    const extra = record.slice(columns.length).filter((cell) => cell !== '');
    if (extra.length > 0) problems.add(line, null, `has ${record.length} cells but the header names ${columns.length} columns`);
    const cells = new Map<Column, string>();
    columns.forEach((column, i) => {
      const cell = record[i];
      if (column && cell) cells.set(column, cell);
    });
    rows.push({ line, cells });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Checking the rows and gathering properties and units

const MAX_LENGTH: Partial<Record<Column, number>> = {
  property: 200,
  parent_property: 200,
  address_line1: 200,
  address_line2: 200,
  city: 100,
  region: 100,
  postal_code: 20,
  unit: 50,
};

/** The row's details as the database takes them (kinds in lower case, countries in capitals), checked. */
function checkRow(row: CsvRow, problems: Problems): void {
  const { cells, line } = row;
  for (const [column, max] of Object.entries(MAX_LENGTH) as [Column, number][]) {
    const value = cells.get(column);
    if (value && value.length > max) problems.add(line, column, `is longer than ${max} characters`);
  }
  const oneOf = (column: Column, allowed: readonly string[]) => {
    const value = cells.get(column);
    if (value === undefined) return;
    if (allowed.includes(value.toLowerCase())) cells.set(column, value.toLowerCase());
    else problems.add(line, column, `"${value}" is not one of ${allowed.join(', ')}`);
  };
  oneOf('property_kind', PROPERTY_KINDS);
  oneOf('unit_kind', UNIT_KINDS);
  const country = cells.get('country');
  if (country !== undefined) {
    if (isCountry(country.toUpperCase())) cells.set('country', country.toUpperCase());
    else problems.add(line, 'country', `"${country}" is not an ISO 3166-1 alpha-2 country code (such as GB, NL or US)`);
  }
  const floor = cells.get('floor');
  if (floor !== undefined && !(/^[+-]?\d{1,3}$/.test(floor) && Number(floor) >= -50 && Number(floor) <= 300)) problems.add(line, 'floor', `"${floor}" is not a whole number from -50 to 300`);
  const bedrooms = cells.get('bedrooms');
  if (bedrooms !== undefined && !(/^\d{1,4}$/.test(bedrooms) && Number(bedrooms) <= 1000)) problems.add(line, 'bedrooms', `"${bedrooms}" is not a whole number from 0 to 1000`);
  const area = cells.get('area');
  if (area !== undefined) {
    const exact = exactDecimal(area, 2);
    if (exact === null || exact === '0' || exact.split('.')[0]!.length > 10) problems.add(line, 'area', `"${area}" is not an area in square metres above 0 with at most 2 decimals (such as 72.5)`);
    else cells.set('area', exact);
  }
  const share = cells.get('participation_share');
  if (share !== undefined) {
    const exact = exactDecimal(share, 9);
    if (exact === null || !isShare(exact)) problems.add(line, 'participation_share', `"${share}" is not a decimal from 0 to 1 with at most 9 decimals (such as 0.125)`);
    else cells.set('participation_share', exact);
  }
  const amenities = cells.get('amenities');
  if (amenities !== undefined) {
    const list = amenities.split(';').map((a) => a.trim()).filter(Boolean);
    if (list.some((a) => a.length > 100)) problems.add(line, 'amenities', 'has an amenity longer than 100 characters');
    if (new Set(list).size > 50) problems.add(line, 'amenities', 'has more than 50 amenities');
  }
  if (!cells.get('property')) problems.add(line, 'property', 'is required');
  const unitDetails = UNIT_DETAILS.filter((c) => cells.has(c));
  if (!cells.has('unit') && unitDetails.length > 0) problems.add(line, 'unit', `is required when ${unitDetails.join(', ')} ${unitDetails.length > 1 ? 'are' : 'is'} filled in`);
}

function gather(rows: CsvRow[], problems: Problems): { properties: Map<string, PropertyPlan>; units: UnitPlan[] } {
  const properties = new Map<string, PropertyPlan>();
  const units = new Map<string, UnitPlan>();
  for (const row of rows) {
    checkRow(row, problems);
    const { cells, line } = row;
    const name = cells.get('property');
    if (!name) continue;
    const parentName = cells.get('parent_property') ?? null;
    const key = propertyKey(parentName, name);
    let plan = properties.get(key);
    if (!plan) properties.set(key, (plan = { key, name, parentName, line, details: new Map(), id: newId() }));
    for (const detail of PROPERTY_DETAILS) {
      const value = cells.get(detail);
      if (value === undefined) continue;
      const before = plan.details.get(detail);
      if (!before) plan.details.set(detail, { value, line });
      else if (before.value !== value) problems.add(line, detail, `"${value}" differs from "${before.value}" on row ${before.line}: the rows of one property must agree`);
    }

    const label = cells.get('unit');
    if (!label) continue;
    const unitKey = `${key}\u0000${lower(label)}`;
    const twin = units.get(unitKey);
    if (twin) {
      problems.add(line, 'unit', `"${label}" of "${name}" is already on row ${twin.line}`);
      continue;
    }
    const amenities = cells.get('amenities');
    units.set(unitKey, {
      property: plan,
      label,
      line,
      kind: cells.get('unit_kind') as UnitRow['kind'] | undefined,
      floor: cells.has('floor') ? Number(cells.get('floor')) : undefined,
      area: cells.get('area'),
      bedrooms: cells.has('bedrooms') ? Number(cells.get('bedrooms')) : undefined,
      share: cells.get('participation_share'),
      amenities: amenities === undefined ? undefined : [...new Set(amenities.split(';').map((a) => a.trim()).filter(Boolean))],
    });
  }
  return { properties, units: [...units.values()] };
}

// ---------------------------------------------------------------------------------------------
// Matching what is stored, and what changes

/** Finds the stored properties and units the file names; `lock` when the import will write. */
async function match(repo: PropertiesRepository, unitsRepo: UnitsRepository, properties: Map<string, PropertyPlan>, units: UnitPlan[], problems: Problems, lock: boolean): Promise<void> {
  const plans = [...properties.values()];
  const names = new Set(plans.flatMap((p) => [lower(p.name), ...(p.parentName ? [lower(p.parentName)] : [])]));
  const stored = await repo.propertiesNamed([...names], lock);
  const topLevel = new Map(stored.filter((p) => p.parentId === null).map((p) => [lower(p.name), p]));
  const children = new Map(stored.filter((p) => p.parentId !== null).map((p) => [`${p.parentId}\u0000${lower(p.name)}`, p]));

  // Top-level properties first: their children look them up.
  for (const plan of [...plans.filter((p) => !p.parentName), ...plans.filter((p) => p.parentName)]) {
    if (!plan.parentName) {
      plan.existing = topLevel.get(lower(plan.name));
    } else {
      const parentPlan = properties.get(propertyKey(null, plan.parentName));
      const storedParent = parentPlan?.existing ?? topLevel.get(lower(plan.parentName));
      plan.parent = parentPlan ?? storedParent;
      if (!plan.parent) problems.add(plan.line, 'parent_property', `no top-level property is named "${plan.parentName}", in the file or already`);
      if (storedParent) plan.existing = children.get(`${storedParent.id}\u0000${lower(plan.name)}`);
      if (storedParent?.archivedAt && !plan.existing) problems.add(plan.line, 'parent_property', `"${storedParent.name}" is archived; restore it first`);
    }
    if (plan.existing?.archivedAt) problems.add(plan.line, 'property', `"${plan.existing.name}" is archived; restore it first (PATCH {"archived": false})`);
    if (!plan.existing && !plan.details.has('property_kind')) problems.add(plan.line, 'property_kind', `is required for the new property "${plan.name}"`);
  }

  const storedUnits = await unitsRepo.unitsOf(plans.flatMap((p) => (p.existing ? [p.existing.id] : [])), lock);
  const byLabel = new Map(storedUnits.map((u) => [`${u.propertyId}\u0000${lower(u.label)}`, u]));
  for (const unit of units) {
    if (unit.property.existing) unit.existing = byLabel.get(`${unit.property.existing.id}\u0000${lower(unit.label)}`);
    if (unit.existing?.archivedAt) problems.add(unit.line, 'unit', `"${unit.existing.label}" is archived; restore it first (PATCH {"archived": false})`);
    if (!unit.existing && !unit.kind) problems.add(unit.line, 'unit_kind', `is required for the new unit "${unit.label}"`);
  }
}

type NewProperty = Omit<PropertyRow, 'archivedAt'>;
type PropertyUpdate = Omit<PropertyRow, 'archivedAt' | 'parentId' | 'name'>;
type NewUnit = Omit<UnitRow, 'archivedAt' | 'status' | 'unavailable'>;
type UnitUpdate = Omit<UnitRow, 'archivedAt' | 'status' | 'unavailable' | 'propertyId' | 'label'>;

interface Changes {
  newProperties: NewProperty[];
  propertyUpdates: PropertyUpdate[];
  unchangedProperties: number;
  newUnits: NewUnit[];
  unitUpdates: UnitUpdate[];
  unchangedUnits: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** New rows in full; stored rows with the file's filled-in cells laid over them. Empty cells change nothing. */
function changesOf(properties: Map<string, PropertyPlan>, units: UnitPlan[]): Changes {
  const changes: Changes = { newProperties: [], propertyUpdates: [], unchangedProperties: 0, newUnits: [], unitUpdates: [], unchangedUnits: 0 };
  for (const plan of properties.values()) {
    const d = (detail: PropertyDetail) => plan.details.get(detail)?.value;
    const base = plan.existing;
    const lines = [...(base?.addressLines ?? [])];
    const line1 = d('address_line1');
    const line2 = d('address_line2');
    if (line1 !== undefined) lines[0] = line1;
    if (line2 !== undefined) lines[1] = line2;
    const fields = {
      kind: (d('property_kind') ?? base?.kind ?? 'residential') as PropertyRow['kind'],
      // A line given alone as address_line2 of a new property is its only line.
      addressLines: lines.filter((l) => l !== undefined),
      city: d('city') ?? base?.city ?? null,
      region: d('region') ?? base?.region ?? null,
      postalCode: d('postal_code') ?? base?.postalCode ?? null,
      country: d('country') ?? base?.country ?? null,
    };
    if (!base) {
      const parentId = plan.parent ? (isPlan(plan.parent) ? (plan.parent.existing?.id ?? plan.parent.id) : plan.parent.id) : null;
      changes.newProperties.push({ id: plan.id, parentId, name: plan.name, ...fields });
    } else if (same(fields, { kind: base.kind, addressLines: base.addressLines, city: base.city, region: base.region, postalCode: base.postalCode, country: base.country })) {
      changes.unchangedProperties++;
    } else {
      changes.propertyUpdates.push({ id: base.id, ...fields });
    }
  }
  for (const unit of units) {
    const base = unit.existing;
    const fields = {
      kind: (unit.kind ?? base?.kind ?? 'other') as UnitRow['kind'],
      floor: unit.floor ?? base?.floor ?? null,
      area: unit.area ?? base?.area ?? null,
      bedrooms: unit.bedrooms ?? base?.bedrooms ?? null,
      participationShare: unit.share ?? base?.participationShare ?? null,
      amenities: unit.amenities ?? base?.amenities ?? [],
    };
    if (!base) {
      changes.newUnits.push({ id: newId(), propertyId: unit.property.existing?.id ?? unit.property.id, label: unit.label, ...fields });
    } else if (same(fields, { kind: base.kind, floor: base.floor, area: base.area, bedrooms: base.bedrooms, participationShare: base.participationShare, amenities: base.amenities })) {
      changes.unchangedUnits++;
    } else {
      changes.unitUpdates.push({ id: base.id, ...fields });
    }
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------

/**
 * Imports properties and units from CSV: every row is checked and matched first, and only a
 * file without problems is written, in the request's transaction (all or nothing). A dry run
 * answers the same report and writes nothing; a real run of a file with problems is refused
 * (422) with that report.
 */
export async function importProperties(ctx: TenantContext, text: string, dryRun: boolean): Promise<ImportReport> {
  const repo = new PropertiesRepository(ctx.db);
  const unitsRepo = new UnitsRepository(ctx.db);
  const problems = new Problems();
  const rows = readRows(text, problems);
  const { properties, units } = gather(rows, problems);
  // Imports and moves of this tenant take turns, so the matching stays true until the writes.
  if (!dryRun) await repo.lockTree(ctx.tenant.id);
  await match(repo, unitsRepo, properties, units, problems, !dryRun);
  const changes = changesOf(properties, units);

  const report: ImportReport = {
    dryRun,
    rows: rows.length,
    errors: problems.sorted(),
    created: { properties: changes.newProperties.length, units: changes.newUnits.length },
    updated: { properties: changes.propertyUpdates.length, units: changes.unitUpdates.length },
    unchanged: { properties: changes.unchangedProperties, units: changes.unchangedUnits },
  };
  if (dryRun) return report;
  if (report.errors.length > 0) {
    const badRows = new Set(report.errors.map((e) => e.row)).size;
    // The report's problems are the problem's field errors, each with its row; a problem of a
    // whole row has no field.
    throw new AppError(propertiesErrors.import_rejected, `${plural(badRows, 'row has', 'rows have')} problems; nothing was imported`, { ...report, errors: report.errors as FieldError[] });
  }

  // Parents before their children; batches keep each statement to a few hundred rows.
  const created = new Set(changes.newProperties.map((p) => p.id));
  const underNew = (p: NewProperty) => p.parentId !== null && created.has(p.parentId);
  const parentsFirst = [...changes.newProperties.filter((p) => !underNew(p)), ...changes.newProperties.filter(underNew)];
  for (const batch of chunks(parentsFirst)) await repo.insertProperties(ctx.tenant.id, batch);
  for (const batch of chunks(changes.propertyUpdates)) await repo.updateProperties(batch);
  await refuseBeyondLimit(ctx, 'units', ctx.licence.claims.limits.units, changes.newUnits.length, () => unitLimitReached(ctx));
  for (const batch of chunks(changes.newUnits)) await unitsRepo.insertUnits(ctx.tenant.id, batch);
  for (const batch of chunks(changes.unitUpdates)) await unitsRepo.updateUnits(batch);
  await emit(ctx, 'properties.imported', { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged });
  return report;
}
