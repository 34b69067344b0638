import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT, type MessageId } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { TextAreaInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { definitionKey, definitionsKey, useDefinition } from './api.js';
import { ruleList } from './field-spec.js';
import { ChangeHistory } from './ChangeHistory.js';
import { ObjectIcon } from './icons.js';
import { ObjectRules } from './ObjectRules.js';
import { useIconOptions } from './NewObject.js';
import { definitionRoute } from './routes.js';
import { isStandardTarget, type ObjectDefinition, type ObjectField } from './types.js';

/** A field's type in words, with its target or currency ("Relation to Unit", "Currency (EUR)"). */
export function useTypeLabel() {
  const t = useT();
  return (field: Pick<ObjectField, 'type' | 'config'>) => {
    const type = t(`objects.type.${field.type}` as MessageId);
    if (field.type === 'relation') {
      const target = field.config.target ?? '';
      return t(field.config.many ? 'objects.type.relationManyTo' : 'objects.type.relationTo', { target: isStandardTarget(target) ? t(`objects.target.${target}`) : target });
    }
    if (field.type === 'currency') return `${type} (${field.config.currency ?? ''})`;
    if (field.type === 'rollup' && field.config.fn) return t('objects.type.rollupOf', { fn: t(`objects.rollup.fn.${field.config.fn}`), object: field.config.object ?? field.config.relation ?? '' });
    return type;
  };
}

function Rules({ field }: { field: ObjectField }) {
  const t = useT();
  const rules = ruleList(field);
  if (rules.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {rules.map((r) => (
        <li key={r.rule} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
          {r.value !== undefined ? t(`objects.rule.${r.rule}.value` as MessageId, { value: r.value }) : t(`objects.rule.${r.rule}` as MessageId)}
        </li>
      ))}
    </ul>
  );
}

/** The object's names, icon and description, changed in place (its key never changes). */
function NamesForm({ definition }: { definition: ObjectDefinition }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const icons = useIconOptions();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm({ defaultValues: { singular: definition.singular, plural: definition.plural, icon: definition.icon ?? 'none', description: definition.description } });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/api/v1/objects/definitions/{key}', { params: { path: { key: definition.key } }, body: { singular: v.singular.trim(), plural: v.plural.trim(), icon: v.icon === 'none' ? null : v.icon, description: v.description.trim() } });
    },
    (changed) => {
      queries.setQueryData(definitionKey(definition.key), changed);
      void queries.invalidateQueries({ queryKey: definitionsKey });
      setSaved(true);
    },
  );
  const required = { required: t('form.required') };
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit}>
      <TextInput control={form.control} name="singular" label={t('objects.singular')} autoComplete="off" rules={required} />
      <TextInput control={form.control} name="plural" label={t('objects.plural')} autoComplete="off" rules={required} />
      <SelectInput control={form.control} name="icon" label={t('objects.icon')} options={icons} />
      <TextAreaInput control={form.control} name="description" label={t('objects.description')} rows={2} />
      {saved ? <p role="status" className="text-sm text-green-800">{t('objects.saved')}</p> : null}
    </ApiForm>
  );
}

