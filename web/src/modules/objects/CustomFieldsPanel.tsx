import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { may, useMe } from '../../workspace/me.js';
import { definitionKey } from './api.js';
import { FieldInput } from './FieldInput.js';
import { asDefinition, type ObjectDefinition, type ObjectRecord } from './types.js';
import { FieldValue } from './Value.js';
import { formDefaults, toApiBody, type FormValues } from './values.js';

type Target = 'member' | 'unit' | 'property' | 'lease';

const extensionKey = (target: Target, id: string) => ['objects', 'extensions', target, id] as const;

function EditCustomFields({ target, id, definition, record, onDone }: { target: Target; id: string; definition: ObjectDefinition; record: ObjectRecord; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const { locale } = useLocale();
  const zone = useMe().data?.tenant.timeZone ?? 'UTC';
  const { form, formError, onSubmit } = useApiForm<FormValues>({ defaultValues: formDefaults(definition.fields, record, zone) });
  const submit = onSubmit(
    (values) => {
      const { body } = toApiBody(definition.fields, values, { locale, timeZone: zone, before: record });
      return api.PUT('/api/v1/objects/extensions/{target}/{id}', { params: { path: { target, id }, header: { 'if-match': String(record.version) } }, body });
    },
    (saved) => {
      queries.setQueryData(extensionKey(target, id), saved);
      onDone();
    },
  );
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit}>
      <div className="space-y-4">
        {definition.fields.map((f) => <FieldInput key={f.id} control={form.control} field={f} value={record[f.key] ?? null} zone={zone} />)}
      </div>
      <Button variant="secondary" onPress={onDone}>{t('objects.customFields.cancel')}</Button>
    </ApiForm>
  );
}

/**
 * The custom fields the tenant defined for a standard record kind (`extends`), on that record's
 * page: shown when the objects module is licensed and the user may read them, editable with
 * objects.write. Nothing at all when the tenant defined none.
 */
export function CustomFieldsPanel({ target, id }: { target: Target; id: string }) {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const readable = may(me.data, 'objects', 'objects.read');
  const definition = useQuery({
    queryKey: definitionKey(target),
    enabled: readable,
    retry: false,
    queryFn: async () => {
      const answer = await api.GET('/api/v1/objects/definitions/{key}', { params: { path: { key: target } } });
      // No extension defined: a 404, and no panel.
      return answer.response.status === 404 ? null : asDefinition(unwrap(answer));
    },
  });
  const extension = definition.data && definition.data.kind === 'extension' && definition.data.fields.length > 0 ? definition.data : null;
  const record = useQuery({
    queryKey: extensionKey(target, id),
    enabled: Boolean(extension),
    queryFn: async () => unwrap(await api.GET('/api/v1/objects/extensions/{target}/{id}', { params: { path: { target, id } } })) as ObjectRecord,
  });
  if (!extension) return null;
  const canEdit = may(me.data, 'objects', 'objects.write');
  return (
    <Section title={t('objects.customFields.title')} actions={canEdit && record.data && !editing ? <Button variant="secondary" onPress={() => setEditing(true)}>{t('objects.customFields.edit')}</Button> : undefined}>
      {!record.data ? (
        <p className="text-sm text-slate-600">{record.isError ? t('list.failed') : t('list.loading')}</p>
      ) : editing ? (
        <EditCustomFields key={record.data.version} target={target} id={id} definition={extension} record={record.data} onDone={() => setEditing(false)} />
      ) : (
        <DetailList items={extension.fields.map((f) => ({ term: f.label, value: <FieldValue field={f} value={record.data[f.key] ?? null} /> }))} />
      )}
    </Section>
  );
}
