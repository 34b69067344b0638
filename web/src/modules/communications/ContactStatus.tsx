import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/session.js';
import { useLocale, useT, type MessageId } from '../../i18n/intl.js';
import { formatTimestamp } from '../../ui/dates.js';
import { Section } from '../../ui/DetailList.js';
import { calls, CATEGORIES, type Category } from './api.js';
import { categoryLabel } from './labels.js';

const optOutChannel = (c: string): MessageId => (c === 'sms' ? 'communications.channel.sms' : 'communications.channel.email');
const KNOWN_CATEGORIES = new Set<string>(CATEGORIES);
const categoryWords = (c: string): MessageId | null => (c === '*' ? 'communications.optOut.everything' : KNOWN_CATEGORIES.has(c) ? categoryLabel(c as Category) : null);
const sourceWords = (s: string): MessageId | null => (s === 'stop' ? 'communications.optOut.stop' : s === 'unsubscribe' ? 'communications.optOut.unsubscribe' : null);

/**
 * A member's bounced addresses and opt-outs (the communications module): shown on the member's
 * page when there is something to say, so staff know why a message did not reach them.
 */
export function ContactStatus({ memberId }: { memberId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const status = useQuery({ queryKey: ['communications', 'contact-status', memberId], queryFn: () => calls(api).contactStatus(memberId) });
  const s = status.data;
  if (!s || (s.bounced.length === 0 && s.optOuts.length === 0)) return null;
  return (
    <Section title={t('communications.contactStatus')}>
      <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="contact-status">
        {s.bounced.map((b) => (
          <p key={b.address}>{t('communications.contactStatus.bounced', { address: b.address, reason: b.reason, date: formatTimestamp(b.bouncedAt, locale) })}</p>
        ))}
        {s.optOuts.length > 0 ? (
          <>
            <p className="font-medium">{t('communications.contactStatus.optOuts')}</p>
            <ul className="list-disc pl-5">
              {s.optOuts.map((o) => (
                <li key={`${o.channel}-${o.category}`}>
                  {t('communications.contactStatus.optOut', {
                    category: categoryWords(o.category) ? t(categoryWords(o.category)!) : o.category,
                    channel: t(optOutChannel(o.channel)),
                    source: sourceWords(o.source) ? t(sourceWords(o.source)!) : o.source,
                    date: formatTimestamp(o.createdAt, locale),
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Section>
  );
}
