-- The estate's structure joins the plans: properties and occupancy everywhere, leases where
-- there are renters to manage. Licences issued from now on carry them; a tenant's existing
-- licence gains them when it is next reissued (`courtyard licence issue <tenant>`).
UPDATE control.plans
   SET modules = modules || ARRAY['properties', 'occupancy']
 WHERE key IN ('starter', 'standard', 'enterprise')
   AND NOT ('properties' = ANY (modules));
UPDATE control.plans
   SET modules = modules || ARRAY['leases']
 WHERE key IN ('standard', 'enterprise')
   AND NOT ('leases' = ANY (modules));
