import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { CheckboxGroupInput } from '../users/CheckboxGroupInput.js';
import { SecretPanel } from '../../ui/SecretPanel.js';
import { eventOptions, secretOf } from './types.js';

interface Values {
  url: string;
  description: string;
  events: string[];
}

export function NewEndpoint() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  // The secret is answered once, by the creation: it lives in this page's state only.
  const [created, setCreated] = useState<{ id: string; secret: string | null } | null>(null);
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { url: '', description: '', events: ['*'] }, idempotent: true });
  const submit = onSubmit(
    (v, headers) => api.POST('/api/v1/webhooks/endpoints', { headers, body: { url: v.url.trim(), description: v.description.trim(), events: v.events } }),
    (endpoint) => {
      void queries.invalidateQueries({ queryKey: ['webhook-endpoints'] });
      setCreated({ id: endpoint.id, secret: secretOf(endpoint) });
    },
  );
  const open = (id: string) => void navigate({ to: '/webhooks/$endpointId', params: { endpointId: id } });
  if (created) {
    return (
      <Page title={t('webhooks.created')}>
        {created.secret ? (
          <SecretPanel secret={created.secret} onDismiss={() => open(created.id)} dismissLabel={t('webhooks.secret.stored')} />
        ) : (
          <p className="text-sm">
            {t('webhooks.replayed')} <Link to="/webhooks/$endpointId" params={{ endpointId: created.id }} className="text-brand underline">{t('webhooks.openEndpoint')}</Link>
          </p>
        )}
      </Page>
    );
  }
  const required = { required: t('form.required') };
  return (
    <Page title={t('webhooks.new')} actions={<Link to="/webhooks">{t('nav.webhooks')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="url" label={t('webhooks.url')} autoComplete="off" rules={required} description={t('webhooks.url.help')} />
        <TextInput control={form.control} name="description" label={t('webhooks.description')} autoComplete="off" />
        <CheckboxGroupInput control={form.control} name="events" label={t('webhooks.events')} rules={{ validate: (v) => (Array.isArray(v) && v.length > 0) || t('webhooks.eventsRequired') }} options={eventOptions([], t)} />
      </ApiForm>
    </Page>
  );
}
