import { readScope, type TenantContext } from '../../kernel/context.js';
import { violates } from '../../kernel/db/constraints.js';
import { AppError, notFound, type FieldError } from '../../kernel/errors.js';
import { propertiesErrors } from './properties.errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { PropertiesRepository, type PropertyRow, type PropertyValues } from './properties.repository.js';
import type {
  AddressInput,
  CreateProperty,
  CreateUnit,
  ListPropertiesQuery,
  ListPropertyUnitsQuery,
  ListUnitsQuery,
  Property,
  Unit,
  UnitDetail,
  UpdateProperty,
  UpdateUnit,
  VacancyReport,
} from './properties.schemas.js';
import { exactDecimal, isCountry, isPerMille, isShare, perMilleToShare } from './properties.values.js';
import { UnitsRepository, type UnitValues } from './units.repository.js';
import { refuseBeyondLimit } from '../../kernel/metering/tallies.repository.js';

const READ = 'properties.read';
const ARCHIVE_INSTEAD = 'archive it instead (PATCH {"archived": true})';

const scopeOf = (ctx: TenantContext) => readScope(ctx, READ);

function refuseInvalid(errors: FieldError[]): void {
  if (errors.length > 0) throw new AppError('validation_failed', 'The request has invalid fields', { errors });
}

function nonBlank(field: string, value: string, errors: FieldError[]): string {
  const trimmed = value.trim();
  if (!trimmed) errors.push({ field, message: 'must not be blank' });
  return trimmed;
}

/** Runs a write, turning a unique index's refusal into the error a user can act on. */
async function unique<T>(write: () => Promise<T>, index: string, refusal: () => AppError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (violates(error, index)) throw refusal();
    throw error;
  }
}

const nameTaken = (name: string, parentId: string | null) =>
  new AppError('already_exists', parentId ? `A property named "${name}" already exists under the same parent` : `A top-level property named "${name}" already exists`, {
    errors: [{ field: 'name', message: 'is already the name of a sibling property (names are compared ignoring case)' }],
  });

const labelTaken = (label: string) =>
  new AppError('already_exists', `The property already has a unit labelled "${label}"`, {
    errors: [{ field: 'label', message: 'is already the label of another unit of the property (labels are compared ignoring case)' }],
  });

const parentNotFound = () => new AppError('not_found', 'The parent property was not found', { errors: [{ field: 'parentId', message: 'is not a property' }] });

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------------
// Properties

export async function listProperties(ctx: TenantContext, query: ListPropertiesQuery & { limit: number }) {
  const after = decodeCursor(query.cursor, ['string', 'uuid']);
  const rows = await new PropertiesRepository(ctx.db).listProperties(query, after, scopeOf(ctx));
  return pageOf(rows, query.limit, (p) => [p.name, p.id]);
}

export async function getProperty(ctx: TenantContext, id: string): Promise<Property> {
  const property = await new PropertiesRepository(ctx.db).findProperty(id, scopeOf(ctx));
  if (!property) throw notFound('The property');
  return property;
}

/** The address fields given, as columns; empty strings and lines count as not there. */
function addressValues(address: AddressInput, errors: FieldError[]): PropertyValues {
  const values: PropertyValues = {};
  if (address.lines !== undefined) values.addressLines = address.lines.map((l) => l.trim()).filter(Boolean);
  if (address.city !== undefined) values.city = address.city?.trim() || null;
  if (address.region !== undefined) values.region = address.region?.trim() || null;
  if (address.postalCode !== undefined) values.postalCode = address.postalCode?.trim() || null;
  if (address.country !== undefined) {
    if (address.country !== null && !isCountry(address.country)) errors.push({ field: 'address.country', message: 'is not an ISO 3166-1 alpha-2 country code (such as GB, NL or US)' });
    values.country = address.country;
  }
  return values;
}

