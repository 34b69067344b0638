-- The recipient's language (a BCP 47 tag), chosen when the message is queued: the default
-- templates, dates and labels are rendered in it. NULL (messages queued before) is English.
ALTER TABLE mail_messages ADD COLUMN locale text;
