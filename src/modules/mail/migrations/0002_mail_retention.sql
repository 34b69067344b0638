-- The daily retention job finds finished messages by age, a batch at a time.
CREATE INDEX mail_messages_finished_by_age ON mail_messages (tenant_id, created_at) WHERE status IN ('sent', 'failed');
