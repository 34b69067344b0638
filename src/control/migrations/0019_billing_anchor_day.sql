-- A subscription's billing day: the day of the month its paid periods start on. Periods are
-- counted from it, so one that began on the 31st ends on the 28th in February and on the 31st
-- again in March, instead of staying on the 28th for good.
ALTER TABLE control.subscriptions ADD COLUMN anchor_day smallint CHECK (anchor_day BETWEEN 1 AND 31);
UPDATE control.subscriptions SET anchor_day = extract(day FROM coalesce(trial_ends_at, period_start) AT TIME ZONE 'UTC');
ALTER TABLE control.subscriptions ALTER COLUMN anchor_day SET NOT NULL;
