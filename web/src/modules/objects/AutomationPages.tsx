import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT, type MessageId } from '../../i18n/intl.js';
import { Button, buttonLink } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { Section } from '../../ui/DetailList.js';
import { formatTimestamp } from '../../ui/dates.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { CheckboxInput, NumberInput, TextAreaInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { SimpleTable } from '../members/SimpleTable.js';
import { useDefinition, useDefinitions } from './api.js';
import { ACTION_TYPES, automationBodyOf, automationFormOf, newAction, newAutomationDefaults, TRIGGER_TYPES, type ApiAutomation, type AutomationFormValues } from './automation-form.js';
import { automationRoute, automationsRoute, newAutomationRoute } from './routes.js';
import type { ObjectDefinition } from './types.js';

const automationsKey = (key: string) => ['objects', 'automations', key] as const;
const link = 'text-brand underline-offset-2 hover:underline';

function useAutomations(key: string) {
  const api = useApi();
  return useQuery({ queryKey: automationsKey(key), queryFn: async () => unwrap(await api.GET('/api/v1/objects/definitions/{key}/automations', { params: { path: { key } } })).data as unknown as ApiAutomation[] });
}

/** "14 days before Valid to", "When a record is updated (status)". */
function useTriggerText(definition: ObjectDefinition) {
  const t = useT();
  return (a: ApiAutomation) => {
    const label = (key?: string) => definition.fields.find((f) => f.key === key)?.label ?? key ?? '';
    if (a.trigger.type !== 'date') return t(`objects.automation.trigger.${a.trigger.type}` as MessageId) + (a.trigger.fields ? ` (${a.trigger.fields.join(', ')})` : '');
    const days = a.trigger.offsetDays ?? 0;
    return days === 0 ? t('objects.automation.when.on', { field: label(a.trigger.field) }) : t(days < 0 ? 'objects.automation.when.before' : 'objects.automation.when.after', { days: Math.abs(days), field: label(a.trigger.field) });
  };
}

/** Settings → Data model → an object → Automations: what runs when its records change or a date arrives. */
export function AutomationsPage() {
  const t = useT();
  const { objectKey } = automationsRoute.useParams();
  const definition = useDefinition(objectKey);
  const automations = useAutomations(objectKey);
  const triggerText = useTriggerText(definition.data ?? ({ fields: [] } as unknown as ObjectDefinition));
  const rows = (automations.data ?? []).map((a) => ({
    key: a.id,
    cells: [
      <Link key="n" to="/settings/data-model/$objectKey/automations/$automationId" params={{ objectKey, automationId: a.id }} className={`font-medium ${link}`}>{a.name}</Link>,
      triggerText(a),
      a.actions.map((x) => t(`objects.automation.action.${x.type}` as MessageId)).join(', '),
      a.enabled ? t('objects.automation.enabled') : t('objects.automation.disabled'),
    ],
  }));
  return (
    <Page title={t('objects.automations.title', { name: definition.data?.plural ?? objectKey })} actions={<Link to="/settings/data-model/$objectKey/automations/new" params={{ objectKey }} className={buttonLink}>{t('objects.automation.new')}</Link>}>
      <p><Link to="/settings/data-model/$objectKey" params={{ objectKey }} className={`text-sm ${link}`}>{t('objects.automation.backToObject')}</Link></p>
      <p className="max-w-prose text-sm text-slate-600">{t('objects.automations.intro')}</p>
      {automations.error ? <p role="alert" className="text-sm text-red-700">{automations.error instanceof ApiError ? automations.error.problem.detail : t('list.failed')}</p> : null}
      <SimpleTable caption={t('objects.automations')} headers={[t('objects.name'), t('objects.automation.trigger'), t('objects.automation.actions'), t('objects.automation.state')]} rows={rows} empty={automations.isLoading ? t('list.loading') : t('objects.automations.none')} />
    </Page>
  );
}