export async function createProperty(ctx: TenantContext, input: CreateProperty): Promise<Property> {
  const repo = new PropertiesRepository(ctx.db);
  const errors: FieldError[] = [];
  const name = nonBlank('name', input.name, errors);
  const address = addressValues(input.address ?? {}, errors);
  refuseInvalid(errors);
  const parentId = input.parentId ?? null;
  if (parentId) {
    const parent = await repo.lockProperty(parentId, 'share');
    if (!parent) throw parentNotFound();
    if (parent.archivedAt) throw new AppError(propertiesErrors.parent_archived, `The parent property "${parent.name}" is archived; restore it first`);
  }
  const id = await unique(
    () => repo.insertProperty(ctx.tenant.id, { name, kind: input.kind, parentId, notes: input.notes ?? '', ...address }),
    'properties_name_among_siblings',
    () => nameTaken(name, parentId),
  );
  const property = (await repo.findProperty(id, null))!;
  await emit(ctx, 'property.created', property);
  return property;
}

export async function updateProperty(ctx: TenantContext, id: string, patch: UpdateProperty): Promise<Property> {
  const repo = new PropertiesRepository(ctx.db);
  const { archived, address, parentId, ...rest } = patch;
  const moving = parentId !== undefined;
  if (moving || archived !== undefined) await repo.lockTree(ctx.tenant.id);
  const current = await repo.lockProperty(id, 'update');
  if (!current) throw notFound('The property');

  const errors: FieldError[] = [];
  const values: PropertyValues = address ? addressValues(address, errors) : {};
  if (rest.name !== undefined) values.name = nonBlank('name', rest.name, errors);
  if (rest.kind !== undefined) values.kind = rest.kind;
  if (rest.notes !== undefined) values.notes = rest.notes;
  refuseInvalid(errors);

  const newParentId = moving ? parentId : current.parentId;
  if (moving && parentId !== current.parentId) {
    if (parentId !== null) await checkNewParent(repo, current, parentId);
    values.parentId = parentId;
  }
  const archiving = archived === true && current.archivedAt === null;
  const restoring = archived === false && current.archivedAt !== null;
  if (restoring && newParentId) {
    const parent = await repo.lockProperty(newParentId, 'share');
    if (parent?.archivedAt) throw new AppError(propertiesErrors.parent_archived, `The parent property "${parent.name}" is archived; restore it first`);
  }

  if (Object.keys(values).length > 0) {
    await unique(() => repo.updateProperty(id, values), 'properties_name_among_siblings', () => nameTaken(values.name ?? current.name, newParentId));
  }
  const along = archiving ? await repo.archiveTree(id) : restoring ? await repo.restoreTree(id) : null;
  const property = (await repo.findProperty(id, null))!;

  const changed = [...Object.keys(rest), ...(address ? ['address'] : []), ...(moving ? ['parentId'] : []), ...(restoring ? ['archived'] : [])];
  if (changed.length > 0) await emit(ctx, 'property.updated', { ...property, changed, ...(restoring ? { restoredWithIt: along } : {}) });
  if (archiving) await emit(ctx, 'property.archived', { ...property, archivedWithIt: along });
  return property;
}

/** A property may move under another unless that makes it its own ancestor. */
async function checkNewParent(repo: PropertiesRepository, property: PropertyRow, parentId: string): Promise<void> {
  const parent = await repo.lockProperty(parentId, 'share');
  if (!parent) throw parentNotFound();
  if ((await repo.ancestry(parentId)).includes(property.id)) {
    const detail = parentId === property.id ? 'A property cannot be its own parent' : `"${parent.name}" is inside "${property.name}": a property cannot be its own ancestor`;
    throw new AppError('validation_failed', detail, { errors: [{ field: 'parentId', message: 'would make the property its own ancestor' }] });
  }
  if (parent.archivedAt && property.archivedAt === null) throw new AppError(propertiesErrors.parent_archived, `The parent property "${parent.name}" is archived; restore it first`);
}

