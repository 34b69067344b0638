import { useEffect, useRef, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Controller, useWatch, type Control, type Path } from 'react-hook-form';
import { Checkbox, Text } from 'react-aria-components';
import { Check } from 'lucide-react';
import type { Problem } from '@courtyard/sdk';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT, type MessageId } from '../../i18n/intl.js';
import { errorStyle, messageOf } from '../../ui/field-styles.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { DetailList } from '../../ui/DetailList.js';
import { NumberInput, TextAreaInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { useMe } from '../../workspace/me.js';
import { definitionKey, useDefinitions, useDefinition } from './api.js';
import { ExpressionCheck } from './ExpressionCheck.js';
import { useTypeLabel } from './DefinitionPage.js';
import { boundValue, fieldFormOf, fieldPatchOf, fieldSpecOf, newFieldDefaults, type FieldFormValues } from './field-spec.js';
import { keyFromName } from './format.js';
import { addFieldRoute, editFieldRoute } from './routes.js';
import { FIELD_TYPES, rulesOf, STANDARD_TARGETS, type FieldType, type ObjectDefinition, type ObjectField } from './types.js';

/** A rule's checkbox, with the server's refusal under it (making a field unique over duplicates). */
function RuleCheckbox({ control, name, label, description }: { control: Control<FieldFormValues>; name: Path<FieldFormValues>; label: string; description: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <div>
          <Checkbox isSelected={Boolean(field.value)} onChange={field.onChange} name={field.name} isInvalid={fieldState.invalid} inputRef={field.ref} className="group flex items-center gap-2 text-sm text-slate-800">
            <span aria-hidden className="flex size-4 items-center justify-center rounded border border-slate-400 group-data-[selected]:border-brand group-data-[selected]:bg-brand group-data-[focus-visible]:ring-2 group-data-[focus-visible]:ring-brand/40 group-data-[invalid]:border-red-600">
              <Check size={12} className="hidden text-white group-data-[selected]:block" />
            </span>
            {label}
          </Checkbox>
          <Text className="ml-6 block text-xs text-slate-500">{description}</Text>
          {fieldState.error ? <p role="alert" className={`ml-6 ${errorStyle}`}>{messageOf(label, fieldState.error)}</p> : null}
        </div>
      )}
    />
  );
}

/** A name the form shows an input for holds a single value: `rules` as a whole (a range refused) is said above the form. */
const isLeaf = (v: unknown) => v !== undefined && (v === null || typeof v !== 'object');
const conflict = (p: Problem) => p.status === 409;

/** The rules a type takes, as inputs; the bounds say what they bound (a length, an amount, a date). */
function RuleInputs({ control, type, many, currency }: { control: Control<FieldFormValues>; type: FieldType; many: boolean; currency: string }) {
  const t = useT();
  const { locale } = useLocale();
  const zone = useMe().data?.tenant.timeZone ?? 'UTC';
  const rules = rulesOf(type, many);
  const boundKind = type === 'text' || type === 'email' || type === 'phone' || type === 'url' ? 'length' : type === 'date' ? 'date' : type === 'datetime' ? 'datetime' : type === 'currency' ? 'amount' : 'number';
  const validBound = (text: unknown) => boundValue(type, String(text ?? ''), currency || 'EUR', locale, zone).ok || t(`objects.bound.invalid.${boundKind}`);
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold">{t('objects.field.rules')}</legend>
      {rules.includes('required') ? <RuleCheckbox control={control} name="rules.required" label={t('objects.rule.required')} description={t('objects.rule.required.help')} /> : null}
      {rules.includes('unique') ? <RuleCheckbox control={control} name="rules.unique" label={t('objects.rule.unique')} description={t('objects.rule.unique.help')} /> : null}
      {rules.includes('min') ? <TextInput control={control} name="rules.min" label={t(`objects.bound.min.${boundKind}`)} description={t(`objects.bound.help.${boundKind}`)} autoComplete="off" rules={{ validate: validBound }} /> : null}
      {rules.includes('max') ? <TextInput control={control} name="rules.max" label={t(`objects.bound.max.${boundKind}`)} description={t(`objects.bound.help.${boundKind}`)} autoComplete="off" rules={{ validate: validBound }} /> : null}
      {rules.includes('pattern') ? <TextInput control={control} name="rules.pattern" label={t('objects.rule.pattern')} description={t('objects.rule.pattern.help')} autoComplete="off" /> : null}
      {rules.includes('apiOnly') ? <RuleCheckbox control={control} name="rules.apiOnly" label={t('objects.rule.apiOnly')} description={t('objects.rule.apiOnly.help')} /> : null}
      {rules.length === 0 ? <p className="text-sm text-slate-600">{t('objects.rule.noneForType')}</p> : null}
    </fieldset>
  );
}

