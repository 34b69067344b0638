import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError, asProblem, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, newIdempotencyKey, useApiForm } from '../../ui/form.js';
import { CheckboxInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { SimpleTable } from '../members/SimpleTable.js';
import { CheckboxGroupInput } from '../users/CheckboxGroupInput.js';
import { endpointRoute } from './routes.js';
import { SecretPanel } from '../../ui/SecretPanel.js';
import { eventOptions, secretOf, type Endpoint } from './types.js';
import { formatTimestamp } from '../../ui/dates.js';

interface Values {
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
}

function EditForm({ endpoint }: { endpoint: Endpoint }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { url: endpoint.url, description: endpoint.description, events: endpoint.events, enabled: endpoint.enabled } });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/api/v1/webhooks/endpoints/{id}', { params: { path: { id: endpoint.id } }, body: { url: v.url.trim(), description: v.description.trim(), events: v.events, enabled: v.enabled } });
    },
    (next) => {
      queries.setQueryData(['webhook-endpoint', endpoint.id], next);
      void queries.invalidateQueries({ queryKey: ['webhook-endpoints'] });
      setSaved(true);
    },
  );
  const required = { required: t('form.required') };
  return (
    <Section title={t('webhooks.edit')}>
      {saved ? <p role="status" className="text-sm text-green-800">{t('webhooks.saved')}</p> : null}
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="url" label={t('webhooks.url')} autoComplete="off" rules={required} />
        <TextInput control={form.control} name="description" label={t('webhooks.description')} autoComplete="off" />
        <CheckboxGroupInput control={form.control} name="events" label={t('webhooks.events')} rules={{ validate: (v) => (Array.isArray(v) && v.length > 0) || t('webhooks.eventsRequired') }} options={eventOptions(endpoint.events, t)} />
        <CheckboxInput control={form.control} name="enabled" label={t('webhooks.enabledField')} />
      </ApiForm>
    </Section>
  );
}

function Deliveries({ endpointId, canWrite }: { endpointId: string; canWrite: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const queries = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const deliveries = useQuery({ queryKey: ['webhook-deliveries', endpointId], queryFn: async () => unwrap(await api.GET('/api/v1/webhooks/endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query: { limit: 50 } } })) });
  async function retry(id: string) {
    setError(null);
    try {
      const answer = await api.POST('/api/v1/webhooks/deliveries/{id}/retry', { headers: { 'idempotency-key': newIdempotencyKey() }, params: { path: { id } } });
      if (!answer.response.ok) setError(asProblem(answer.error, answer.response).detail ?? t('list.failed'));
    } catch {
      setError(t('form.networkError'));
    }
    void queries.invalidateQueries({ queryKey: ['webhook-deliveries', endpointId] });
  }
  const when = (at: string | null) => (at ? formatTimestamp(at, locale, { seconds: true }) : '—');
  return (
    <Section title={t('webhooks.deliveries')} actions={<Button variant="secondary" onPress={() => void deliveries.refetch()}>{t('webhooks.refresh')}</Button>}>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <SimpleTable
        caption={t('webhooks.deliveries')}
        headers={[t('webhooks.event'), t('webhooks.status'), t('webhooks.attempts'), t('webhooks.responseCode'), t('webhooks.lastAttempt'), t('webhooks.actions')]}
        empty={deliveries.isLoading ? t('list.loading') : t('webhooks.noDeliveries')}
        rows={(deliveries.data?.data ?? []).map((d) => ({
          key: d.id,
          cells: [
            d.eventType,
            t(`webhooks.delivery.${d.status}`),
            d.attemptCount,
            d.lastStatusCode ?? (d.lastError ? t('webhooks.noResponse') : '—'),
            when(d.lastAttemptAt),
            canWrite && d.status === 'failed' ? (
              <Button key="retry" variant="secondary" onPress={() => void retry(d.id)} aria-label={t('webhooks.retryDelivery', { event: d.eventType })}>
                {t('webhooks.retry')}
              </Button>
            ) : null,
          ],
        }))}
      />
    </Section>
  );
}

export function EndpointPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { endpointId } = endpointRoute.useParams();
  const [secret, setSecret] = useState<string | null>(null);
  const [tested, setTested] = useState(false);
  const endpoint = useQuery({ queryKey: ['webhook-endpoint', endpointId], queryFn: async () => unwrap(await api.GET('/api/v1/webhooks/endpoints/{id}', { params: { path: { id: endpointId } } })) });
  if (endpoint.error) return <Page title={t('page.notFound')}>{endpoint.error instanceof ApiError ? endpoint.error.problem.detail : t('list.failed')}</Page>;
  const e = endpoint.data;
  if (!e) return <Page title={t('list.loading')}>{null}</Page>;
  const canWrite = may(me.data, 'webhooks', 'webhooks.write');
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ['webhook-endpoint', endpointId] });
    void queries.invalidateQueries({ queryKey: ['webhook-deliveries', endpointId] });
  };
  return (
    <Page
      title={t('webhooks.endpoint')}
      actions={
        <>
          <Link to="/webhooks" className="self-center text-sm">{t('nav.webhooks')}</Link>
          {canWrite ? (
            <>
              <ConfirmAction
                label={t('webhooks.test')}
                title={t('webhooks.test.title')}
                description={t('webhooks.test.description')}
                confirmLabel={t('webhooks.test.confirm')}
                run={(headers) => api.POST('/api/v1/webhooks/endpoints/{id}/test', { headers, params: { path: { id: endpointId } } })}
                onDone={() => {
                  setTested(true);
                  refresh();
                }}
              />
              <ConfirmAction
                label={t('webhooks.rotate')}
                title={t('webhooks.rotate.title')}
                description={t('webhooks.rotate.description')}
                run={(headers) => api.POST('/api/v1/webhooks/endpoints/{id}/rotate-secret', { headers, params: { path: { id: endpointId } } })}
                onDone={(data) => {
                  setSecret(secretOf(data));
                  refresh();
                }}
              />
              <ConfirmAction
                label={t('webhooks.delete')}
                title={t('webhooks.delete.title')}
                description={t('webhooks.delete.description', { url: e.url })}
                variant="danger"
                run={(headers) => api.DELETE('/api/v1/webhooks/endpoints/{id}', { headers, params: { path: { id: endpointId } } })}
                onDone={() => {
                  void queries.invalidateQueries({ queryKey: ['webhook-endpoints'] });
                  void navigate({ to: '/webhooks' });
                }}
              />
            </>
          ) : null}
        </>
      }
    >
      {secret ? <SecretPanel secret={secret} onDismiss={() => setSecret(null)} /> : null}
      {tested ? <p role="status" className="text-sm text-green-800">{t('webhooks.test.sent')}</p> : null}
      <Section title={t('webhooks.details')}>
        <DetailList
          items={[
            { term: t('webhooks.url'), value: <span className="break-all">{e.url}</span> },
            { term: t('webhooks.description'), value: e.description },
            { term: t('webhooks.events'), value: e.events.join(', ') },
            { term: t('webhooks.status'), value: e.enabled ? t('webhooks.enabled') : e.disabledReason ? t(`webhooks.disabledReason.${e.disabledReason}`) : t('webhooks.disabled') },
            { term: t('webhooks.previousSecret'), value: e.previousSecretExpiresAt ? t('webhooks.previousSecretUntil', { at: formatTimestamp(e.previousSecretExpiresAt, locale) }) : null },
          ]}
        />
      </Section>
      <Deliveries endpointId={endpointId} canWrite={canWrite} />
      {canWrite ? <EditForm key={e.updatedAt} endpoint={e} /> : null}
    </Page>
  );
}
