import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { asProblem, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';

/** The roles whose users must sign in with two steps (docs/security.md, two-step sign-in). */
export function TwoStepSettings({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const setting = useQuery({ queryKey: ['settings', 'two-step'], queryFn: async () => unwrap(await api.GET('/api/v1/settings/two-step')) });
  const roles = useQuery({ queryKey: ['roles'], queryFn: async () => unwrap(await api.GET('/api/v1/roles')).data, staleTime: 300_000 });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const current = chosen ?? setting.data?.requiredRoles ?? [];

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const r = await api.PATCH('/api/v1/settings/two-step', { body: { requiredRoles: current } });
    if (r.data) {
      queries.setQueryData(['settings', 'two-step'], r.data);
      setChosen(null);
      setNotice({ ok: true, text: t('settings.twoStep.saved') });
    } else setNotice({ ok: false, text: asProblem(r.error, r.response).detail });
  }

  return (
    <Section title={t('settings.twoStep')}>
      <p className="mb-3 max-w-2xl text-sm text-slate-600">{t('settings.twoStep.text')}</p>
      {notice ? <p role={notice.ok ? 'status' : 'alert'} className={`mb-3 text-sm ${notice.ok ? 'text-green-800' : 'text-red-700'}`}>{notice.text}</p> : null}
      {setting.data && roles.data ? (
        <form onSubmit={(e) => void save(e)} className="max-w-xl space-y-3">
          <fieldset className="space-y-2" disabled={!canWrite}>
            <legend className="text-sm font-medium text-slate-700">{t('settings.twoStep.roles')}</legend>
            {roles.data.map((r) => (
              <label key={r.key} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="requiredRoles"
                  value={r.key}
                  checked={current.includes(r.key)}
                  onChange={(e) => setChosen(e.target.checked ? [...current, r.key] : current.filter((k) => k !== r.key))}
                  className="size-4 accent-brand"
                />
                {r.name}
              </label>
            ))}
          </fieldset>
          {canWrite ? (
            <button type="submit" className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2">
              {t('settings.twoStep.save')}
            </button>
          ) : null}
        </form>
      ) : (
        <p className="text-sm text-slate-600">{setting.error || roles.error ? t('list.failed') : t('list.loading')}</p>
      )}
    </Section>
  );
}
