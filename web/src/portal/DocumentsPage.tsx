import { useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/session.js';
import { useLocale, useT } from '../i18n/intl.js';
import { download, formatSize, listDocuments } from '../modules/documents/api.js';
import { formatDay } from '../modules/members/format.js';
import { Button } from '../ui/Button.js';
import { Card, QueryState } from './parts.js';

/** The documents shared with the member (the server lists only those: `documents.read.own`), each a download. */
export function DocumentsPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const docs = useQuery({ queryKey: ['portal', 'documents'], queryFn: () => listDocuments(api, { limit: 200 }) });
  const fetchFile = useMutation({ mutationFn: (id: string) => download(api, id) });
  const shown = (docs.data?.data ?? []).filter((d) => d.current);
  return (
    <>
      <h1 className="text-xl font-semibold">{t('portal.documents.title')}</h1>
      <QueryState loading={docs.isPending} failed={docs.isError || fetchFile.isError} empty={docs.isSuccess && shown.length === 0} emptyText={t('portal.documents.none')} />
      <ul className="space-y-3" aria-label={t('portal.documents.title')}>
        {shown.map((d) => (
          <li key={d.id}>
            <Card title={d.title}>
              <p className="text-sm text-slate-600">
                {t('portal.documents.updated', { date: formatDay(d.current!.uploadedAt.slice(0, 10), locale) })} · {formatSize(d.current!.size, locale)}
              </p>
              <Button variant="secondary" className="mt-2" onPress={() => fetchFile.mutate(d.id)} aria-label={t('portal.documents.download', { title: d.title })}>
                {t('portal.documents.downloadButton')}
              </Button>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
