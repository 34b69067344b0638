-- The webhooks module joins the standard and enterprise plans. Licences issued from now on
-- carry it; a tenant's existing licence gains it when it is next reissued.
UPDATE control.plans
   SET modules = array_append(modules, 'webhooks')
 WHERE key IN ('standard', 'enterprise')
   AND NOT ('webhooks' = ANY (modules));
