import { sql } from 'kysely';
import { containsPattern } from '../../kernel/db/like.js';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import { PropertiesRepository } from './properties.repository.js';
import type { PropertiesTables } from './properties.tables.js';

/**
 * What other modules may read of the properties and units, each in one query however many
 * ids it is given. They run in the caller's tenant transaction, under row-level security.
 */

export interface UnitLabel {
  label: string;
  propertyId: string;
  propertyName: string;
}

/**
 * The label and property of each unit among `ids` that exists (archived ones included), in
 * label order, or with `byProperty` by property name, property, then label (a report's order).
 */
export async function unitLabels(db: Db, ids: readonly string[], { byProperty = false } = {}): Promise<Map<string, UnitLabel>> {
  if (ids.length === 0) return new Map();
  let q = tablesOf<PropertiesTables>(db)
    .selectFrom('units as u')
    .innerJoin('properties as p', 'p.id', 'u.propertyId')
    .select(['u.id', 'u.label', 'u.propertyId', 'p.name as propertyName'])
    .where('u.id', '=', anyUuid(ids));
  if (byProperty) q = q.orderBy('p.name').orderBy('u.propertyId');
  const rows = await q.orderBy('u.label').orderBy('u.id').execute();
  return new Map(rows.map(({ id, ...label }) => [id, label]));
}

/** The units whose label contains `text` (case-insensitively; archived ones included): another list's search by unit. */
export async function unitsLabelled(db: Db, text: string): Promise<string[]> {
  const rows = await tablesOf<PropertiesTables>(db).selectFrom('units').select('id').where('label', 'ilike', containsPattern(text)).execute();
  return rows.map((r) => r.id);
}

/** The units among `ids` that exist. */
export async function existingUnits(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tablesOf<PropertiesTables>(db).selectFrom('units').select('id').where('id', '=', anyUuid(ids)).execute();
  return new Set(rows.map((r) => r.id));
}

/** The properties among `ids` that exist (archived ones included). */
export async function existingProperties(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tablesOf<PropertiesTables>(db).selectFrom('properties').select('id').where('id', '=', anyUuid(ids)).execute();
  return new Set(rows.map((r) => r.id));
}

/** The units of the property and of every property under it, at any depth (archived ones included). */
export async function unitsUnder(db: Db, propertyId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE tree AS (
      SELECT p.id FROM properties p WHERE p.id = ${propertyId}::uuid
      UNION
      SELECT c.id FROM properties c JOIN tree t ON c.parent_id = t.id
    )
    SELECT u.id FROM units u WHERE u.property_id IN (SELECT id FROM tree)`.execute(tablesOf<PropertiesTables>(db));
  return rows.map((r) => r.id);
}

/** A unit that shares a levy. */
export interface LevyUnit {
  id: string;
  label: string;
  propertyName: string;
  /** numeric(12, 9) as an exact decimal string; null: no share recorded. */
  participationShare: string | null;
}

// The property's id set: itself, and with `deep` every property inside it at any depth.
const propertyIds = (propertyId: string, deep: boolean) =>
  deep
    ? sql`WITH RECURSIVE tree AS (
            SELECT p.id FROM properties p WHERE p.id = ${propertyId}::uuid
            UNION
            SELECT c.id FROM properties c JOIN tree t ON c.parent_id = t.id
          )
          SELECT id FROM tree`
    : sql`SELECT ${propertyId}::uuid AS id`;

/**
 * The property's units that are not archived (and, with `deep`, those of the properties inside
 * it), with their participation shares, in label order (then id): the order a levy is split in.
 */
export async function levyUnits(db: Db, propertyId: string, deep: boolean): Promise<LevyUnit[]> {
  const result = await sql<LevyUnit>`
    SELECT u.id, u.label, p.name AS property_name, u.participation_share
      FROM units u
      JOIN properties p ON p.tenant_id = u.tenant_id AND p.id = u.property_id
     WHERE u.property_id IN (${propertyIds(propertyId, deep)})
       AND u.archived_at IS NULL
     ORDER BY u.label, u.id`.execute(tablesOf<PropertiesTables>(db));
  return result.rows;
}

/**
 * The property's units (with `deep`, those of the properties inside it too; with no property,
 * every unit), archived ones included, in label order (then id), keyed by id.
 */
export async function unitsIn(db: Db, propertyId: string | null, deep: boolean): Promise<Map<string, UnitLabel>> {
  const result = await sql<UnitLabel & { id: string }>`
    SELECT u.id, u.label, u.property_id, p.name AS property_name
      FROM units u
      JOIN properties p ON p.tenant_id = u.tenant_id AND p.id = u.property_id
     ${propertyId === null ? sql`` : sql`WHERE u.property_id IN (${propertyIds(propertyId, deep)})`}
     ORDER BY u.label, u.id`.execute(tablesOf<PropertiesTables>(db));
  return new Map(result.rows.map(({ id, ...unit }) => [id, unit]));
}

/** The property and every property above it, nearest first. */
export async function propertyAncestry(db: Db, propertyId: string): Promise<string[]> {
  return new PropertiesRepository(db).ancestry(propertyId);
}

/** The name of each property among `ids` that exists (archived ones included). */
export async function propertyNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tablesOf<PropertiesTables>(db).selectFrom('properties').select(['id', 'name']).where('id', '=', anyUuid(ids)).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
