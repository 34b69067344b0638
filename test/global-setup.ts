import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { isolatedDatabase, startPlatform, type TestDatabase } from './helpers.js';

/**
 * With DATABASE_URL the suite runs on that PostgreSQL server: each test file gets a database
 * of its own (see helpers.ts). Here we check the server answers, and clear databases an
 * interrupted earlier run left behind.
 *
 * Migrating and bootstrapping a platform takes 15–20 s on a busy two-core machine (PGlite) or
 * 5–12 s (PostgreSQL), and almost every test file starts one: the platform is started once
 * here, and every platform of the run starts from its database: PGlite loads a dump of it,
 * PostgreSQL copies it (CREATE DATABASE ... TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('Running the suite on embedded PGlite (set DATABASE_URL for PostgreSQL).');
    const dir = await mkdtemp(join(tmpdir(), 'courtyard-pglite-start-'));
    const first = await startPlatform({ platform: { inMemory: true } });
    try {
      await writeFile(join(dir, 'main.tar'), Buffer.from(await (await first.platform.main.dump!()).arrayBuffer()));
    } finally {
      await first.close();
    }
    project.provide('pgliteStart', join(dir, 'main.tar'));
    return () => rm(dir, { recursive: true, force: true });
  }
  project.provide('pgliteStart', null);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let template: TestDatabase;
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
    template = await isolatedDatabase();
    const first = await startPlatform({ database: template });
    // A template must have no connection open while it is copied: the platform closes its pools.
    await first.platform.close();
  } finally {
    await client.end();
  }
  project.provide('pgTemplate', new URL(template.overrides.databaseUrl!).pathname.slice(1));
  return () => template.dispose();
}