export async function deleteProperty(ctx: TenantContext, id: string): Promise<void> {
  const repo = new PropertiesRepository(ctx.db);
  const current = await repo.lockProperty(id, 'update');
  if (!current) throw notFound('The property');
  const contents = await repo.contents(id, true);
  const refusal = (what: string) => new AppError(propertiesErrors.has_dependents, `The property has ${what}; delete those first, or ${ARCHIVE_INSTEAD}`);
  if (contents.units > 0 || contents.properties > 0) {
    const what = [contents.units > 0 ? plural(contents.units, 'unit', 'units') : null, contents.properties > 0 ? `${plural(contents.properties, 'property', 'properties')} under it` : null];
    throw refusal(what.filter(Boolean).join(' and '));
  }
  try {
    await repo.deleteProperty(id);
  } catch (error) {
    // Something else came to refer to it since (another module's record).
    if ((error as { code?: unknown }).code === '23503') throw refusal('records that refer to it');
    throw error;
  }
  await emit(ctx, 'property.deleted', { id });
}

// ---------------------------------------------------------------------------------------------
// Units

export async function listUnits(ctx: TenantContext, query: ListUnitsQuery & { limit: number }) {
  const after = decodeCursor(query.cursor, ['string', 'uuid']);
  const rows = await new UnitsRepository(ctx.db).listUnits(query, after, scopeOf(ctx));
  return pageOf(rows, query.limit, (u) => [u.label, u.id]);
}

export async function listPropertyUnits(ctx: TenantContext, propertyId: string, query: ListPropertyUnitsQuery & { limit: number }) {
  await getProperty(ctx, propertyId);
  return listUnits(ctx, { ...query, propertyId });
}

export async function getUnit(ctx: TenantContext, id: string): Promise<UnitDetail> {
  const unit = await new UnitsRepository(ctx.db).findUnit(id, scopeOf(ctx));
  if (!unit) throw notFound('The unit');
  return unit;
}

/** The unit fields given, as columns: decimals exact, the share from whichever form was given. */
function unitValues(input: Partial<CreateUnit>, errors: FieldError[]): UnitValues {
  const values: UnitValues = {};
  if (input.label !== undefined) values.label = nonBlank('label', input.label, errors);
  if (input.kind !== undefined) values.kind = input.kind;
  if (input.floor !== undefined) values.floor = input.floor;
  if (input.bedrooms !== undefined) values.bedrooms = input.bedrooms;
  if (input.unavailable !== undefined) values.unavailable = input.unavailable;
  if (input.notes !== undefined) values.notes = input.notes;
  if (input.amenities !== undefined) values.amenities = [...new Set(input.amenities.map((a) => a.trim()).filter(Boolean))];
  if (input.area !== undefined) {
    const area = input.area === null ? null : exactDecimal(input.area, 2);
    if (input.area !== null && area === null) errors.push({ field: 'area', message: 'must have at most 2 decimals' });
    values.area = area;
  }
  const { participationShare: share, participationPerMille: perMille } = input;
  if (share !== undefined && perMille !== undefined) {
    errors.push({ field: 'participationPerMille', message: 'cannot be given together with participationShare: give one of them' });
  } else if (share !== undefined) {
    const exact = share === null ? null : exactDecimal(share, 9);
    if (share !== null && (exact === null || !isShare(exact))) errors.push({ field: 'participationShare', message: 'must be a decimal from 0 to 1 with at most 9 decimals' });
    values.participationShare = exact;
  } else if (perMille !== undefined) {
    const exact = perMille === null ? null : exactDecimal(perMille, 6);
    if (perMille !== null && (exact === null || !isPerMille(exact))) errors.push({ field: 'participationPerMille', message: 'must be a number from 0 to 1000 with at most 6 decimals' });
    values.participationShare = exact === null ? null : perMilleToShare(exact);
  }
  return values;
}

/** The plan's unit limit, as a refusal. */
export const unitLimitReached = (ctx: TenantContext) =>
  new AppError('plan_limit_reached', `The ${ctx.licence.claims.plan} plan allows ${ctx.licence.claims.limits.units} units; upgrade the plan to add more`, { limit: ctx.licence.claims.limits.units, resource: 'units' });

const withoutShares = ({ propertyShares: _, ...unit }: UnitDetail): Unit => unit;

