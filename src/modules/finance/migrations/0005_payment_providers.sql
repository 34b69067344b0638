-- Card payments through a payment provider (Stripe) and payments read from bank statements.
-- A tenant's provider keys are kept sealed (AES-GCM, bound to the tenant and provider): the
-- database never holds them in the clear, and a sealed value moved to another row does not open.

CREATE TABLE finance_payment_providers (
  tenant_id      uuid        NOT NULL,
  provider       text        NOT NULL CHECK (provider IN ('stripe')),
  -- {secretKey, webhookSecret}, sealed; see provider.service.ts.
  secrets_sealed text        NOT NULL,
  -- What the settings may show of the keys: their last four characters.
  secret_key_last4     text,
  webhook_secret_last4 text,
  -- Disabled: no new checkouts. Payments already made still arrive and are recorded.
  enabled        boolean     NOT NULL DEFAULT false,
  updated_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, provider)
);
ALTER TABLE finance_payment_providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_payment_providers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_payment_providers USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- A checkout the platform opened at the provider: what it asks for, so that the provider's
-- "paid" event can be matched to the member and the charges it was for.
CREATE TABLE finance_checkout_sessions (
  tenant_id           uuid        NOT NULL,
  id                  uuid        NOT NULL,
  provider            text        NOT NULL,
  provider_session_id text        NOT NULL,
  member_id           uuid        NOT NULL,
  -- balance: the member's whole balance, settled oldest due first; charges: the chosen ones.
  scope               text        NOT NULL CHECK (scope IN ('balance', 'charges')),
  amount              bigint      NOT NULL CHECK (amount > 0),
  currency            text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  url                 text        NOT NULL,
  status              text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'expired', 'failed')),
  expires_at          timestamptz,
  payment_id          uuid,
  provider_event_id   text,
  created_by          uuid,
  created_at          timestamptz NOT NULL DEFAULT now(),
  completed_at        timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, provider, provider_session_id),
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
  FOREIGN KEY (tenant_id, payment_id) REFERENCES finance_payments (tenant_id, id),
  CHECK ((status = 'completed') = (payment_id IS NOT NULL))
);
CREATE INDEX finance_checkout_sessions_by_member ON finance_checkout_sessions (tenant_id, member_id, created_at);
ALTER TABLE finance_checkout_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_checkout_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_checkout_sessions USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- The charges a session pays, in order, each with what it owed when the session opened.
CREATE TABLE finance_checkout_session_charges (
  tenant_id  uuid    NOT NULL,
  session_id uuid    NOT NULL,
  position   integer NOT NULL,
  charge_id  uuid    NOT NULL,
  amount     bigint  NOT NULL CHECK (amount > 0),
  PRIMARY KEY (tenant_id, session_id, position),
  UNIQUE (tenant_id, session_id, charge_id),
  FOREIGN KEY (tenant_id, session_id) REFERENCES finance_checkout_sessions (tenant_id, id),
  FOREIGN KEY (tenant_id, charge_id) REFERENCES finance_charges (tenant_id, id)
);
ALTER TABLE finance_checkout_session_charges ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_checkout_session_charges FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_checkout_session_charges USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- A bank statement as uploaded, and its lines with the match proposed for each credit.
CREATE TABLE finance_bank_imports (
  tenant_id    uuid        NOT NULL,
  id           uuid        NOT NULL,
  filename     text,
  currency     text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- The column mapping and formats the file was read with.
  settings     jsonb       NOT NULL,
  line_count   integer     NOT NULL,
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
ALTER TABLE finance_bank_imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_bank_imports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_bank_imports USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

CREATE TABLE finance_bank_lines (
  tenant_id    uuid        NOT NULL,
  id           uuid        NOT NULL,
  import_id    uuid        NOT NULL,
  -- The line of the file the row starts on (the header is line 1).
  row_no       integer     NOT NULL,
  booked_on    date        NOT NULL,
  direction    text        NOT NULL CHECK (direction IN ('credit', 'debit')),
  -- Money in or out, always positive; `direction` says which.
  amount       bigint      NOT NULL CHECK (amount > 0),
  currency     text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  reference    text        NOT NULL,
  payer        text,
  description  text,
  -- The same transaction in an overlapping statement has the same fingerprint.
  fingerprint  text        NOT NULL,
  duplicate_of uuid,
  -- open: a credit awaiting confirmation; matched: recorded as a payment; duplicate: already
  -- imported; ignored: a debit (money out), listed but never matched.
  status       text        NOT NULL CHECK (status IN ('open', 'matched', 'duplicate', 'ignored')),
  proposal     jsonb,
  member_id    uuid,
  payment_id   uuid,
  matched_by   uuid,
  matched_at   timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, import_id, row_no),
  FOREIGN KEY (tenant_id, import_id) REFERENCES finance_bank_imports (tenant_id, id),
  FOREIGN KEY (tenant_id, duplicate_of) REFERENCES finance_bank_lines (tenant_id, id),
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
  FOREIGN KEY (tenant_id, payment_id) REFERENCES finance_payments (tenant_id, id),
  -- A line becomes a payment once: confirming it again finds the payment instead.
  UNIQUE (tenant_id, payment_id),
  CHECK ((status = 'matched') = (payment_id IS NOT NULL)),
  CHECK (direction = 'credit' OR status IN ('ignored', 'duplicate'))
);
CREATE INDEX finance_bank_lines_by_fingerprint ON finance_bank_lines (tenant_id, fingerprint);
ALTER TABLE finance_bank_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_bank_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_bank_lines USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
