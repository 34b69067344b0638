import { sql } from 'kysely';
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

/** A member as a message reaches them. */
export interface MemberAddressee extends MemberContact {
  phone: string | null;
}

/**
 * The active members among `ids` (every active member when null) of one of `types` (any type
 * when null), in name order: the recipients of a communications segment.
 */
export async function activeAddressees(db: Db, where: { ids: readonly string[] | null; types: readonly string[] | null }): Promise<MemberAddressee[]> {
  if (where.ids?.length === 0 || where.types?.length === 0) return [];
  let q = tablesOf<MembersTables>(db).selectFrom('members').select(['id', 'firstName', 'lastName', 'email', 'phone']).where('status', '=', 'active');
  if (where.ids) q = q.where('id', '=', anyUuid(where.ids));
  if (where.types) q = q.where('type', 'in', where.types as MembersTables['members']['type'][]);
  return q.orderBy('lastName').orderBy('firstName').orderBy('id').execute();
}

/** The members whose phone, stripped of spaces and punctuation, is `e164` (an incoming SMS names a number, not a member). */
export async function membersWithPhone(db: Db, e164: string): Promise<string[]> {
  const rows = await tablesOf<MembersTables>(db).selectFrom('members').select('id')
    .where(sql<string>`regexp_replace(phone, '[^0-9+]', '', 'g')`, '=', e164).execute();
  return rows.map((r) => r.id);
}