/** Purging asks for the field's key to be typed: its values are deleted for good. */
function PurgeField({ definition, field, onDone }: { definition: ObjectDefinition; field: ObjectField; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const [typed, setTyped] = useState('');
  const id = useId();
  return (
    <ConfirmAction
      label={t('objects.field.purge')}
      title={t('objects.field.purge.title', { name: field.label })}
      description={t('objects.field.purge.text', { key: field.key })}
      variant="danger"
      confirmDisabled={typed.trim() !== field.key}
      run={(headers) => api.POST('/api/v1/objects/definitions/{key}/fields/{field}/purge', { headers, params: { path: { key: definition.key, field: field.id } } })}
      onDone={onDone}
    >
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">{t('objects.field.purge.type', { key: field.key })}</label>
        <input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5 font-mono text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand" />
      </div>
    </ConfirmAction>
  );
}

function Definition({ definition }: { definition: ObjectDefinition }) {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const typeLabel = useTypeLabel();
  const key = definition.key;
  const refresh = (changed?: unknown) => {
    if (changed) queries.setQueryData(definitionKey(key), changed);
    void queries.invalidateQueries({ queryKey: ['objects'] });
  };
  return (
    <Page
      title={definition.plural}
      actions={
        <>
          <Link to="/objects/$objectKey" params={{ objectKey: key }} className="self-center text-sm text-brand underline-offset-2 hover:underline">{t('objects.viewRecords')}</Link>
          <Link to="/settings/data-model/$objectKey/automations" params={{ objectKey: key }} className="self-center text-sm text-brand underline-offset-2 hover:underline">{t('objects.automations')}</Link>
          <Link to="/settings/data-model/$objectKey/fields/new" params={{ objectKey: key }} className={buttonLink}>{t('objects.field.add')}</Link>
        </>
      }
    >
      <p><Link to="/settings/data-model" className="text-sm text-brand underline-offset-2 hover:underline">{t('objects.backToDataModel')}</Link></p>
      <Section title={t('objects.fields')}>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('objects.fields')}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {[t('objects.field.position'), t('objects.field.label'), t('objects.key'), t('objects.field.type'), t('objects.field.rules'), t('objects.actions')].map((h) => <th key={h} scope="col" className="px-3 py-2 font-medium">{h}</th>)}
              </tr>
            </thead>
            <tbody>
              {definition.fields.length === 0 ? (
                <tr><td colSpan={6} className="px-3 py-4 text-slate-600">{t('objects.field.none')}</td></tr>
              ) : null}
              {definition.fields.map((f, i) => (
                <tr key={f.id} className="border-t border-slate-100">
                  <td className="px-3 py-2 tabular-nums">{i + 1}</td>
                  <td className="px-3 py-2 font-medium">{f.label}</td>
                  <td className="px-3 py-2"><code className="text-xs">{f.key}</code></td>
                  <td className="px-3 py-2">{typeLabel(f)}</td>
                  <td className="px-3 py-2"><Rules field={f} /></td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link to="/settings/data-model/$objectKey/fields/$fieldKey" params={{ objectKey: key, fieldKey: f.key }} className="text-brand underline-offset-2 hover:underline" aria-label={t('objects.field.editNamed', { name: f.label })}>{t('objects.field.edit')}</Link>
                      <ConfirmAction
                        label={t('objects.field.remove')}
                        title={t('objects.field.remove.title', { name: f.label })}
                        description={t('objects.field.remove.text')}
                        run={(headers) => api.DELETE('/api/v1/objects/definitions/{key}/fields/{field}', { headers, params: { path: { key, field: f.key } } })}
                        onDone={refresh}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <ObjectRules definition={definition} onChanged={refresh} />
      {definition.removedFields.length > 0 ? (
        <Section title={t('objects.removedFields')}>
          <p className="max-w-prose text-sm text-slate-600">{t('objects.removedFields.intro')}</p>
          <ul className="space-y-2">
            {definition.removedFields.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
                <span className="font-medium">{f.label}</span>
                <code className="text-xs">{f.key}</code>
                <span>{typeLabel(f)}</span>
                <span className="ml-auto flex gap-2">
                  <ConfirmAction
                    label={t('objects.field.restore')}
                    title={t('objects.field.restore.title', { name: f.label })}
                    description={t('objects.field.restore.text')}
                    variant="primary"
                    run={(headers) => api.POST('/api/v1/objects/definitions/{key}/fields/{field}/restore', { headers, params: { path: { key, field: f.id } } })}
                    onDone={refresh}
                  />
                  <PurgeField definition={definition} field={f} onDone={refresh} />
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title={t('objects.details')}>
        <DetailList items={[
          { term: t('objects.key'), value: <code className="text-xs">{key}</code> },
          { term: t('objects.icon'), value: <span className="inline-flex items-center gap-2"><ObjectIcon name={definition.icon} />{definition.icon ?? '—'}</span> },
          { term: t('objects.version'), value: String(definition.version) },
        ]} />
        <NamesForm key={definition.version} definition={definition} />
      </Section>
      <ChangeHistory objectKey={key} version={definition.version} />
      <Section title={t('objects.archive')}>
        <p className="max-w-prose text-sm text-slate-600">{t('objects.archive.intro')}</p>
        <ConfirmAction
          label={t('objects.archive')}
          title={t('objects.archive.title', { name: definition.plural })}
          description={t('objects.archive.text')}
          variant="danger"
          run={(headers) => api.POST('/api/v1/objects/definitions/{key}/archive', { headers, params: { path: { key } } })}
          onDone={() => {
            void queries.invalidateQueries({ queryKey: ['objects'] });
            void navigate({ to: '/settings/data-model' });
          }}
        />
      </Section>
    </Page>
  );
}

/** One object's definition: its fields in order with their rules and actions, removed fields, its names, and its versions. */
export function DefinitionPage() {
  const t = useT();
  const { objectKey } = definitionRoute.useParams();
  const definition = useDefinition(objectKey);
  if (definition.error) return <Page title={t('page.notFound')}>{definition.error instanceof ApiError ? definition.error.problem.detail : t('list.failed')}</Page>;
  if (!definition.data) return <Page title={t('list.loading')}>{null}</Page>;
  return <Definition definition={definition.data} />;
}
