import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { PasswordForm, Sessions } from '../../ui/AccountForms.js';
import { Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { operatorAccountCalls, type Operator } from './operator-api.js';

const ME = ['operator-me'];

function NameForm({ me, rename }: { me: Operator; rename: (name: string) => ReturnType<ReturnType<typeof operatorAccountCalls>['rename']> }) {
  const t = useT();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm<{ name: string }>({ defaultValues: { name: me.name } });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return rename(v.name.trim());
    },
    (next) => {
      queries.setQueryData(ME, next);
      setSaved(true);
    },
  );
  return (
    <Section title={t('account.profile')}>
      {saved ? <p role="status" className="mb-3 text-sm text-green-800">{t('account.saved')}</p> : null}
      <p className="mb-3 text-sm text-slate-600">
        {t('account.email')}: {me.email}
      </p>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="name" label={t('account.name')} autoComplete="name" rules={{ required: t('form.required') }} />
      </ApiForm>
    </Section>
  );
}

/** The signed-in operator's own account in the console: name, password, two-step sign-in and sessions (as the workspace's /account). */
export function OperatorAccount() {
  const t = useT();
  const api = useApi();
  const calls = useMemo(() => operatorAccountCalls(api), [api]);
  const me = useQuery({ queryKey: ME, queryFn: async () => unwrap(await calls.me()) });
  return (
    <Page title={t('account.title')}>
      {me.data ? <NameForm me={me.data} rename={calls.rename} /> : null}
      <PasswordForm change={calls.changePassword} />
      <Section title={t('account.twoStep.title')}>
        <p className="text-sm">
          <Link to="/account/two-step" className="text-brand underline">{t('account.twoStep.link')}</Link>
        </p>
      </Section>
      <Sessions list={calls.sessions} end={calls.endSession} />
    </Page>
  );
}
