-- Outbound webhooks (Standard Webhooks). An endpoint receives the tenant's events whose type
-- matches one of its patterns; each (endpoint, event) is one delivery, tried by the schedule
-- and recorded attempt by attempt.
CREATE TABLE webhook_endpoints (
  tenant_id                  uuid        NOT NULL,
  id                         uuid        NOT NULL,
  url                        text        NOT NULL CHECK (length(url) <= 2048),
  description                text        NOT NULL DEFAULT '',
  events                     text[]      NOT NULL CHECK (cardinality(events) > 0),
  enabled                    boolean     NOT NULL DEFAULT true,
  disabled_reason            text        CHECK (disabled_reason IN ('manual', 'gone', 'failing')),
  -- The signing secret must be readable to sign with (HMAC is symmetric).
  secret                     text        NOT NULL,
  previous_secret            text,
  previous_secret_expires_at timestamptz,
  -- The first failed attempt since the last success; 5 days of failure disable the endpoint.
  failing_since              timestamptz,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (enabled = (disabled_reason IS NULL))
);

CREATE TABLE webhook_deliveries (
  tenant_id          uuid        NOT NULL,
  id                 uuid        NOT NULL,
  endpoint_id        uuid        NOT NULL,
  -- Sent as webhook-id, the same on every attempt, so receivers can deduplicate.
  event_id           uuid        NOT NULL,
  event_type         text        NOT NULL,
  -- The exact body signed and sent, the same on every attempt.
  payload            text        NOT NULL,
  status             text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempt_count      integer     NOT NULL DEFAULT 0,
  next_attempt_at    timestamptz,
  -- A worker making an attempt holds the delivery until then (a crashed worker's claim lapses).
  claimed_until      timestamptz,
  last_attempt_at    timestamptz,
  last_status_code   integer,
  last_response_body text,
  last_error         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  -- One delivery per endpoint and event, however often the event is handed over.
  UNIQUE (tenant_id, endpoint_id, event_id),
  FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (tenant_id, endpoint_id, id);
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (tenant_id, event_id);

CREATE TABLE webhook_attempts (
  tenant_id     uuid        NOT NULL,
  delivery_id   uuid        NOT NULL,
  number        integer     NOT NULL CHECK (number > 0),
  attempted_at  timestamptz NOT NULL,
  status_code   integer,
  response_body text,
  duration_ms   integer     NOT NULL,
  error         text,
  PRIMARY KEY (tenant_id, delivery_id, number),
  FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_endpoints USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_deliveries USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE webhook_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_attempts USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
