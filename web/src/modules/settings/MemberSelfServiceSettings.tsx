import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { asProblem, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT, type MessageId } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { detailsCalls, SELF_EDITABLE_FIELDS, type SelfEditableField } from '../../portal/details-api.js';

// The members' own field names: the portal's messages are not loaded in the workspace.
const fieldLabel = (field: SelfEditableField): MessageId => `members.${field}`;

/** Which of their own contact details members may change in the portal (docs/portal.md, My details). */
export function MemberSelfServiceSettings({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const setting = useQuery({ queryKey: ['settings', 'member-self-service'], queryFn: async () => unwrap(await detailsCalls(api).selfService()) });
  const [chosen, setChosen] = useState<SelfEditableField[] | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const current = chosen ?? setting.data?.editableFields ?? [];

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const r = await detailsCalls(api).setSelfService(current);
    if (r.data) {
      queries.setQueryData(['settings', 'member-self-service'], r.data);
      setChosen(null);
      setNotice({ ok: true, text: t('settings.selfService.saved') });
    } else setNotice({ ok: false, text: asProblem(r.error, r.response).detail });
  }

  return (
    <Section title={t('settings.selfService')}>
      <p className="mb-3 max-w-2xl text-sm text-slate-600">{t('settings.selfService.text')}</p>
      {notice ? <p role={notice.ok ? 'status' : 'alert'} className={`mb-3 text-sm ${notice.ok ? 'text-green-800' : 'text-red-700'}`}>{notice.text}</p> : null}
      {setting.data ? (
        <form onSubmit={(e) => void save(e)} className="max-w-xl space-y-3" data-testid="member-self-service">
          <fieldset className="space-y-2" disabled={!canWrite}>
            <legend className="text-sm font-medium text-slate-700">{t('settings.selfService.fields')}</legend>
            {SELF_EDITABLE_FIELDS.map((field) => (
              <label key={field} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="editableFields"
                  value={field}
                  checked={current.includes(field)}
                  onChange={(e) => setChosen(e.target.checked ? [...current, field] : current.filter((f) => f !== field))}
                  className="size-4 accent-brand"
                />
                {t(fieldLabel(field))}
              </label>
            ))}
          </fieldset>
          {canWrite ? (
            <button type="submit" className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2">
              {t('settings.selfService.save')}
            </button>
          ) : null}
        </form>
      ) : (
        <p className="text-sm text-slate-600">{setting.error ? t('list.failed') : t('list.loading')}</p>
      )}
    </Section>
  );
}
