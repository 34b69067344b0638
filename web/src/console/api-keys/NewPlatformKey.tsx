import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ApiKeyCreated, EXPIRY_CHOICES, expiryOf } from '../../ui/ApiKeyTable.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';

/** Operators hold one permission, and a key acts with it. */
const OPERATOR_PERMISSIONS = ['platform.admin'];

export function NewPlatformKey() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  // The key is answered once, by the creation: it lives in this page's state only.
  const [made, setMade] = useState<{ answer: unknown } | null>(null);
  const { form, formError, onSubmit, stepUp } = useApiForm<{ name: string; expiry: string }>({ defaultValues: { name: '', expiry: '90' }, idempotent: true });
  const submit = onSubmit(
    (v, headers) => api.POST('/control/v1/api-keys', { headers, body: { name: v.name.trim(), permissions: OPERATOR_PERMISSIONS, expiresAt: expiryOf(v.expiry) } }),
    (answer) => {
      void queries.invalidateQueries({ queryKey: ['platform-keys'] });
      setMade({ answer });
    },
  );
  const back = () => void navigate({ to: '/api-keys' });
  if (made) return <ApiKeyCreated made={made.answer} onDismiss={back} listLink={<Link to="/api-keys" className="text-brand underline">{t('console.apiKeys.title')}</Link>} />;
  return (
    <Page title={t('api-keys.new')} actions={<Link to="/api-keys">{t('console.apiKeys.title')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={submit} stepUp={stepUp}>
        <TextInput control={form.control} name="name" label={t('api-keys.name')} autoComplete="off" rules={{ required: t('form.required') }} />
        <SelectInput control={form.control} name="expiry" label={t('api-keys.expiry')} options={EXPIRY_CHOICES.map((id) => ({ id, label: t(`api-keys.expiry.${id}`) }))} />
        <p className="text-sm text-slate-600">{t('console.apiKeys.permission')}</p>
      </ApiForm>
    </Page>
  );
}
