import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { calls, type Category, type Preview, type SegmentCriteria, type SendChannel } from './api.js';

export interface PreviewRequest {
  segmentId?: string | null;
  criteria?: SegmentCriteria;
  category?: Category;
  body?: string;
}

/** Who an audience reaches, by channel, with the SMS parts it costs (`POST /announcements/preview`). */
export function usePreview(request: PreviewRequest | null) {
  const api = useApi();
  return useQuery({ queryKey: ['communications', 'preview', request], enabled: request !== null, queryFn: () => calls(api).preview(request!), staleTime: 0, gcTime: 0 });
}

/** "N members; X by e-mail (…); S by SMS, P parts each (…)", and the first recipients. */
export function PreviewSummary({ preview, channels }: { preview: Preview; channels: SendChannel[] }) {
  const t = useT();
  return (
    <div className="space-y-3" data-testid="preview">
      <ul className="space-y-1 text-sm">
        <li className="font-medium">{t('communications.preview.members', { count: preview.members })}</li>
        {channels.includes('email') ? (
          <li>{t('communications.preview.email', { recipients: preview.email.recipients, optedOut: preview.email.optedOut, noAddress: preview.email.noAddress, bounced: preview.email.bounced })}</li>
        ) : null}
        {channels.includes('sms') ? (
          <li>{t('communications.preview.sms', { recipients: preview.sms.recipients, optedOut: preview.sms.optedOut, noAddress: preview.sms.noAddress, parts: preview.sms.parts, encoding: preview.sms.encoding, totalParts: preview.sms.totalParts })}</li>
        ) : null}
      </ul>
      {preview.sample.length > 0 ? (
        <table className="w-full max-w-2xl text-left text-sm">
          <caption className="text-left text-sm font-medium text-slate-700">{t('communications.preview.sample')}</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1 pr-3">{t('communications.recipient.name')}</th>
              <th scope="col" className="py-1 pr-3">{t('communications.channel.email')}</th>
              <th scope="col" className="py-1">{t('communications.recipient.phone')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((s) => (
              <tr key={s.id} className="border-b border-slate-100">
                <td className="py-1 pr-3">{s.name}</td>
                <td className="py-1 pr-3">{s.email ?? '—'}</td>
                <td className="py-1">{s.phone ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** The sentence a send or schedule dialog says: how many it goes to, asked when the dialog opens. */
export function AudienceCount({ request, channels }: { request: PreviewRequest; channels: SendChannel[] }) {
  const t = useT();
  const preview = usePreview(request);
  if (preview.isPending) return <p>{t('list.loading')}</p>;
  if (!preview.data) return <p>{t('communications.preview.failed')}</p>;
  const p = preview.data;
  return (
    <p data-testid="send-count">
      {t('communications.send.count', { count: p.members })}{' '}
      {channels.includes('email') ? `${t('communications.send.byEmail', { count: p.email.recipients })} ` : ''}
      {channels.includes('sms') ? t('communications.send.bySms', { count: p.sms.recipients }) : ''}
    </p>
  );
}
