import { sql } from 'kysely';
import { estate, ok, type Estate } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';

/**
 * What the occupancy tests (src/modules/occupancy/occupancy*.test.ts) share. The calls below act
 * on the tenant the file's `startOccupancy` made (each test file runs in a process of its own).
 */

let oak: Estate;

/** A platform with one tenant, oak, with a property (Acorn House). */
export async function startOccupancy(): Promise<{ t: TestPlatform; oak: Estate }> {
  const t = await startPlatform();
  oak = await estate(t, { slug: 'oak', property: 'Acorn House' });
  return { t, oak };
}

export const newUnit = async (label: string): Promise<string> => (await oak.newUnit(oak.propertyId, { label })).id;
export const statusOf = async (unitId: string): Promise<string> => (await ok(oak.api('GET', `/units/${unitId}`), 200)).status;
// What the properties module was told of who is attached: no route shows it to staff, so read it.
export const attachedTo = (unitId: string) =>
  oak.tx(async (db) => (await db.selectFrom('unitAttachments').select('memberId').where('unitId', '=', unitId).execute()).map((r) => r.memberId).sort());

export const newMember = (firstName: string, type = 'resident'): Promise<string> => oak.newMember({ firstName, lastName: 'Tester', type });

export const attach = (unitId: string, body: Record<string, unknown>) => oak.api('POST', `/units/${unitId}/occupants`, body);
export const occupants = (unitId: string, query = '') => ok(oak.api('GET', `/units/${unitId}/occupants${query}`), 200);
export const patch = (id: string, body: Record<string, unknown>) => oak.api('PATCH', `/occupancies/${id}`, body);

/** The occupancy events of one occupancy in the outbox, oldest first (no workers run here: nothing takes them). */
export const eventsOf = (occupancyId: string) =>
  oak.tx((db) => db.selectFrom('outbox').select(['type', 'data']).where('type', 'like', 'occupancy.%').where(sql`data->>'id'`, '=', occupancyId).orderBy('id').execute());
