import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startPlatform, type TestPlatform, type TestTenant } from '../../../test/helpers.js';
import { refreshUnits } from './occupancy.status.js';
import { newId } from '../../kernel/ids.js';
import type { TenantInfo } from '../../kernel/context.js';

let t: TestPlatform; let oak: TestTenant;
beforeAll(async () => { t = await startPlatform(); oak = await t.createTenant('oak'); });
afterAll(() => t?.close());

it('probe', async () => {
  const m = (await t.call('POST', '/api/v1/members', { token: oak.token, tenant: 'oak', body: { firstName: 'A', lastName: 'B', type: 'owner' } })).json();
  const out = await t.platform.jobs.context().tenantTransaction(oak.id, async (db) => {
    const p = newId(); const u = newId(); const u2 = newId();
    await db.insertInto('properties').values({ tenant_id: oak.id, id: p, name: 'P', kind: 'residential' }).execute();
    await db.insertInto('units').values({ tenant_id: oak.id, id: u, property_id: p, label: 'U1', kind: 'apartment' }).execute();
    await db.insertInto('units').values({ tenant_id: oak.id, id: u2, property_id: p, label: 'U2', kind: 'apartment' }).execute();
    await db.insertInto('occupancies').values({ tenant_id: oak.id, id: newId(), unit_id: u, member_id: m.id, role: 'owner', start_date: '2020-01-01', ownership_share: '0.5' }).execute();
    await db.insertInto('occupancies').values({ tenant_id: oak.id, id: newId(), unit_id: u, member_id: m.id, role: 'resident', start_date: '2020-01-01' }).execute();
    const scope = { db, tenant: { id: oak.id } as TenantInfo };
    const raw = await sql`SELECT array_agg(id) AS ids, (SELECT ownership_share FROM occupancies LIMIT 1) AS share, (SELECT start_date FROM occupancies LIMIT 1) AS sd FROM units`.execute(db);
    await refreshUnits(scope, [u, u2], '2024-01-01');
    const a = await db.selectFrom('units').select(['id', 'status', 'occupancy_status']).execute();
    const att = await db.selectFrom('unit_attachments').selectAll().execute();
    const ob = await db.selectFrom('outbox').select(['type', 'data']).execute();
    await refreshUnits(scope, null, '2024-01-01');
    await refreshUnits(scope, [u], '2019-01-01');
    const b = await db.selectFrom('units').select(['id', 'status']).execute();
    const att2 = await db.selectFrom('unit_attachments').selectAll().execute();
    await db.updateTable('units').set({ unavailable: true }).where('id', '=', u).execute();
    await refreshUnits(scope, [u], '2024-01-01');
    const ob2 = await db.selectFrom('outbox').select(['type', 'data']).execute();
    return { raw: raw.rows, a, att, ob, b, att2, ob2 };
  });
  console.log(JSON.stringify(out, null, 1));
  expect(1).toBe(1);
});
