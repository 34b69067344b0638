import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT, type MessageId } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { Page } from '../../ui/Page.js';
import { SimpleTable } from '../members/SimpleTable.js';
import { listRecords, recordsKey, useDefinitions } from './api.js';
import { OBJECT_ICONS, ObjectIcon } from './icons.js';

const COUNTED = 100;

/** How many records an object has, up to 100 ("100+" beyond): the API's definitions carry no count. */
function RecordCount({ objectKey }: { objectKey: string }) {
  const t = useT();
  const api = useApi();
  const count = useQuery({ queryKey: [...recordsKey(objectKey), 'count'], queryFn: async () => (await listRecords(api, objectKey, { limit: COUNTED, sort: 'createdAt' })) });
  if (!count.data) return <>…</>;
  return <>{count.data.nextCursor ? t('objects.recordCountMore', { count: COUNTED }) : t('objects.recordCount', { count: count.data.data.length })}</>;
}

/** Settings → Data model: the objects the tenant defined, and "New object". */
export function DataModel() {
  const t = useT();
  const definitions = useDefinitions();
  const rows = (definitions.data ?? []).map((d) => ({
    key: d.id,
    cells: [
      <Link key="name" to="/settings/data-model/$objectKey" params={{ objectKey: d.key }} className="inline-flex items-center gap-2 font-medium text-brand underline-offset-2 hover:underline">
        <ObjectIcon name={d.icon} />
        {d.plural}
      </Link>,
      <code key="key" className="text-xs">{d.key}</code>,
      d.icon && d.icon in OBJECT_ICONS ? t(`objects.icon.${d.icon}` as MessageId) : (d.icon ?? '—'),
      String(d.fields.length),
      <Link key="records" to="/objects/$objectKey" params={{ objectKey: d.key }} className="text-brand underline-offset-2 hover:underline">
        <RecordCount objectKey={d.key} />
      </Link>,
    ],
  }));
  return (
    <Page title={t('nav.dataModel')} actions={<Link to="/settings/data-model/new" className={buttonLink}>{t('objects.new')}</Link>}>
      <p className="max-w-prose text-sm text-slate-600">{t('objects.dataModel.intro')}</p>
      {definitions.error ? <p role="alert" className="text-sm text-red-700">{definitions.error instanceof ApiError ? definitions.error.problem.detail : t('list.failed')}</p> : null}
      <SimpleTable
        caption={t('nav.dataModel')}
        headers={[t('objects.name'), t('objects.key'), t('objects.icon'), t('objects.fieldCount'), t('objects.records')]}
        empty={definitions.isLoading ? t('list.loading') : t('objects.none')}
        rows={rows}
      />
    </Page>
  );
}
