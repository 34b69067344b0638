-- The platform's own business: plans with prices, subscriptions, invoices and their collection.

-- A plan's metered components and trial (see control/billing/pricing.ts). A price change
-- reaches a subscription at its next period: the subscription keeps the terms it began it with.
ALTER TABLE control.plans ADD COLUMN pricing jsonb NOT NULL DEFAULT '{"trialDays": 0, "components": []}';

-- Tax as a rate per country of the tenant's billing address, in basis points (2100 = 21 %).
CREATE TABLE control.tax_rates (
  country    text        PRIMARY KEY CHECK (country ~ '^[A-Z]{2}$'),
  rate_bp    integer     NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
  name       text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE control.subscriptions (
  tenant_id            uuid        PRIMARY KEY REFERENCES control.tenants (id) ON DELETE CASCADE,
  plan_key             text        NOT NULL REFERENCES control.plans (key),
  status               text        NOT NULL CHECK (status IN ('trialing', 'active', 'past_due', 'canceled')),
  -- How far collection has gone for an overdue invoice; null in good standing.
  dunning              text        CHECK (dunning IN ('reminded', 'grace', 'read_only', 'suspended')),
  -- The plan's price as it stood when this period began (PriceTerms).
  terms                jsonb       NOT NULL,
  period_start         timestamptz NOT NULL,
  period_end           timestamptz NOT NULL CHECK (period_end > period_start),
  trial_ends_at        timestamptz,
  country              text        CHECK (country ~ '^[A-Z]{2}$'),
  billing_email        text,
  cancel_at_period_end boolean     NOT NULL DEFAULT false,
  canceled_at          timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriptions_due ON control.subscriptions (period_end) WHERE status <> 'canceled';

-- A plan change within a period: the terms from `at` on, for the period's proration.
CREATE TABLE control.subscription_changes (
  tenant_id uuid        NOT NULL REFERENCES control.tenants (id) ON DELETE CASCADE,
  at        timestamptz NOT NULL,
  terms     jsonb       NOT NULL,
  PRIMARY KEY (tenant_id, at)
);

-- Gap-free numbering: a series' next number is taken by an UPDATE in the transaction that
-- issues the document, so a rolled-back issue gives its number back and two issues queue.
CREATE TABLE control.document_sequences (
  series     text   PRIMARY KEY,
  next_value bigint NOT NULL CHECK (next_value > 0)
);

CREATE TABLE control.invoices (
  id                uuid        PRIMARY KEY,
  tenant_id         uuid        NOT NULL REFERENCES control.tenants (id),
  number            text        NOT NULL UNIQUE,
  kind              text        NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  -- A credit note's invoice.
  corrects          uuid        REFERENCES control.invoices (id),
  -- The plan of the period's end (revenue by plan).
  plan_key          text,
  period_start      timestamptz,
  period_end        timestamptz,
  status            text        NOT NULL CHECK (status IN ('open', 'paid', 'void', 'issued')),
  currency          text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  lines             jsonb       NOT NULL,
  subtotal_minor    bigint      NOT NULL CHECK (subtotal_minor >= 0),
  tax_rate_bp       integer     NOT NULL,
  tax_minor         bigint      NOT NULL CHECK (tax_minor >= 0),
  total_minor       bigint      NOT NULL CHECK (total_minor >= 0),
  -- Credit notes against it, so far.
  credited_minor    bigint      NOT NULL DEFAULT 0 CHECK (credited_minor >= 0 AND credited_minor <= total_minor),
  bill_to           jsonb       NOT NULL,
  issued_at         timestamptz NOT NULL,
  due_at            timestamptz NOT NULL,
  paid_at           timestamptz,
  paid_via          text        CHECK (paid_via IN ('card', 'bank_transfer', 'credit')),
  payment_reference text,
  voided_at         timestamptz,
  reminders_sent    integer     NOT NULL DEFAULT 0,
  CHECK ((kind = 'invoice') = (corrects IS NULL)),
  CHECK (kind = 'credit_note' OR (period_start IS NOT NULL AND period_end IS NOT NULL))
);
-- The natural key: one invoice per tenant and period, whatever the retries.
CREATE UNIQUE INDEX invoices_once_per_period ON control.invoices (tenant_id, period_start) WHERE kind = 'invoice';
CREATE INDEX invoices_by_tenant ON control.invoices (tenant_id, issued_at DESC);
CREATE INDEX invoices_open ON control.invoices (due_at) WHERE status = 'open';
CREATE INDEX invoices_by_issue ON control.invoices (issued_at DESC, id DESC);

-- A finalised document is never edited: what it says stays as issued (a credit note corrects it).
CREATE FUNCTION control.invoices_finalised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.number, NEW.kind, NEW.corrects, NEW.tenant_id, NEW.lines, NEW.subtotal_minor, NEW.tax_rate_bp, NEW.tax_minor, NEW.total_minor, NEW.currency, NEW.bill_to, NEW.issued_at, NEW.period_start, NEW.period_end)
     IS DISTINCT FROM
     (OLD.number, OLD.kind, OLD.corrects, OLD.tenant_id, OLD.lines, OLD.subtotal_minor, OLD.tax_rate_bp, OLD.tax_minor, OLD.total_minor, OLD.currency, OLD.bill_to, OLD.issued_at, OLD.period_start, OLD.period_end) THEN
    RAISE EXCEPTION 'a finalised invoice is never edited: issue a credit note';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER invoices_finalised BEFORE UPDATE ON control.invoices FOR EACH ROW EXECUTE FUNCTION control.invoices_finalised();
CREATE FUNCTION control.invoices_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an issued invoice or credit note is kept: void it with a credit note';
END $$;
CREATE TRIGGER invoices_kept BEFORE DELETE ON control.invoices FOR EACH ROW EXECUTE FUNCTION control.invoices_kept();

-- A card payment's provider event, taken once (a redelivered webhook finds it here).
CREATE TABLE control.invoice_payment_events (
  event_id    text        PRIMARY KEY,
  invoice_id  uuid        NOT NULL REFERENCES control.invoices (id),
  received_at timestamptz NOT NULL DEFAULT now()
);
