-- Idempotency keys: an unsafe data-plane request may carry `Idempotency-Key`; the first
-- completed response to it is kept per tenant and principal, so that a retry gets the same
-- answer instead of doing the work twice (docs/idempotency.md).
--
-- A row is claimed (`in_progress`, with a lease) in its own short transaction before the
-- handler runs, and completed in the handler's own transaction, so the response is recorded
-- if and only if the handler's writes commit. `claim` names the request that holds the row:
-- a request whose lease ran out and was taken over cannot complete it any more.
CREATE TABLE idempotency_keys (
  tenant_id       uuid        NOT NULL,
  principal       text        NOT NULL,
  key             text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  -- sha256 of method, route pattern, path parameters, query and canonical JSON body.
  fingerprint     text        NOT NULL,
  status          text        NOT NULL CHECK (status IN ('in_progress', 'completed')),
  claim           uuid        NOT NULL,
  -- While in progress: after this moment the request is presumed dead and the key free.
  locked_until    timestamptz,
  response_status integer,
  response_type   text,
  response_body   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, principal, key),
  CHECK (status = 'in_progress' OR response_status IS NOT NULL)
);

-- Expired rows are deleted opportunistically by claims (and later by a scheduled job).
CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (tenant_id, expires_at);

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
