/** The role every tenant-bound transaction runs as: no superuser, no BYPASSRLS, owns nothing. */
export const APP_ROLE = 'courtyard_app';
/** The role the outbox relay reads every tenant's outbox as (a policy lets it; nothing else does). */
export const RELAY_ROLE = 'courtyard_relay';
/** The transaction-local setting row-level security policies read the tenant from. */
export const TENANT_SETTING = 'courtyard.tenant_id';

/** Creates the application role if missing (tolerating a concurrent creator) and grants it the tenant schema. */
export const ensureAppRoleSql = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    BEGIN
      CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
  END IF;
END $$;
`;

/** Grants the application role exactly what tenant transactions need, on tenant tables only. */
export const grantTenantSchemaSql = `
GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
`;

/** SQL expression policies use for the current tenant (NULL outside a tenant transaction, so no rows). */
export const currentTenantExpr = `nullif(current_setting('${TENANT_SETTING}', true), '')::uuid`;
