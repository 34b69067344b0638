-- Which plans a module joins is data: each module's manifest names the plans it is offered to
-- (`includedIn`), and the platform makes each offer once, at the first start that has the
-- module installed. This table remembers the offers made, so that a module an operator took
-- out of a plan through the plans API stays out after the next start.
CREATE TABLE control.module_offers (
  plan_key   text        NOT NULL REFERENCES control.plans (key),
  module     text        NOT NULL,
  offered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_key, module)
);

-- The built-in modules were offered by migrations 0001, 0002, 0004 and 0005: to every plan that
-- existed then, the plans created through the API since were the operator's own choice. All of
-- it is decided, whatever each plan holds today.
INSERT INTO control.module_offers (plan_key, module)
SELECT p.key, m.module
  FROM control.plans p
 CROSS JOIN unnest(ARRAY['members', 'webhooks', 'properties', 'occupancy', 'leases', 'finance']) AS m (module)
ON CONFLICT DO NOTHING;
