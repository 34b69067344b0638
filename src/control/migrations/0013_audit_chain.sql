-- The audit log is hash-chained since 0001 (each row's hash covers the previous row's, in seq
-- order, so the rows written before this migration are chained already). Its row trigger
-- refuses UPDATE and DELETE, but a row trigger never sees TRUNCATE, which would empty the
-- chain without a trace: a statement trigger refuses that too.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON control.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION control.audit_log_append_only();
