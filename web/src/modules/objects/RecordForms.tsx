import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { useMe } from '../../workspace/me.js';
import { recordKey, recordsKey, useDefinition, useRecord } from './api.js';
import { FieldInput } from './FieldInput.js';
import { recordName } from './format.js';
import { editRecordRoute, newRecordRoute } from './routes.js';
import { titleField, type ObjectDefinition, type ObjectRecord } from './types.js';
import { formDefaults, toApiBody, type FormValues } from './values.js';

/**
 * A record's form, generated from the definition: one input per field in order, named by the
 * field's key, so that the API's field errors (a duplicate plate, a value out of range) show on
 * their field. New records are sent with an Idempotency-Key; a change sends only the fields that
 * changed, with `If-Match` so that it never overwrites another person's change unseen.
 */
function RecordForm({ definition, record }: { definition: ObjectDefinition; record?: ObjectRecord }) {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { locale } = useLocale();
  const zone = useMe().data?.tenant.timeZone ?? 'UTC';
  const key = definition.key;
  const { form, formError, onSubmit } = useApiForm<FormValues>({ defaultValues: formDefaults(definition.fields, record, zone), idempotent: !record });
  const submit = onSubmit(
    (values, headers) => {
      const { body } = toApiBody(definition.fields, values, { locale, timeZone: zone, before: record });
      return record
        ? api.PATCH('/api/v1/objects/{key}/records/{id}', { params: { path: { key, id: record.id }, header: { 'if-match': String(record.version) } }, body })
        : api.POST('/api/v1/objects/{key}/records', { headers, params: { path: { key } }, body });
    },
    (saved) => {
      queries.setQueryData(recordKey(key, saved.id), saved);
      void queries.invalidateQueries({ queryKey: recordsKey(key) });
      void navigate({ to: '/objects/$objectKey/$recordId', params: { objectKey: key, recordId: saved.id } });
    },
  );
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit}>
      {definition.fields.some((f) => f.rules.required) ? <p className="text-sm text-slate-600">{t('objects.input.requiredNote')}</p> : null}
      {/* Required fields' labels end with a red "*" (react-aria marks them data-required), kept out of their accessible names: aria-required says it. */}
      <div className="space-y-4 [&_[data-required]_label]:after:text-red-700 [&_[data-required]_label]:after:content-['_*'_/_'']">
        {definition.fields.map((f) => <FieldInput key={f.id} control={form.control} field={f} value={record?.[f.key] ?? null} zone={zone} />)}
      </div>
    </ApiForm>
  );
}

function Failed({ error }: { error: unknown }) {
  const t = useT();
  return <Page title={t('page.notFound')}>{error instanceof ApiError ? error.problem.detail : t('list.failed')}</Page>;
}

/** "New <singular>": the generated form. */
export function NewRecord() {
  const t = useT();
  const { objectKey } = newRecordRoute.useParams();
  const definition = useDefinition(objectKey);
  if (definition.error) return <Failed error={definition.error} />;
  if (!definition.data) return <Page title={t('list.loading')}>{null}</Page>;
  const d = definition.data;
  return (
    <Page title={t('objects.newRecord', { name: d.singular })} actions={<Link to="/objects/$objectKey" params={{ objectKey }}>{d.plural}</Link>}>
      <RecordForm definition={d} />
    </Page>
  );
}

/** A record's edit form, once the record and its definition are loaded. */
export function EditRecord() {
  const t = useT();
  const { objectKey, recordId } = editRecordRoute.useParams();
  const definition = useDefinition(objectKey);
  const record = useRecord(objectKey, recordId);
  if (definition.error || record.error) return <Failed error={definition.error ?? record.error} />;
  if (!definition.data || !record.data) return <Page title={t('list.loading')}>{null}</Page>;
  const d = definition.data;
  const name = recordName(record.data, titleField(d.fields));
  return (
    <Page title={t('objects.editRecord', { name })} actions={<Link to="/objects/$objectKey/$recordId" params={{ objectKey, recordId }}>{t('objects.backTo', { name })}</Link>}>
      <RecordForm key={record.data.version} definition={d} record={record.data} />
    </Page>
  );
}
