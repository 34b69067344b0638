-- What an operator changed on a tenant's licence relative to its plan (modules pinned, added or
-- removed, limits, grace), kept apart from the claims: a reissue after the plan changes applies
-- the same changes to the new plan, and a renewal keeps them.
ALTER TABLE control.licences ADD COLUMN overrides jsonb NOT NULL DEFAULT '{}';

-- Licences issued before this column: their overrides are how their claims differ from their
-- plan as it stands now (no plan had changed under a licence without it being reissued, since
-- nothing reissued them; the grace is kept as it was signed).
UPDATE control.licences target
   SET overrides = computed.overrides
  FROM (SELECT l.id,
               jsonb_build_object('graceDays', (l.claims ->> 'grace')::int / 86400)
                 || CASE WHEN d.added IS NULL THEN '{}' ELSE jsonb_build_object('addModules', d.added) END
                 || CASE WHEN d.removed IS NULL THEN '{}' ELSE jsonb_build_object('removeModules', d.removed) END
                 || CASE WHEN d.limits IS NULL THEN '{}' ELSE jsonb_build_object('limits', d.limits) END AS overrides
          FROM control.licences l
          JOIN control.plans p ON p.key = l.claims ->> 'plan',
               LATERAL (SELECT
                 (SELECT jsonb_agg(m ORDER BY m) FROM jsonb_array_elements_text(l.claims -> 'modules') AS m WHERE m <> ALL (p.modules)) AS added,
                 (SELECT jsonb_agg(m ORDER BY m) FROM unnest(p.modules) AS m WHERE NOT (l.claims -> 'modules') ? m) AS removed,
                 -- A limit of null (unlimited) is a value here, kept as such.
                 (SELECT jsonb_object_agg(k, v) FROM jsonb_each(l.claims -> 'limits') AS e (k, v) WHERE p.limits -> k IS DISTINCT FROM v) AS limits) AS d) AS computed
 WHERE computed.id = target.id;

-- When a plan's modules or limits last changed (not its name or price): the licences issued
-- before it are the ones a reissue must reach. Plans start from their creation, so nothing
-- issued today is reissued by this migration.
ALTER TABLE control.plans ADD COLUMN terms_changed_at timestamptz;
UPDATE control.plans SET terms_changed_at = created_at;
ALTER TABLE control.plans ALTER COLUMN terms_changed_at SET NOT NULL, ALTER COLUMN terms_changed_at SET DEFAULT clock_timestamp();
