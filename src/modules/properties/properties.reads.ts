import { tablesOf, type Db } from '../../kernel/db/tables.js';
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

/** The label and property of each unit among `ids` that exists (archived ones included). */
export async function unitLabels(db: Db, ids: readonly string[]): Promise<Map<string, UnitLabel>> {
  if (ids.length === 0) return new Map();
  const rows = await tablesOf<PropertiesTables>(db)
    .selectFrom('units as u')
    .innerJoin('properties as p', 'p.id', 'u.propertyId')
    .select(['u.id', 'u.label', 'u.propertyId', 'p.name as propertyName'])
    .where('u.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map(({ id, ...label }) => [id, label]));
}

/** The units among `ids` that exist. */
export async function existingUnits(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tablesOf<PropertiesTables>(db).selectFrom('units').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}