function ActionInputs({ control, index, definition, onRemove }: { control: Control<AutomationFormValues>; index: number; definition: ObjectDefinition; onRemove?: () => void }) {
  const t = useT();
  const objects = useDefinitions();
  const type = useWatch({ control, name: `actions.${index}.type` });
  const fields = definition.fields.filter((f) => f.type !== 'formula').map((f) => ({ id: f.key, label: f.label }));
  const addresses = definition.fields.filter((f) => f.type === 'email' || (f.type === 'relation' && f.config.target === 'member' && !f.config.many)).map((f) => ({ id: f.key, label: f.label }));
  const required = { required: t('form.required') };
  const at = `actions.${index}` as const;
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold">{t('objects.automation.actionNumber', { n: index + 1 })}</legend>
      <SelectInput control={control} name={`${at}.type`} label={t('objects.automation.actionType')} options={ACTION_TYPES.map((id) => ({ id, label: t(`objects.automation.action.${id}` as MessageId) }))} />
      {type === 'set_field' ? (
        <>
          <SelectInput control={control} name={`${at}.field`} label={t('objects.automation.field')} options={fields} rules={required} />
          <TextInput control={control} name={`${at}.expression`} label={t('objects.automation.value')} description={t('objects.automation.value.help')} autoComplete="off" rules={required} />
        </>
      ) : null}
      {type === 'create_record' ? (
        <>
          <SelectInput control={control} name={`${at}.object`} label={t('objects.automation.object')} options={(objects.data ?? []).map((d) => ({ id: d.key, label: d.singular }))} rules={required} />
          <TextInput control={control} name={`${at}.relationField`} label={t('objects.automation.relationField')} description={t('objects.automation.relationField.help')} autoComplete="off" rules={required} />
          <TextAreaInput control={control} name={`${at}.values`} label={t('objects.automation.values')} description={t('objects.automation.values.help')} rows={3} />
        </>
      ) : null}
      {type === 'send_mail' ? (
        <>
          <SelectInput control={control} name={`${at}.to`} label={t('objects.automation.to')} options={addresses} rules={required} />
          <TextInput control={control} name={`${at}.subject`} label={t('objects.automation.subject')} description={t('objects.automation.template.help', { example: '{{plate}}' })} autoComplete="off" rules={required} />
          <TextAreaInput control={control} name={`${at}.body`} label={t('objects.automation.body')} description={t('objects.automation.template.help', { example: '{{plate}}' })} rows={4} rules={required} />
        </>
      ) : null}
      {type === 'emit_webhook' ? <TextInput control={control} name={`${at}.event`} label={t('objects.automation.event')} description={t('objects.automation.event.help', { type: `object.${definition.key}.automation` })} autoComplete="off" rules={{ ...required, pattern: { value: /^[a-z][a-z0-9_]{0,39}$/, message: t('objects.key.invalid') } }} /> : null}
      {onRemove ? <Button variant="secondary" onPress={onRemove}>{t('objects.automation.removeAction', { n: index + 1 })}</Button> : null}
    </fieldset>
  );
}

