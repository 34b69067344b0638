import type { MessageId } from '../../i18n/intl.js';
import type { Category, RecipientChannel, RecipientStatus, Status, Totals } from './api.js';

export const categoryLabel = (c: Category): MessageId => `communications.category.${c}`;
export const statusLabel = (s: Status): MessageId => `communications.status.${s}`;
export const channelLabel = (c: RecipientChannel): MessageId => `communications.channel.${c}`;
export const recipientStatusLabel = (s: RecipientStatus): MessageId => `communications.recipient.${s}`;
export const roleLabel = (r: string): MessageId => `communications.role.${r as 'owner'}`;
export const memberTypeLabel = (r: string): MessageId => `communications.memberType.${r as 'owner'}`;

/** Those a channel reached or tried to: every recipient but the skipped (opted out, no address). */
export const attempted = (t: Totals) => t.queued + t.sent + t.delivered + t.bounced + t.failed;
