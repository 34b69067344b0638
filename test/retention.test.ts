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

const hoursAgo = (n: number) => new Date(now.getTime() - n * 3_600_000).toISOString();

/** A sign-in challenge of the user that expires (and was spent, when `consumed`) `age` hours ago. */
async function challenge(e: Estate, userId: string, age: number, consumed = false) {
  await e.tx((_db, trx) =>
    sql`INSERT INTO mfa_challenges (tenant_id, id, user_id, purpose, token_hash, expires_at, consumed_at)
        VALUES (${e.id}::uuid, gen_random_uuid(), ${userId}::uuid, 'sign_in', gen_random_uuid()::text, ${hoursAgo(age)}::timestamptz, ${consumed ? hoursAgo(age + 0.1) : null}::timestamptz)`.execute(trx),
  );
}

/** A session of the user (one refresh token) with its factors; answers its family id. */
async function session(e: Estate, userId: string, token: { revoked?: boolean; expiresIn: number; sessionEndsIn: number }): Promise<string> {
  const familyId = crypto.randomUUID();
  await e.tx(async (_db, trx) => {
    await sql`INSERT INTO refresh_tokens (tenant_id, id, family_id, user_id, token_hash, expires_at, session_expires_at, revoked_at)
              VALUES (${e.id}::uuid, gen_random_uuid(), ${familyId}::uuid, ${userId}::uuid, gen_random_uuid()::text, ${hoursAgo(-token.expiresIn)}::timestamptz,
                      ${hoursAgo(-token.sessionEndsIn)}::timestamptz, ${token.revoked ? hoursAgo(1) : null}::timestamptz)`.execute(trx);
    await sql`INSERT INTO session_factors (tenant_id, family_id, user_id, amr, auth_time) VALUES (${e.id}::uuid, ${familyId}::uuid, ${userId}::uuid, '{pwd}', ${hoursAgo(2)}::timestamptz)`.execute(trx);
  });
  return familyId;
}

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
  it('deletes two-step sign-in challenges a day after they expired or were spent; never a newer one', async () => {
    const { id } = await oak.newUser('two-step-challenges@oak.test', ['staff']);
    const elmUser = await elm.newUser('two-step-challenges@elm.test', ['staff']);
    await challenge(oak, id, 25);
    await challenge(oak, id, 30, true);
    await challenge(oak, id, 23);
    await challenge(oak, id, 23, true);
    await challenge(oak, id, -1);
    await challenge(elm, elmUser.id, 30);

    await oak.runJob('core', 'core.mfa_challenges.prune', now);

    expect(await count(oak, 'mfa_challenges', sql`user_id = ${id}`)).toBe(3);
    expect(await count(oak, 'mfa_challenges', sql`user_id = ${id} AND expires_at < ${daysAgo(1)}::timestamptz`)).toBe(0);
    expect(await count(elm, 'mfa_challenges', sql`user_id = ${elmUser.id}`)).toBe(1);
  });

  it("deletes a session's factors once the session was revoked or ended; never a live session's", async () => {
    const { id } = await oak.newUser('session-factors@oak.test', ['staff']);
    const elmUser = await elm.newUser('session-factors@elm.test', ['staff']);
    const live = await session(oak, id, { expiresIn: 5, sessionEndsIn: 100 });
    await session(oak, id, { revoked: true, expiresIn: 5, sessionEndsIn: 100 });
    await session(oak, id, { expiresIn: -1, sessionEndsIn: 100 });
    await session(oak, id, { expiresIn: 5, sessionEndsIn: -1 });
    await session(elm, elmUser.id, { revoked: true, expiresIn: 5, sessionEndsIn: 100 });

    await oak.runJob('core', 'core.session_factors.prune', now);

    // The user's own sign-in session lives on beside the one made here.
    expect(await count(oak, 'session_factors', sql`user_id = ${id}`)).toBe(2);
    expect(await count(oak, 'session_factors', sql`family_id = ${live}`)).toBe(1);
    expect(await count(elm, 'session_factors', sql`user_id = ${elmUser.id}`)).toBe(2);
  });
});
