import type { Database } from './database.js';
import { APP_ROLE, RELAY_ROLE, TENANT_SETTING } from './roles.js';

/**
 * Checks the promises tenant isolation rests on, in one database. Returns what is wrong;
 * start-up refuses to serve while the list is not empty.
 *
 * - the application role exists, is no superuser, has no BYPASSRLS and owns no tables;
 * - every table of the tenant schema (`public`) has row-level security enabled and forced,
 *   at least one policy, and every permissive policy compares tenant_id with the setting;
 * - its primary key and every foreign key and unique key lead with `tenant_id`;
 * - the application role cannot use the control schema.
 */
export async function checkIsolation(database: Database): Promise<string[]> {
  return database.session(async (s) => {
    const problems: string[] = [];
    const [role] = await s.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = $1`,
      [APP_ROLE],
    );
    if (!role) return [`${database.name}: role ${APP_ROLE} does not exist`];
    if (role.rolsuper) problems.push(`${database.name}: role ${APP_ROLE} is a superuser`);
    if (role.rolbypassrls) problems.push(`${database.name}: role ${APP_ROLE} has BYPASSRLS`);
    if (role.owned > 0) problems.push(`${database.name}: role ${APP_ROLE} owns ${role.owned} relation(s)`);

    const tables = await s.query<{ table: string; rls: boolean; forced: boolean; policies: number; loose: string[] | null; keys: string[] | null }>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
              -- Permissive policies are OR-ed: each must itself confine rows to the tenant,
              -- but for one granted to the outbox relay's role alone.
              (SELECT array_agg(p.polname::text) FROM pg_policy p
                WHERE p.polrelid = c.oid AND p.polpermissive
                  AND NOT (c.relname = 'outbox' AND p.polroles = ARRAY[(SELECT oid FROM pg_roles WHERE rolname = '${RELAY_ROLE}')])
                  AND (coalesce(pg_get_expr(p.polqual, p.polrelid), '') NOT LIKE $1
                       OR (p.polwithcheck IS NOT NULL AND pg_get_expr(p.polwithcheck, p.polrelid) NOT LIKE $1))) AS loose,
              (SELECT array_agg(k.kind || ' ' || k.name || ' ' || coalesce(k.first, '(expression)'))
                 FROM (SELECT CASE con.contype WHEN 'p' THEN 'primary key' WHEN 'f' THEN 'foreign key' ELSE 'unique key' END AS kind,
                              con.conname AS name, a.attname::text AS first
                         FROM pg_constraint con
                         LEFT JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
                        WHERE con.conrelid = c.oid AND con.contype IN ('p', 'f', 'u')
                       UNION ALL
                       SELECT 'unique index', i.indexrelid::regclass::text, a.attname::text
                         FROM pg_index i
                         LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                        WHERE i.indrelid = c.oid AND i.indisunique
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)) k) AS keys
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY c.relname`,
      [`%tenant_id = %${TENANT_SETTING}%`],
    );
    for (const t of tables) {
      const where = `${database.name}: table ${t.table}`;
      if (!t.rls) problems.push(`${where} does not enable row-level security`);
      if (!t.forced) problems.push(`${where} does not force row-level security`);
      if (t.policies === 0) problems.push(`${where} has no row-level security policy`);
      for (const policy of t.loose ?? []) problems.push(`${where}: policy ${policy} does not confine rows to tenant_id = the current tenant`);
      const keys = t.keys ?? [];
      if (!keys.some((k) => k.startsWith('primary key'))) problems.push(`${where} has no primary key`);
      for (const key of keys) {
        if (!key.endsWith(' tenant_id')) problems.push(`${where}: ${key.replace(/ \S+$/, '')} does not lead with tenant_id`);
      }
    }

    const [control] = await s.query<{ usable: boolean | null }>(
      `SELECT CASE WHEN to_regnamespace('control') IS NULL THEN NULL ELSE has_schema_privilege($1, 'control', 'USAGE') END AS usable`,
      [APP_ROLE],
    );
    if (control?.usable) problems.push(`${database.name}: role ${APP_ROLE} may use the control schema`);
    return problems;
  });
}
