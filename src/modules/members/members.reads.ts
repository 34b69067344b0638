import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import { MembersRepository } from './members.repository.js';
import type { MembersTables } from './members.tables.js';

/**
 * What other modules may read of the members, each in one query however many ids it is
 * given. They run in the caller's tenant transaction, so row-level security still applies.
 */

export interface MemberName {
  firstName: string;
  lastName: string;
}

export interface MemberContact extends MemberName {
  id: string;
  email: string | null;
}

/** The names of the members among `ids` that exist. */
export async function memberNames(db: Db, ids: readonly string[]): Promise<Map<string, MemberName>> {
  if (ids.length === 0) return new Map();
  const rows = await tablesOf<MembersTables>(db).selectFrom('members').select(['id', 'firstName', 'lastName']).where('id', '=', anyUuid(ids)).execute();
  return new Map(rows.map((r) => [r.id, { firstName: r.firstName, lastName: r.lastName }]));
}

/** The contact details of the members among `ids`, or of every member when `ids` is left out. */
export async function memberContacts(db: Db, ids?: readonly string[]): Promise<MemberContact[]> {
  if (ids?.length === 0) return [];
  let q = tablesOf<MembersTables>(db).selectFrom('members').select(['id', 'firstName', 'lastName', 'email']);
  if (ids) q = q.where('id', '=', anyUuid(ids));
  return q.execute();
}

/** The members among `ids` that exist. */
export async function existingMembers(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tablesOf<MembersTables>(db).selectFrom('members').select('id').where('id', '=', anyUuid(ids)).execute();
  return new Set(rows.map((r) => r.id));
}

/** The members whose first, last or full name contains `text` (case-insensitively): another list's search by name. */
export function membersNamed(db: Db, text: string): Promise<string[]> {
  return new MembersRepository(db).idsNamed(text);
}
