-- The operator's own webhook endpoints: the control plane's events (invoice.*, subscription.*,
-- tenant.*, ...) delivered to the operator's systems, signed per Standard Webhooks. The shapes
-- follow the tenants' webhooks (the webhooks module), without a tenant.
CREATE TABLE control.webhook_endpoints (
  id                         uuid        PRIMARY KEY,
  url                        text        NOT NULL CHECK (length(url) <= 2048),
  description                text        NOT NULL DEFAULT '',
  -- Event type patterns: `invoice.issued`, `invoice.*` or `*`.
  events                     text[]      NOT NULL CHECK (cardinality(events) > 0),
  enabled                    boolean     NOT NULL DEFAULT true,
  disabled_reason            text        CHECK (disabled_reason IN ('manual', 'gone', 'failing')),
  -- Sealed (AES-256-GCM, a key derived from the platform's token secret, bound to the endpoint):
  -- the secret must be readable to sign with, and a copy of the database must not sign.
  secret                     text        NOT NULL,
  previous_secret            text,
  previous_secret_expires_at timestamptz,
  -- The first failed attempt since the last success; 5 days of failure disable the endpoint.
  failing_since              timestamptz,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  CHECK (enabled = (disabled_reason IS NULL))
);

CREATE TABLE control.webhook_deliveries (
  -- Sent as webhook-id, the same on every attempt, so the receiver can deduplicate.
  id                 uuid        PRIMARY KEY,
  endpoint_id        uuid        NOT NULL REFERENCES control.webhook_endpoints (id) ON DELETE CASCADE,
  -- The event's id (in the body); a test message's own.
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
  -- One delivery per endpoint and event, however often the event is handed over.
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX operator_webhook_deliveries_by_endpoint ON control.webhook_deliveries (endpoint_id, id);
CREATE INDEX operator_webhook_deliveries_finished ON control.webhook_deliveries (updated_at) WHERE status <> 'pending';

CREATE TABLE control.webhook_attempts (
  delivery_id   uuid        NOT NULL REFERENCES control.webhook_deliveries (id) ON DELETE CASCADE,
  number        integer     NOT NULL CHECK (number > 0),
  attempted_at  timestamptz NOT NULL,
  status_code   integer,
  response_body text,
  duration_ms   integer     NOT NULL,
  error         text,
  PRIMARY KEY (delivery_id, number)
);
