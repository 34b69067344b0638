import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { TextAreaInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { definitionsKey } from './api.js';
import { keyFromName } from './format.js';
import { OBJECT_ICONS } from './icons.js';

interface Values {
  singular: string;
  plural: string;
  key: string;
  icon: string;
  description: string;
}

/** The icon picker's choices: "none" and each icon by its name in words. */
export function useIconOptions() {
  const t = useT();
  return [{ id: 'none', label: t('objects.icon.none') }, ...Object.keys(OBJECT_ICONS).map((id) => ({ id, label: t(`objects.icon.${id}` as 'objects.icon.car') }))];
}

/** A new object: its names, its key (derived from the singular name until edited), icon and description. */
export function NewObject() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const icons = useIconOptions();
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { singular: '', plural: '', key: '', icon: 'none', description: '' }, idempotent: true });
  const singular = useWatch({ control: form.control, name: 'singular' });
  const derived = useRef('');
  useEffect(() => {
    // The key follows the name until someone edits it by hand.
    const key = form.getValues('key');
    if (key === derived.current) {
      derived.current = keyFromName(singular);
      form.setValue('key', derived.current);
    }
  }, [singular, form]);
  const submit = onSubmit(
    (v, headers) =>
      api.POST('/api/v1/objects/definitions', {
        headers,
        body: { key: v.key.trim(), singular: v.singular.trim(), plural: v.plural.trim(), ...(v.icon !== 'none' ? { icon: v.icon } : {}), ...(v.description.trim() ? { description: v.description.trim() } : {}) },
      }),
    (created) => {
      void queries.invalidateQueries({ queryKey: definitionsKey });
      void navigate({ to: '/settings/data-model/$objectKey', params: { objectKey: created.key } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <Page title={t('objects.new')} actions={<Link to="/settings/data-model">{t('nav.dataModel')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="singular" label={t('objects.singular')} description={t('objects.singular.help')} autoComplete="off" rules={required} />
        <TextInput control={form.control} name="plural" label={t('objects.plural')} description={t('objects.plural.help')} autoComplete="off" rules={required} />
        <TextInput control={form.control} name="key" label={t('objects.key')} description={t('objects.key.help')} autoComplete="off" rules={{ ...required, pattern: { value: /^[a-z][a-z0-9_]{1,39}$/, message: t('objects.key.invalid') } }} />
        <SelectInput control={form.control} name="icon" label={t('objects.icon')} options={icons} />
        <TextAreaInput control={form.control} name="description" label={t('objects.description')} rows={3} />
      </ApiForm>
    </Page>
  );
}
