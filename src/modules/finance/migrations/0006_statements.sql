-- Statements issued to members: the figures as generated, and where the PDF is kept. One per
-- member and period, however often generation is retried.
CREATE TABLE finance_statements (
  tenant_id    uuid        NOT NULL,
  id           uuid        NOT NULL,
  member_id    uuid        NOT NULL,
  period_from  date        NOT NULL,
  period_to    date        NOT NULL,
  -- Per currency: opening, charges, credits, closing (the lines are re-read from the ledger).
  summary      jsonb       NOT NULL,
  object_key   text        NOT NULL,
  pdf_bytes    integer     NOT NULL,
  generated_at timestamptz NOT NULL DEFAULT now(),
  emailed_at   timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, member_id, period_from, period_to),
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
  CHECK (period_to >= period_from)
);
CREATE INDEX finance_statements_by_period ON finance_statements (tenant_id, period_from, member_id);
ALTER TABLE finance_statements ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_statements FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_statements USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
