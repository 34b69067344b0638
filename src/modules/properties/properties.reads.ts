import { sql } from 'kysely';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
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

/** The units among `ids` that exist. */
export async function existingUnits(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tablesOf<PropertiesTables>(db).selectFrom('units').select('id').where('id', '=', anyUuid(ids)).execute();
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
