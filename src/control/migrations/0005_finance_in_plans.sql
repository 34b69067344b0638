-- Finance joins every plan: collecting levies is why most communities use Courtyard. It needs
-- leases (rent), so the starter plan gains leases too. Existing licences gain both when next
-- issued (`courtyard licence issue <tenant>`).
UPDATE control.plans
   SET modules = modules || ARRAY['leases']
 WHERE key = 'starter'
   AND NOT ('leases' = ANY (modules));
UPDATE control.plans
   SET modules = modules || ARRAY['finance']
 WHERE key IN ('starter', 'standard', 'enterprise')
   AND NOT ('finance' = ANY (modules));
