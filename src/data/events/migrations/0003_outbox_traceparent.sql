-- The W3C traceparent of the span that wrote the event (null without tracing): the relay puts
-- it in the job data, so that the job's span continues the request's trace. Nullable and
-- without a default, so adding it rewrites nothing.
ALTER TABLE outbox ADD COLUMN traceparent text;
