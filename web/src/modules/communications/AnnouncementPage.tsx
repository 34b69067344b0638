import { useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatTimestamp } from '../../ui/dates.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { getDocument } from '../documents/api.js';
import { calls, RECIPIENT_CHANNELS, RECIPIENT_STATUSES, type Announcement, type Recipient, type RecipientChannel, type RecipientStatus, type SegmentCriteria } from './api.js';
import { usePlaces } from './AudienceFields.js';
import { categoryLabel, channelLabel, memberTypeLabel, recipientStatusLabel, roleLabel, statusLabel } from './labels.js';
import { PreviewSummary, usePreview } from './Preview.js';
import { underTitle } from './rendered.js';
import { announcementRoute } from './routes.js';
import type { RecipientsSearch } from './search.js';
import { SendControls } from './SendControls.js';

const column = createColumnHelper<Recipient>();
const select = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30';
const failure = (error: unknown, fallback: string) => (error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : error ? fallback : null);
/** Still moving: being sent, waiting for its time, or with deliveries queued (the page follows it every 3 s). */
const moving = (a: Announcement | undefined) => Boolean(a && (a.status === 'sending' || a.status === 'scheduled' || (a.totals && (a.totals.portal.queued + a.totals.email.queued + a.totals.sms.queued > 0))));
const TOTALS = ['queued', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'opened'] as const;

/** The criteria in words: each condition given, the places by name. */
function CriteriaWords({ criteria }: { criteria: SegmentCriteria }) {
  const t = useT();
  const { locale } = useLocale();
  const places = usePlaces();
  const name = (list: { id: string; label: string }[], id: string) => list.find((p) => p.id === id)?.label.replace(/^(— )+/, '') ?? id.slice(0, 8);
  const parts: string[] = [];
  if (criteria.propertyIds?.length) parts.push(`${t('communications.criteria.properties')}: ${criteria.propertyIds.map((id) => name(places.properties, id)).join(', ')}`);
  if (criteria.unitIds?.length) parts.push(`${t('communications.criteria.units')}: ${criteria.unitIds.map((id) => name(places.units, id)).join(', ')}`);
  if (criteria.roles?.length) parts.push(`${t('communications.criteria.roles')}: ${criteria.roles.map((r) => t(roleLabel(r))).join(', ')}`);
  if (criteria.memberTypes?.length) parts.push(`${t('communications.criteria.memberTypes')}: ${criteria.memberTypes.map((r) => t(memberTypeLabel(r))).join(', ')}`);
  if (criteria.arrearsOver) parts.push(`${t('communications.criteria.arrears')}: ${formatMoney(criteria.arrearsOver, locale)}`);
  if (criteria.leaseEndingBefore) parts.push(`${t('communications.criteria.leaseEndingBefore')}: ${criteria.leaseEndingBefore}`);
  if (criteria.memberIds?.length) parts.push(t('communications.criteria.members', { count: criteria.memberIds.length }));
  return <>{parts.length ? parts.join('; ') : t('communications.criteria.everyone')}</>;
}

function Audience({ a }: { a: Announcement }) {
  const api = useApi();
  const segments = useQuery({ queryKey: ['communications', 'segments'], queryFn: () => calls(api).segments(), enabled: Boolean(a.segmentId) });
  const segment = segments.data?.find((s) => s.id === a.segmentId);
  return segment ? <>{segment.name} — <CriteriaWords criteria={a.status === 'draft' ? segment.criteria : a.criteria} /></> : <CriteriaWords criteria={a.criteria} />;
}

function AttachmentTitles({ ids }: { ids: string[] }) {
  const api = useApi();
  const docs = useQuery({ queryKey: ['communications', 'attached', ids], enabled: ids.length > 0, queryFn: () => Promise.all(ids.map((id) => getDocument(api, id).then((d) => d.title, () => id.slice(0, 8)))) });
  return <>{docs.data?.join(', ') ?? ''}</>;
}

