import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, type Estate } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';

let t: TestPlatform;
let oak: Estate;
let elm: Estate;
beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
  elm = await estate(t, { slug: 'elm' });
});
afterAll(() => t?.close());

const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();

/** `count` deliveries of one status and age on an endpoint of the tenant, each with one attempt. */
async function deliveries(e: Estate, endpointId: string, status: string, age: number, count: number) {
  await e.tx((_db, trx) =>
    sql`WITH d AS (
          INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, event_type, payload, status, attempt_count, created_at)
          SELECT ${e.id}::uuid, gen_random_uuid(), ${endpointId}::uuid, gen_random_uuid(), 'member.created', '{}', ${status}, 1, ${daysAgo(age)}::timestamptz FROM generate_series(1, ${count})
          RETURNING tenant_id, id)
        INSERT INTO webhook_attempts (tenant_id, delivery_id, number, attempted_at, duration_ms) SELECT tenant_id, id, 1, now(), 5 FROM d`.execute(trx),
  );
}

async function endpoint(e: Estate): Promise<string> {
  const id = crypto.randomUUID();
  await e.tx((db) => db.insertInto('webhookEndpoints').values({ tenantId: e.id, id, url: 'https://hooks.example.com/x', events: ['*'], description: '', enabled: true, secret: 'whsec_AAAA' }).execute());
  return id;
}

async function messages(e: Estate, status: string, age: number, count: number) {
  await e.tx((_db, trx) =>
    sql`WITH m AS (
          INSERT INTO mail_messages (tenant_id, id, kind, to_email, status, message_id, created_at)
          SELECT ${e.id}::uuid, gen_random_uuid(), 'invitation', 'a@b.test', ${status}, gen_random_uuid()::text, ${daysAgo(age)}::timestamptz FROM generate_series(1, ${count})
          RETURNING tenant_id, id)
        INSERT INTO mail_message_log (tenant_id, message_id, seq, status) SELECT tenant_id, id, 1, 'queued' FROM m`.execute(trx),
  );
}

const count = (e: Estate, table: string, where = sql`true`) =>
  e.tx(async (_db, trx) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${where}`.execute(trx)).rows[0]!.n));

describe('retention', () => {
  it('deletes finished webhook deliveries (and their attempts) older than 30 days, in batches, for the tenant it runs for; never a pending one', async () => {
    const oakEndpoint = await endpoint(oak);
    await deliveries(oak, oakEndpoint, 'succeeded', 40, 1_200); // more than one batch
    await deliveries(oak, oakEndpoint, 'failed', 31, 3);
    await deliveries(oak, oakEndpoint, 'pending', 40, 2);
    await deliveries(oak, oakEndpoint, 'succeeded', 29, 4);
    await deliveries(elm, await endpoint(elm), 'succeeded', 40, 5);

    await oak.runJob('webhooks', 'webhooks.prune', now);

    expect(await count(oak, 'webhook_deliveries', sql`status = 'pending'`)).toBe(2);
    expect(await count(oak, 'webhook_deliveries', sql`status <> 'pending'`)).toBe(4);
    expect(await count(oak, 'webhook_attempts')).toBe(6);
    expect(await count(elm, 'webhook_deliveries')).toBe(5);
  });

  it('deletes sent and failed e-mail older than 90 days from the mail log; never a queued one', async () => {
    await messages(oak, 'sent', 100, 7);
    await messages(oak, 'failed', 91, 2);
    await messages(oak, 'queued', 100, 1);
    await messages(oak, 'sent', 80, 3);
    await messages(elm, 'sent', 100, 4);

    await oak.runJob('mail', 'mail.prune', now);

    expect(await count(oak, 'mail_messages')).toBe(4);
    expect(await count(oak, 'mail_message_log')).toBe(4);
    expect(await count(elm, 'mail_messages')).toBe(4);
  });
});
