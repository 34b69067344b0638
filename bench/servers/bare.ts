/**
 * Server under test: a bare Fastify + pg app answering GET /api/v1/members/:id with the same
 * query the members repository sends, and nothing else (no pipeline, no validation, no
 * logging). BENCH_MODE chooses how the query runs:
 *
 *   floor  the query alone, on a pooled connection of the table owner (a superuser: row-level
 *          security has no effect) — one round trip. The floor of what any route can do.
 *   tx     the minimal correct tenant-bound transaction — four round trips:
 *            BEGIN
 *            SELECT set_config('role','courtyard_app',true), set_config('courtyard.tenant_id',$1,true)
 *            the query (now confined by row-level security)
 *            COMMIT
 *
 * The tenant comes from x-tenant-id (a UUID); the pool has COURTYARD_DB_POOL_MAX connections,
 * like the platform's main pool.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { failed, ready, serveIpc } from './ipc.js';

const mode = process.env.BENCH_MODE;
if (mode !== 'floor' && mode !== 'tx') failed(new Error(`BENCH_MODE must be floor or tx, got ${mode}`));
const poolMax = Number(process.env.COURTYARD_DB_POOL_MAX ?? 10);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: poolMax, idleTimeoutMillis: 30_000 });
pool.on('error', () => undefined);

const QUERY = 'SELECT id, first_name, last_name, email, phone, type, status, notes, created_at, updated_at FROM members WHERE tenant_id = $1 AND id = $2';
const SET_TENANT = "SELECT set_config('role', 'courtyard_app', true), set_config('courtyard.tenant_id', $1, true)";

interface Row {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  type: string;
  status: string;
  notes: string;
  created_at: Date;
  updated_at: Date;
}

// The same JSON the members API answers with.
const toMember = (r: Row) => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  phone: r.phone,
  type: r.type,
  status: r.status,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

async function floor(tenantId: string, id: string): Promise<Row | undefined> {
  return (await pool.query<Row>(QUERY, [tenantId, id])).rows[0];
}

async function tenantBound(tenantId: string, id: string): Promise<Row | undefined> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(SET_TENANT, [tenantId]);
    const { rows } = await client.query<Row>(QUERY, [tenantId, id]);
    await client.query('COMMIT');
    client.release();
    return rows[0];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error as Error);
    throw error;
  }
}

const find = mode === 'tx' ? tenantBound : floor;
const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/api/v1/members/:id', async (request, reply) => {
  const tenantId = request.headers['x-tenant-id'];
  if (typeof tenantId !== 'string') return reply.code(400).send({ error: 'x-tenant-id' });
  const row = await find(tenantId, request.params.id);
  if (!row) return reply.code(404).send({ error: 'not found' });
  return toMember(row);
});

try {
  await app.listen({ host: '127.0.0.1', port: 0 });
  serveIpc(async () => {
    await app.close();
    await pool.end();
  });
  const address = app.server.address();
  ready(typeof address === 'object' && address ? address.port : 0);
} catch (error) {
  failed(error);
}