/** Per channel, how many of each delivery status: the dashboard's figures. */
function Totals({ a }: { a: Announcement }) {
  const t = useT();
  if (!a.totals) return null;
  const channels = RECIPIENT_CHANNELS.filter((c) => c === 'portal' || a.channels.includes(c));
  return (
    <table className="w-full max-w-3xl text-left text-sm" data-testid="totals">
      <caption className="sr-only">{t('communications.delivery')}</caption>
      <thead>
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-2 pr-3">{t('communications.channel')}</th>
          {TOTALS.map((k) => <th key={k} scope="col" className="py-2 pr-3">{t(`communications.totals.${k}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {channels.map((c) => (
          <tr key={c} className="border-b border-slate-100">
            <th scope="row" className="py-2 pr-3 font-medium">{t(channelLabel(c))}</th>
            {TOTALS.map((k) => <td key={k} className="py-2 pr-3">{a.totals![c][k]}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who it went to, per channel, filtered by channel and status through the URL. */
function Recipients({ a }: { a: Announcement }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const navigate = useNavigate();
  const search = announcementRoute.useSearch();
  const me = useMe();
  const live = moving(a);
  const list = useQuery({
    queryKey: ['communications', 'recipients', a.id, search],
    queryFn: () => calls(api).recipients(a.id, search),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 3000 : false,
  });
  const { cursor: _cursor, ...current } = search;
  const to = (patch: Partial<RecipientsSearch>) => void navigate({ to: '/announcements/$announcementId', params: { announcementId: a.id }, search: (prev: RecipientsSearch) => ({ ...prev, cursor: undefined, ...patch }), replace: true });
  const canMembers = may(me.data, 'members', 'members.read');
  const columns = [
    column.accessor('name', {
      header: t('communications.recipient.name'),
      cell: (c) => (canMembers ? <Link to="/members/$memberId" params={{ memberId: c.row.original.memberId }} className="text-brand underline-offset-2 hover:underline">{c.getValue()}</Link> : c.getValue()),
    }),
    column.accessor('channel', { header: t('communications.channel'), cell: (c) => t(channelLabel(c.getValue())) }),
    column.accessor('address', { header: t('communications.recipient.address'), cell: (c) => c.getValue() ?? '—' }),
    column.accessor('status', { header: t('communications.status'), cell: (c) => t(recipientStatusLabel(c.getValue())) }),
    column.accessor('reason', { header: t('communications.recipient.reason'), cell: (c) => c.getValue() ?? '' }),
    column.accessor('openedAt', { header: t('communications.recipient.openedAt'), cell: (c) => (c.getValue() ? formatTimestamp(c.getValue(), locale) : '—') }),
    column.accessor('updatedAt', { header: t('communications.recipient.updatedAt'), cell: (c) => formatTimestamp(c.getValue(), locale) }),
  ];
  const next = list.data?.nextCursor;
  return (
    <Section title={t('communications.recipients')}>
      <div className="flex flex-wrap gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="recipients-channel" className="text-sm font-medium">{t('communications.channel')}</label>
          <select id="recipients-channel" className={select} value={search.channel ?? ''} onChange={(e) => to({ channel: (e.target.value || undefined) as RecipientChannel | undefined })}>
            <option value="">{t('communications.allChannels')}</option>
            {RECIPIENT_CHANNELS.map((c) => <option key={c} value={c}>{t(channelLabel(c))}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="recipients-status" className="text-sm font-medium">{t('communications.status')}</label>
          <select id="recipients-status" className={select} value={search.status ?? ''} onChange={(e) => to({ status: (e.target.value || undefined) as RecipientStatus | undefined })}>
            <option value="">{t('communications.allStatuses')}</option>
            {RECIPIENT_STATUSES.map((s) => <option key={s} value={s}>{t(recipientStatusLabel(s))}</option>)}
          </select>
        </div>
      </div>
      <DataTable<Recipient>
        label={t('communications.recipients')}
        columns={columns}
        rows={list.data?.data ?? []}
        isLoading={list.isLoading}
        error={failure(list.error, t('list.failed'))}
        pager={{
          first: search.cursor ? <Link to="/announcements/$announcementId" params={{ announcementId: a.id }} search={current}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/announcements/$announcementId" params={{ announcementId: a.id }} search={{ ...current, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Section>
  );
}

/** A draft's reach today, and its send, schedule and discard. */
function DraftActions({ a }: { a: Announcement }) {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const request = a.segmentId ? { segmentId: a.segmentId, category: a.category, body: a.body } : { criteria: a.criteria, category: a.category, body: a.body };
  const preview = usePreview(request);
  const refresh = () => void queries.invalidateQueries({ queryKey: ['communications'] });
  return (
    <>
      <Section title={t('communications.reach')}>
        {preview.data ? <PreviewSummary preview={preview.data} channels={a.channels} /> : <p className="text-sm text-slate-600">{preview.error ? failure(preview.error, t('list.failed')) : t('list.loading')}</p>}
      </Section>
      {may(me.data, 'communications', 'communications.write') ? (
        <div className="flex flex-wrap items-end gap-6 border-t border-slate-200 pt-4">
          <SendControls prepare={() => Promise.resolve({ ok: true, id: a.id })} request={request} channels={a.channels} timeZone={me.data?.tenant.timeZone ?? 'UTC'} onSent={refresh} />
          <ConfirmAction
            label={t('communications.discard')}
            title={t('communications.discard.title')}
            description={t('communications.discard.text', { title: a.title })}
            variant="danger"
            run={(headers) => calls(api).remove(a.id, headers)}
            onDone={() => {
              refresh();
              void navigate({ to: '/announcements' });
            }}
          />
        </div>
      ) : null}
    </>
  );
}

/** One announcement: what it says, to whom, its status; for a draft its reach and sending, once sent the delivery dashboard. */
export function AnnouncementPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const { announcementId } = announcementRoute.useParams();
  const announcement = useQuery({
    queryKey: ['communications', 'announcement', announcementId],
    queryFn: () => calls(api).get(announcementId),
    refetchInterval: (q) => (moving(q.state.data) ? 3000 : false),
  });
  const a = announcement.data;
  const timeZone = me.data?.tenant.timeZone ?? 'UTC';
  const canWrite = may(me.data, 'communications', 'communications.write');
  if (announcement.error) return <Page title={t('page.notFound')}><p role="alert" className="text-sm text-red-700">{failure(announcement.error, t('list.failed'))}</p></Page>;
  if (!a) return <Page title={t('list.loading')}>{null}</Page>;
  return (
    <Page
      title={a.title}
      actions={
        <>
          <Link to="/announcements" className="self-center text-sm">{t('nav.announcements')}</Link>
          {a.status === 'draft' && canWrite ? <Link to="/announcements/$announcementId/edit" params={{ announcementId: a.id }} className={buttonLink}>{t('communications.editButton')}</Link> : null}
        </>
      }
    >
      <DetailList
        items={[
          { term: t('communications.status'), value: <span data-testid="announcement-status">{t(statusLabel(a.status))}</span> },
          { term: t('communications.category'), value: t(categoryLabel(a.category)) },
          { term: t('communications.channels'), value: ['portal' as const, ...a.channels].map((c) => t(channelLabel(c))).join(', ') },
          { term: t('communications.audience'), value: <Audience a={a} /> },
          ...(a.scheduledAt ? [{ term: t('communications.scheduledAt'), value: formatTimestamp(a.scheduledAt, locale, { timeZone, zoneName: true }) }] : []),
          ...(a.sentAt ? [{ term: t('communications.sentAt'), value: formatTimestamp(a.sentAt, locale, { timeZone, zoneName: true }) }] : []),
          ...(a.documentIds.length ? [{ term: t('communications.attachments'), value: <AttachmentTitles ids={a.documentIds} /> }] : []),
        ]}
      />
      <Section title={t('communications.message')}>
        <div className="rendered-markdown max-w-3xl rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="announcement-html" dangerouslySetInnerHTML={{ __html: underTitle(a.html) }} />
      </Section>
      {a.status === 'draft' ? <DraftActions a={a} /> : null}
      {a.status === 'scheduled' && canWrite ? (
        <ConfirmAction
          label={t('communications.unschedule')}
          title={t('communications.unschedule.title')}
          description={t('communications.unschedule.text')}
          run={(headers) => calls(api).unschedule(a.id, headers)}
          onDone={() => void queries.invalidateQueries({ queryKey: ['communications'] })}
        />
      ) : null}
      {a.status === 'sent' || a.status === 'sending' ? (
        <>
          <Section title={t('communications.delivery')}>
            <Totals a={a} />
          </Section>
          <Recipients a={a} />
        </>
      ) : null}
    </Page>
  );
}