/** A formula's expression, checked by the server as it is typed (its result type, or its errors at their positions). */
function FormulaInput({ control, objectKey, help }: { control: Control<FieldFormValues>; objectKey: string; help?: string }) {
  const t = useT();
  const expression = useWatch({ control, name: 'config.expression' });
  return (
    <div className="space-y-1">
      <TextAreaInput control={control} name="config.expression" label={t('objects.config.expression')} description={help} rows={2} rules={{ required: t('form.required') }} />
      <ExpressionCheck objectKey={objectKey} expression={expression ?? ''} purpose="formula" />
    </div>
  );
}

const ROLLUP_FNS = ['count', 'sum', 'min', 'max'] as const;
const AGGREGATABLE = new Set(['number', 'currency', 'date', 'datetime', 'formula', 'rollup']);

/** A rollup: which records (another object's, through its relation pointing at this one), and what of them (a count, or a sum, min or max of a field). */
function RollupInputs({ control, definition, objects }: { control: Control<FieldFormValues>; definition: ObjectDefinition; objects: readonly ObjectDefinition[] }) {
  const t = useT();
  const [object, fn] = useWatch({ control, name: ['config.object', 'config.fn'] });
  const pointing = (d: ObjectDefinition) => d.fields.filter((f) => f.type === 'relation' && !f.config.many && f.config.target === definition.key);
  const sources = objects.filter((d) => pointing(d).length > 0);
  const source = sources.find((d) => d.key === object);
  const required = { required: t('form.required') };
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold">{t('objects.rollup')}</legend>
      <p className="text-sm text-slate-600">{t('objects.rollup.help', { name: definition.singular })}</p>
      {sources.length === 0 ? <p className="text-sm text-slate-600">{t('objects.rollup.noSources', { name: definition.singular })}</p> : null}
      <SelectInput control={control} name="config.object" label={t('objects.rollup.object')} options={sources.map((d) => ({ id: d.key, label: d.plural }))} rules={required} />
      <SelectInput control={control} name="config.relation" label={t('objects.rollup.relation')} options={(source ? pointing(source) : []).map((f) => ({ id: f.key, label: f.label }))} rules={required} />
      <SelectInput control={control} name="config.fn" label={t('objects.rollup.fn')} options={ROLLUP_FNS.map((id) => ({ id, label: t(`objects.rollup.fn.${id}`) }))} rules={required} />
      {fn !== 'count' ? <SelectInput control={control} name="config.field" label={t('objects.rollup.field')} options={(source?.fields ?? []).filter((f) => AGGREGATABLE.has(f.type)).map((f) => ({ id: f.key, label: f.label }))} rules={required} /> : null}
    </fieldset>
  );
}

function AddFieldForm({ definition }: { definition: ObjectDefinition }) {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { locale } = useLocale();
  const zone = useMe().data?.tenant.timeZone ?? 'UTC';
  const objects = useDefinitions();
  const bound = useApiForm<FieldFormValues>({ defaultValues: newFieldDefaults(), idempotent: true, hasField: (name): boolean => isLeaf(bound.form.getValues(name as Path<FieldFormValues>)), showDetail: conflict });
  const { form, formError, onSubmit } = bound;
  const [type, many, currency, label] = useWatch({ control: form.control, name: ['type', 'config.many', 'config.currency', 'label'] });
  const derived = useRef('');
  useEffect(() => {
    if (form.getValues('key') === derived.current) {
      derived.current = keyFromName(label);
      form.setValue('key', derived.current);
    }
  }, [label, form]);
  const submit = onSubmit(
    (v, headers) => api.POST('/api/v1/objects/definitions/{key}/fields', { headers, params: { path: { key: definition.key } }, body: fieldSpecOf(v, locale, zone).spec as never }),
    (changed) => {
      queries.setQueryData(definitionKey(definition.key), changed);
      void queries.invalidateQueries({ queryKey: ['objects'] });
      void navigate({ to: '/settings/data-model/$objectKey', params: { objectKey: definition.key } });
    },
  );
  const required = { required: t('form.required') };
  const targets = [...STANDARD_TARGETS.map((id) => ({ id, label: t(`objects.target.${id}`) })), ...(objects.data ?? []).map((d) => ({ id: d.key, label: d.singular }))];
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={t('objects.field.add')}>
      <TextInput control={form.control} name="label" label={t('objects.field.label')} autoComplete="off" rules={required} />
      <TextInput control={form.control} name="key" label={t('objects.key')} description={t('objects.field.key.help')} autoComplete="off" rules={{ ...required, pattern: { value: /^[a-z][a-z0-9_]{0,39}$/, message: t('objects.key.invalid') } }} />
      <SelectInput control={form.control} name="type" label={t('objects.field.type')} options={FIELD_TYPES.map((id) => ({ id, label: t(`objects.type.${id}` as MessageId) }))} rules={required} />
      {type === 'text' ? <NumberInput control={form.control} name="config.maxLength" label={t('objects.config.maxLength')} minValue={1} maxValue={500} step={1} description={t('objects.config.maxLength.help')} /> : null}
      {type === 'number' ? <NumberInput control={form.control} name="config.decimals" label={t('objects.config.decimals')} minValue={0} maxValue={6} step={1} /> : null}
      {type === 'currency' ? <TextInput control={form.control} name="config.currency" label={t('objects.config.currency')} description={t('objects.config.currency.help')} autoComplete="off" rules={{ ...required, pattern: { value: /^[A-Za-z]{3}$/, message: t('objects.config.currency.invalid') } }} /> : null}
      {type === 'select' || type === 'multi_select' ? <TextAreaInput control={form.control} name="config.options" label={t('objects.config.options')} description={t('objects.config.options.help')} rows={4} rules={required} /> : null}
      {type === 'relation' ? (
        <>
          <SelectInput control={form.control} name="config.target" label={t('objects.config.target')} options={targets} rules={required} />
          <RuleCheckbox control={form.control} name="config.many" label={t('objects.config.many')} description={t('objects.config.many.help')} />
        </>
      ) : null}
      {type === 'formula' ? <FormulaInput control={form.control} objectKey={definition.key} help={t('objects.config.expression.help')} /> : null}
      {type === 'rollup' ? <RollupInputs control={form.control} definition={definition} objects={objects.data ?? []} /> : null}
      <RuleInputs control={form.control} type={type} many={many} currency={currency} />
    </ApiForm>
  );
}

