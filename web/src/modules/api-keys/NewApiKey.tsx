import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { useMe } from '../../workspace/me.js';
import { CheckboxGroupInput } from '../users/CheckboxGroupInput.js';
import { ApiKeyCreated, EXPIRY_CHOICES, expiryOf } from '../../ui/ApiKeyTable.js';
import { groupPermissions } from './types.js';

interface Values {
  name: string;
  expiry: string;
  /** The chosen permissions, by area (one checkbox group each). */
  perms: Record<string, string[]>;
}


export function NewApiKey() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const navigate = useNavigate();
  const queries = useQueryClient();
  // The key is answered once, by the creation: it lives in this page's state only.
  const [made, setMade] = useState<{ answer: unknown } | null>(null);
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { name: '', expiry: 'never', perms: {} }, idempotent: true });
  // A group nobody touched holds no array yet.
  const chosen = (v: Values) => Object.values(v.perms ?? {}).flatMap((p) => p ?? []);
  const submit = onSubmit(
    (v, headers) => api.POST('/api/v1/api-keys', {
      headers,
      body: { name: v.name.trim(), permissions: chosen(v), expiresAt: expiryOf(v.expiry) },
    }),
    (answer) => {
      void queries.invalidateQueries({ queryKey: ['api-keys'] });
      setMade({ answer });
    },
  );
  const back = () => void navigate({ to: '/api-keys' });
  if (made) return <ApiKeyCreated made={made.answer} onDismiss={back} listLink={<Link to="/api-keys" className="text-brand underline">{t('nav.apiKeys')}</Link>} />;
  const groups = groupPermissions(me.data?.permissions ?? []);
  const required = { required: t('form.required') };
  const atLeastOne = () => chosen(form.getValues()).length > 0 || t('api-keys.permissionsRequired');
  return (
    <Page title={t('api-keys.new')} actions={<Link to="/api-keys">{t('nav.apiKeys')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="name" label={t('api-keys.name')} autoComplete="off" rules={required} />
        <SelectInput
          control={form.control}
          name="expiry"
          label={t('api-keys.expiry')}
          options={EXPIRY_CHOICES.map((id) => ({ id, label: t(`api-keys.expiry.${id}`) }))}
        />
        <fieldset className="space-y-4">
          <legend className="text-sm font-medium text-slate-700">{t('api-keys.permissions')}</legend>
          <p className="text-sm text-slate-600">{t('api-keys.permissions.help')}</p>
          {groups.map(([area, permissions], i) => (
            <CheckboxGroupInput
              key={area}
              control={form.control}
              name={`perms.${area}`}
              label={t('api-keys.group', { area })}
              rules={i === 0 ? { validate: atLeastOne } : undefined}
              options={permissions.map((p) => ({ id: p, label: p }))}
            />
          ))}
        </fieldset>
      </ApiForm>
    </Page>
  );
}
