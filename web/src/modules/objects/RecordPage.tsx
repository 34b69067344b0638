import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { formatTimestamp } from '../../ui/dates.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { Page } from '../../ui/Page.js';
import { useMe } from '../../workspace/me.js';
import { mayObject } from './access.js';
import { recordsKey, useDefinition, useRecord } from './api.js';
import { recordName } from './format.js';
import { recordRoute } from './routes.js';
import { titleField } from './types.js';
import { FieldValue } from './Value.js';

/** A record: every field of its object, formatted by type, and Edit and Delete for those who may write. */
export function RecordPage() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { locale } = useLocale();
  const { objectKey, recordId } = recordRoute.useParams();
  const definition = useDefinition(objectKey);
  const record = useRecord(objectKey, recordId);
  const failed = definition.error ?? record.error;
  if (failed) return <Page title={t('page.notFound')}>{failed instanceof ApiError ? failed.problem.detail : t('list.failed')}</Page>;
  if (!definition.data || !record.data) return <Page title={t('list.loading')}>{null}</Page>;
  const d = definition.data;
  const r = record.data;
  const name = recordName(r, titleField(d.fields));
  const canWrite = mayObject(me.data, objectKey, 'write');
  return (
    <Page
      title={name}
      actions={canWrite ? (
        <>
          <Link to="/objects/$objectKey/$recordId/edit" params={{ objectKey, recordId }} className={buttonLink}>{t('objects.edit')}</Link>
          <ConfirmAction
            label={t('objects.delete')}
            title={t('objects.delete.title', { name })}
            description={t('objects.delete.text', { name: d.singular })}
            variant="danger"
            run={(headers) => api.DELETE('/api/v1/objects/{key}/records/{id}', { headers, params: { path: { key: objectKey, id: recordId } } })}
            onDone={() => {
              queries.removeQueries({ queryKey: [...recordsKey(objectKey), 'one', recordId] });
              void queries.invalidateQueries({ queryKey: recordsKey(objectKey) });
              void navigate({ to: '/objects/$objectKey', params: { objectKey } });
            }}
          />
        </>
      ) : null}
    >
      <p><Link to="/objects/$objectKey" params={{ objectKey }} className="text-sm text-brand underline-offset-2 hover:underline">{t('objects.backTo', { name: d.plural })}</Link></p>
      <Section title={t('objects.recordDetails', { name: d.singular })}>
        <DetailList items={d.fields.map((f) => ({ term: f.label, value: <FieldValue field={f} value={r[f.key]} /> }))} />
      </Section>
      <Section title={t('objects.recordHistory')}>
        <DetailList items={[
          { term: t('objects.createdAt'), value: formatTimestamp(r.createdAt, locale) },
          { term: t('objects.updatedAt'), value: formatTimestamp(r.updatedAt, locale) },
          { term: t('objects.version'), value: String(r.version) },
        ]} />
      </Section>
    </Page>
  );
}