function EditFieldForm({ definition, field }: { definition: ObjectDefinition; field: ObjectField }) {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { locale } = useLocale();
  const typeLabel = useTypeLabel();
  const zone = useMe().data?.tenant.timeZone ?? 'UTC';
  const bound = useApiForm<FieldFormValues>({ defaultValues: fieldFormOf(field, zone), hasField: (name): boolean => isLeaf(bound.form.getValues(name as Path<FieldFormValues>)), showDetail: conflict });
  const { form, formError, onSubmit } = bound;
  const submit = onSubmit(
    (v) => api.PATCH('/api/v1/objects/definitions/{key}/fields/{field}', { params: { path: { key: definition.key, field: field.key } }, body: fieldPatchOf(field, v, locale, zone).patch as never }),
    (changed) => {
      queries.setQueryData(definitionKey(definition.key), changed);
      void queries.invalidateQueries({ queryKey: ['objects'] });
      void navigate({ to: '/settings/data-model/$objectKey', params: { objectKey: definition.key } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <>
      <DetailList items={[{ term: t('objects.key'), value: <code className="text-xs">{field.key}</code> }, { term: t('objects.field.type'), value: typeLabel(field) }]} />
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="label" label={t('objects.field.label')} autoComplete="off" rules={required} />
        {field.type === 'select' || field.type === 'multi_select' ? <TextAreaInput control={form.control} name="config.options" label={t('objects.config.options')} description={t('objects.config.options.editHelp')} rows={5} rules={required} /> : null}
        {field.type === 'formula' ? <FormulaInput control={form.control} objectKey={definition.key} /> : null}
        <RuleInputs control={form.control} type={field.type} many={field.config.many ?? false} currency={field.config.currency ?? 'EUR'} />
      </ApiForm>
    </>
  );
}

function Loading({ objectKey, children }: { objectKey: string; children: (definition: ObjectDefinition) => ReactNode }) {
  const t = useT();
  const definition = useDefinition(objectKey);
  if (definition.error) return <Page title={t('page.notFound')}>{definition.error instanceof ApiError ? definition.error.problem.detail : t('list.failed')}</Page>;
  if (!definition.data) return <Page title={t('list.loading')}>{null}</Page>;
  return <>{children(definition.data)}</>;
}

const back = (key: string, label: string) => <Link to="/settings/data-model/$objectKey" params={{ objectKey: key }}>{label}</Link>;

/** "Add field": a type picker, the settings of that type (options, currency, relation target and kind), and its rules. */
export function AddField() {
  const t = useT();
  const { objectKey } = addFieldRoute.useParams();
  return (
    <Loading objectKey={objectKey}>
      {(d) => (
        <Page title={t('objects.field.addTo', { name: d.singular })} actions={back(d.key, d.plural)}>
          <AddFieldForm definition={d} />
        </Page>
      )}
    </Loading>
  );
}

/** A field's label, options and rules (its key and type never change). */
export function EditField() {
  const t = useT();
  const { objectKey, fieldKey } = editFieldRoute.useParams();
  return (
    <Loading objectKey={objectKey}>
      {(d) => {
        const field = d.fields.find((f) => f.key === fieldKey);
        if (!field) return <Page title={t('page.notFound')}>{t('objects.field.notFound')}</Page>;
        return (
          <Page title={t('objects.field.editTitle', { name: field.label })} actions={back(d.key, d.plural)}>
            <EditFieldForm definition={d} field={field} />
          </Page>
        );
      }}
    </Loading>
  );
}
