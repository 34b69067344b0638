import { defined, urlText } from '../../ui/url-search.js';
import { RECIPIENT_CHANNELS, RECIPIENT_STATUSES, STATUSES, type RecipientChannel, type RecipientStatus, type Status } from './api.js';

export interface AnnouncementsSearch {
  q?: string;
  status?: Status;
  cursor?: string;
}
export interface RecipientsSearch {
  channel?: RecipientChannel;
  status?: RecipientStatus;
  cursor?: string;
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined);

/** The announcements list's search, status and page, from a URL anyone can edit. */
export const announcementsSearch = (raw: Record<string, unknown>): AnnouncementsSearch =>
  defined({ q: urlText(raw.q, 100), status: oneOf(STATUSES, raw.status), cursor: urlText(raw.cursor, 2048) });

/** The recipients of an announcement, by channel and status. */
export const recipientsSearch = (raw: Record<string, unknown>): RecipientsSearch =>
  defined({ channel: oneOf(RECIPIENT_CHANNELS, raw.channel), status: oneOf(RECIPIENT_STATUSES, raw.status), cursor: urlText(raw.cursor, 2048) });
