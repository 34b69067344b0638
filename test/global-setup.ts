import pg from 'pg';

/**
 * With DATABASE_URL the suite runs on that PostgreSQL server: each test file gets a database
 * of its own (see helpers.ts). Here we only check the server answers, and clear databases
 * an interrupted earlier run left behind.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('Running the suite on embedded PGlite (set DATABASE_URL for PostgreSQL).');
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'cytest\\_%' AND (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = pg_database.datname) = 0`,
    );
    // Only what an interrupted run left an hour ago or more: a run in parallel keeps its own.
    const hourAgo = Date.now() / 1000 - 3600;
    for (const r of rows) {
      const created = Number(/^cytest_(\d+)_/.exec(r.datname)?.[1] ?? 0);
      if (created < hourAgo) await client.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    }
    const { rows: v } = await client.query<{ server_version: string }>('SHOW server_version');
    console.log(`Running the suite on PostgreSQL ${v[0]!.server_version}.`);
  } finally {
    await client.end();
  }
}