export async function createUnit(ctx: TenantContext, propertyId: string, input: CreateUnit): Promise<UnitDetail> {
  const repo = new UnitsRepository(ctx.db);
  const errors: FieldError[] = [];
  const values = unitValues(input, errors);
  refuseInvalid(errors);
  const property = await new PropertiesRepository(ctx.db).lockProperty(propertyId, 'share');
  if (!property) throw notFound('The property');
  if (property.archivedAt) throw new AppError(propertiesErrors.property_archived, `The property "${property.name}" is archived; restore it before adding units`);
  await refuseBeyondLimit(ctx, 'units', ctx.licence.claims.limits.units, 1, () => unitLimitReached(ctx));
  const label = values.label!;
  const id = await unique(() => repo.insertUnit(ctx.tenant.id, propertyId, { ...values, label, kind: input.kind }), 'units_label_in_property', () => labelTaken(label));
  const unit = (await repo.findUnit(id, null))!;
  await emit(ctx, 'unit.created', withoutShares(unit));
  return unit;
}

export async function updateUnit(ctx: TenantContext, id: string, patch: UpdateUnit): Promise<UnitDetail> {
  const repo = new UnitsRepository(ctx.db);
  const { archived, ...fields } = patch;
  const errors: FieldError[] = [];
  const values = unitValues(fields, errors);
  refuseInvalid(errors);
  // A restore locks the property before the unit, the order archiving a property takes (it
  // archives the units inside it): the other order could deadlock with it. Units never move
  // between properties, so the property read unlocked is still theirs.
  const propertyId = archived === false ? await repo.propertyOfUnit(id) : undefined;
  const property = propertyId ? await new PropertiesRepository(ctx.db).lockProperty(propertyId, 'share') : undefined;
  const current = await repo.lockUnit(id);
  if (!current) throw notFound('The unit');

  const archiving = archived === true && current.archivedAt === null;
  const restoring = archived === false && current.archivedAt !== null;
  if (archiving) values.archivedAt = new Date();
  if (restoring) {
    if (property?.archivedAt) throw new AppError(propertiesErrors.property_archived, `The unit's property "${property.name}" is archived; restore the property first`);
    values.archivedAt = null;
  }
  if (Object.keys(values).length > 0) await unique(() => repo.updateUnit(id, values), 'units_label_in_property', () => labelTaken(values.label ?? current.label));
  const unit = (await repo.findUnit(id, null))!;

  const changed = [...Object.keys(fields), ...(restoring ? ['archived'] : [])];
  if (changed.length > 0) await emit(ctx, 'unit.updated', { ...withoutShares(unit), changed });
  if (archiving) await emit(ctx, 'unit.archived', withoutShares(unit));
  if (unit.status !== current.status) await emit(ctx, 'unit.status_changed', { id, propertyId: unit.propertyId, status: unit.status, previousStatus: current.status });
  return unit;
}

export async function deleteUnit(ctx: TenantContext, id: string): Promise<void> {
  let propertyId: string | undefined;
  try {
    propertyId = await new UnitsRepository(ctx.db).deleteUnit(id);
  } catch (error) {
    // Occupancies and leases refer to their unit without cascading: history is kept.
    if ((error as { code?: unknown }).code === '23503') throw new AppError(propertiesErrors.unit_has_history, `The unit has occupancy or lease history; ${ARCHIVE_INSTEAD}`);
    throw error;
  }
  if (!propertyId) throw notFound('The unit');
  await emit(ctx, 'unit.deleted', { id, propertyId });
}

// ---------------------------------------------------------------------------------------------
// Reports

export function vacancyReport(ctx: TenantContext): Promise<VacancyReport> {
  return new UnitsRepository(ctx.db).vacancy();
}

/** The vacancy report as spreadsheet rows: one per property, then the totals. */
export function vacancyTable(report: VacancyReport): { header: string[]; rows: unknown[][] } {
  const counts = (c: VacancyReport['totals']) => [c.units, c.vacant, c.occupied, c.ownerOccupied, c.unavailable, c.vacancyRate];
  return {
    header: ['property_id', 'property', 'units', 'vacant', 'occupied', 'owner_occupied', 'unavailable', 'vacancy_rate'],
    rows: [...report.properties.map((p) => [p.propertyId, p.propertyName, ...counts(p)]), ['', 'Total', ...counts(report.totals)]],
  };
}