/** The form of an automation, new or changed: checked by the server on save (the condition's errors at the field). */
function AutomationForm({ definition, automation }: { definition: ObjectDefinition; automation?: ApiAutomation }) {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const key = definition.key;
  const { form, formError, onSubmit } = useApiForm<AutomationFormValues>({ defaultValues: automation ? automationFormOf(automation) : newAutomationDefaults(), idempotent: !automation });
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const triggerType = useWatch({ control: form.control, name: 'trigger.type' });
  const dates = definition.fields.filter((f) => f.type === 'date' || f.type === 'datetime').map((f) => ({ id: f.key, label: f.label }));
  const submit = onSubmit(
    (v, headers) =>
      automation
        ? api.PATCH('/api/v1/objects/definitions/{key}/automations/{id}', { params: { path: { key, id: automation.id } }, body: automationBodyOf(v) as never })
        : api.POST('/api/v1/objects/definitions/{key}/automations', { headers, params: { path: { key } }, body: automationBodyOf(v) as never }),
    () => {
      void queries.invalidateQueries({ queryKey: automationsKey(key) });
      void navigate({ to: '/settings/data-model/$objectKey/automations', params: { objectKey: key } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={automation ? t('objects.automation.save') : t('objects.automation.create')}>
      <TextInput control={form.control} name="name" label={t('objects.name')} autoComplete="off" rules={required} />
      <CheckboxInput control={form.control} name="enabled" label={t('objects.automation.enabled')} />
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">{t('objects.automation.trigger')}</legend>
        <SelectInput control={form.control} name="trigger.type" label={t('objects.automation.when')} options={TRIGGER_TYPES.map((id) => ({ id, label: t(`objects.automation.trigger.${id}` as MessageId) }))} />
        {triggerType === 'updated' ? <TextInput control={form.control} name="trigger.fields" label={t('objects.automation.onlyFields')} description={t('objects.automation.onlyFields.help')} autoComplete="off" /> : null}
        {triggerType === 'date' ? (
          <>
            <SelectInput control={form.control} name="trigger.field" label={t('objects.automation.dateField')} options={dates} rules={required} />
            <NumberInput control={form.control} name="trigger.offsetDays" label={t('objects.automation.offsetDays')} description={t('objects.automation.offsetDays.help')} minValue={-3650} maxValue={3650} step={1} />
          </>
        ) : null}
      </fieldset>
      <TextAreaInput control={form.control} name="condition" label={t('objects.automation.condition')} description={t('objects.automation.condition.help')} rows={2} />
      {actions.fields.map((f, i) => <ActionInputs key={f.id} control={form.control} index={i} definition={definition} onRemove={actions.fields.length > 1 ? () => actions.remove(i) : undefined} />)}
      {actions.fields.length < 10 ? <Button variant="secondary" onPress={() => actions.append(newAction())}>{t('objects.automation.addAction')}</Button> : null}
    </ApiForm>
  );
}

export function NewAutomation() {
  const t = useT();
  const { objectKey } = newAutomationRoute.useParams();
  const definition = useDefinition(objectKey);
  if (!definition.data) return <Page title={t('list.loading')}>{null}</Page>;
  return (
    <Page title={t('objects.automation.new')}>
      <p><Link to="/settings/data-model/$objectKey/automations" params={{ objectKey }} className={`text-sm ${link}`}>{t('objects.automation.backToList')}</Link></p>
      <AutomationForm definition={definition.data} />
    </Page>
  );
}

function RunLog({ objectKey, id }: { objectKey: string; id: string }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const runs = useQuery({ queryKey: [...automationsKey(objectKey), id, 'runs'], queryFn: async () => unwrap(await api.GET('/api/v1/objects/definitions/{key}/automations/{id}/runs', { params: { path: { key: objectKey, id }, query: { limit: 50 } } })).data });
  const status = (s: string) => t(`objects.automation.status.${s}` as MessageId);
  const rows = (runs.data ?? []).map((r) => ({
    key: r.id,
    cells: [
      formatTimestamp(r.createdAt, locale),
      r.recordId ? <Link key="r" to="/objects/$objectKey/$recordId" params={{ objectKey, recordId: r.recordId }} className={link}>{`#${r.recordId.slice(-8)}`}</Link> : '—',
      status(r.status),
      <ul key="a" className="space-y-1">
        {r.actions.map((a, i) => <li key={i}>{t(`objects.automation.action.${a.type}` as MessageId)}: {status(a.status)}{a.attempts > 1 ? ` (${t('objects.automation.attempts', { count: a.attempts })})` : ''}{a.error ? <span className="block text-xs text-red-700">{a.error}</span> : null}</li>)}
      </ul>,
    ],
  }));
  return (
    <Section title={t('objects.automation.runs')}>
      <SimpleTable caption={t('objects.automation.runs')} headers={[t('objects.automation.run.when'), t('objects.automation.run.record'), t('objects.automation.run.status'), t('objects.automation.actions')]} rows={rows} empty={runs.isLoading ? t('list.loading') : t('objects.automation.runs.none')} />
    </Section>
  );
}

/** One automation: its form, its run log, and removing it. */
export function AutomationPage() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { objectKey, automationId } = automationRoute.useParams();
  const definition = useDefinition(objectKey);
  const automation = useQuery({ queryKey: [...automationsKey(objectKey), automationId], queryFn: async () => unwrap(await api.GET('/api/v1/objects/definitions/{key}/automations/{id}', { params: { path: { key: objectKey, id: automationId } } })) as unknown as ApiAutomation });
  if (automation.error) return <Page title={t('page.notFound')}>{automation.error instanceof ApiError ? automation.error.problem.detail : t('list.failed')}</Page>;
  if (!definition.data || !automation.data) return <Page title={t('list.loading')}>{null}</Page>;
  return (
    <Page title={automation.data.name}>
      <p><Link to="/settings/data-model/$objectKey/automations" params={{ objectKey }} className={`text-sm ${link}`}>{t('objects.automation.backToList')}</Link></p>
      <AutomationForm key={automation.data.id + String(automation.dataUpdatedAt)} definition={definition.data} automation={automation.data} />
      <RunLog objectKey={objectKey} id={automationId} />
      <Section title={t('objects.automation.delete')}>
        <ConfirmAction
          label={t('objects.automation.delete')}
          title={t('objects.automation.delete.title', { name: automation.data.name })}
          description={t('objects.automation.delete.text')}
          variant="danger"
          run={(headers) => api.DELETE('/api/v1/objects/definitions/{key}/automations/{id}', { headers, params: { path: { key: objectKey, id: automationId } } })}
          onDone={() => {
            void queries.invalidateQueries({ queryKey: automationsKey(objectKey) });
            void navigate({ to: '/settings/data-model/$objectKey/automations', params: { objectKey } });
          }}
        />
      </Section>
    </Page>
  );
}
