import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/session.js';
import { useLocale, useT, type MessageId } from '../i18n/intl.js';
import { calls, type NewsItem } from '../modules/communications/api.js';
import { underTitle } from '../modules/communications/rendered.js';
import { download, listDocuments } from '../modules/documents/api.js';
import { Button } from '../ui/Button.js';
import { linkStyle } from '../ui/PlainForm.js';
import { useMember } from './member.js';
import { QueryState } from './parts.js';
import { Link, useSearchParams } from './router.js';

type NewsPage = { data: NewsItem[]; nextCursor: string | null };
const categoryLabel = (c: string): MessageId => `portal.news.category.${c as 'general'}`;

/** The member's news feed, newest first (`GET /news`: only what was sent to them). */
export function useMyNews() {
  const api = useApi();
  return useQuery({ queryKey: ['portal', 'news'], queryFn: () => calls(api).news({ limit: 50 }) });
}

/** A day in the community's zone, by locale: when an announcement was sent. */
export function newsDate(at: string, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(at));
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(at));
  }
}

/** Marks an announcement read, at once on the page and then on the server. */
function useMarkRead() {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => calls(api).markRead(id),
    onMutate: (id) => {
      queries.setQueryData<NewsPage>(['portal', 'news'], (page) => (page ? { ...page, data: page.data.map((n) => (n.id === id ? { ...n, read: true } : n)) } : page));
    },
  });
}

/** The attachments the member can open: those of the library shared with them (the others are not listed to them). */
function Attachments({ ids }: { ids: string[] }) {
  const t = useT();
  const api = useApi();
  const docs = useQuery({ queryKey: ['portal', 'documents'], queryFn: () => listDocuments(api, { limit: 200 }) });
  const fetchFile = useMutation({ mutationFn: (id: string) => download(api, id) });
  const shared = (docs.data?.data ?? []).filter((d) => ids.includes(d.id) && d.current);
  if (shared.length === 0) return null;
  return (
    <div className="space-y-2 border-t border-slate-100 pt-3">
      <h3 className="text-sm font-medium text-slate-700">{t('portal.news.attachments')}</h3>
      <ul className="space-y-2">
        {shared.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-2 text-sm">
            <span>{d.title}</span>
            <Button variant="secondary" onPress={() => fetchFile.mutate(d.id)} aria-label={t('portal.documents.download', { title: d.title })}>
              {t('portal.documents.downloadButton')}
            </Button>
          </li>
        ))}
      </ul>
      {fetchFile.isError ? <p role="alert" className="text-sm text-red-700">{t('portal.failed')}</p> : null}
    </div>
  );
}

/** One announcement: its category, day and title; opened, its message (and it counts as read). */
function NewsCard({ item, initiallyOpen }: { item: NewsItem; initiallyOpen: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const member = useMember();
  const id = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const markRead = useMarkRead();
  const unread = !item.read;
  useEffect(() => {
    if (open && unread && !markRead.isPending) markRead.mutate(item.id);
  }, [open, unread, item.id, markRead]);
  return (
    <article className={`space-y-3 rounded-xl border bg-white p-4 shadow-sm ${unread ? 'border-brand' : 'border-slate-200'}`} data-testid="news-item" aria-labelledby={`${id}-title`}>
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span className={`rounded px-1.5 py-0.5 font-medium ${item.category === 'urgent' ? 'bg-red-100 text-red-900' : 'bg-slate-100 text-slate-800'}`}>{t(categoryLabel(item.category))}</span>
        <span>{newsDate(item.sentAt, locale, member.timeZone)}</span>
        {unread ? <span className="rounded bg-brand px-1.5 py-0.5 font-semibold text-white">{t('portal.news.unread')}</span> : null}
      </p>
      <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
        <button type="button" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)} className="text-left underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-brand">
          {item.title}
        </button>
      </h2>
      {open ? (
        <div id={`${id}-body`} className="space-y-3">
          {/* Markdown the server rendered and made safe (no raw HTML, no script links): only this field is set as HTML. */}
          <div className="rendered-markdown text-sm text-slate-800" dangerouslySetInnerHTML={{ __html: underTitle(item.html) }} />
          {item.documentIds.length > 0 ? <Attachments ids={item.documentIds} /> : null}
        </div>
      ) : null}
    </article>
  );
}

/** News: the announcements sent to the member, newest first, unread ones marked; opening one marks it read. */
export function NewsPage() {
  const t = useT();
  const news = useMyNews();
  const opened = useSearchParams().get('open');
  const items = news.data?.data ?? [];
  return (
    <>
      <h1 className="text-xl font-semibold">{t('portal.news.title')}</h1>
      <p className="text-sm text-slate-600">{t('portal.news.text')}</p>
      <p>
        <Link to="/details" className={linkStyle}>{t('portal.news.preferences')}</Link>
      </p>
      <QueryState loading={news.isPending} failed={news.isError} empty={news.isSuccess && items.length === 0} emptyText={t('portal.news.none')} />
      <ul className="space-y-3" aria-label={t('portal.news.title')}>
        {items.map((item) => (
          <li key={item.id}>
            <NewsCard item={item} initiallyOpen={item.id === opened} />
          </li>
        ))}
      </ul>
    </>
  );
}
