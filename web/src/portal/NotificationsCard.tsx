import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/session.js';
import { useT, type MessageId } from '../i18n/intl.js';
import { ApiForm, useApiForm } from '../ui/form.js';
import { CheckboxInput } from '../ui/more-fields.js';
import { detailsCalls, NOTIFICATION_CATEGORIES, NOTIFICATION_CHANNELS, useMyNotificationPreferences, type NotificationPreferences } from './details-api.js';
import { Card, QueryState } from './parts.js';

const categoryLabel = (c: string): MessageId => `portal.notifications.${c as 'billing'}`;
const channelLabel = (c: string): MessageId => `portal.notifications.channel.${c as 'email'}`;

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm<NotificationPreferences>({ defaultValues: initial });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return detailsCalls(api).setPreferences(v);
    },
    (next) => {
      queries.setQueryData(['me', 'notification-preferences'], next);
      form.reset(next);
      setSaved(true);
    },
  );
  return (
    <>
      {saved ? <p role="status" className="text-sm text-green-800">{t('portal.details.saved')}</p> : null}
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        {NOTIFICATION_CATEGORIES.map((category) => (
          <fieldset key={category} className="space-y-2" data-testid={`notify-${category}`}>
            <legend className="text-sm font-medium text-slate-800">{t(categoryLabel(category))}</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {NOTIFICATION_CHANNELS.map((channel) => (
                <CheckboxInput key={channel} control={form.control} name={`${category}.${channel}`} label={t('portal.notifications.by', { category: t(categoryLabel(category)), channel: t(channelLabel(channel)) })} />
              ))}
            </div>
          </fieldset>
        ))}
      </ApiForm>
    </>
  );
}

/** What the member is told, and how: each category by e-mail and by SMS. Mandatory messages are always sent. */
export function NotificationsCard() {
  const t = useT();
  const prefs = useMyNotificationPreferences();
  return (
    <Card title={t('portal.notifications.title')} testId="notifications">
      <p className="text-sm text-slate-600">{t('portal.notifications.text')}</p>
      <QueryState loading={prefs.isPending} failed={prefs.isError} empty={false} emptyText="" />
      {prefs.data ? <PreferencesForm initial={prefs.data} /> : null}
    </Card>
  );
}
