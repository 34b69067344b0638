import { listSearch } from '../../ui/paging.js';

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** The message log's search in the URL: text (recipient, subject or template, searched by the API), status and cursor. */
export function messagesSearch(raw: Record<string, unknown>): { q?: string; cursor?: string; status?: MessageStatus } {
  const base = listSearch(raw);
  return { ...base, status: (MESSAGE_STATUSES as readonly unknown[]).includes(raw.status) ? (raw.status as MessageStatus) : undefined };
}
