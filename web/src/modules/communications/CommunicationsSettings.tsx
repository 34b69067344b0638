import { useId, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { asProblem } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { calls, type CommunicationsSettings as Values } from './api.js';
import { fieldStyle, labelStyle } from './AudienceFields.js';

function SettingsForm({ initial, canWrite, timeZone }: { initial: Values; canWrite: boolean; timeZone: string }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const id = useId();
  const [openTracking, setOpenTracking] = useState(initial.openTracking);
  const [quiet, setQuiet] = useState(initial.quietHours !== null);
  const [start, setStart] = useState(initial.quietHours?.start ?? '21:00');
  const [end, setEnd] = useState(initial.quietHours?.end ?? '08:00');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const r = await calls(api).saveSettings({ openTracking, quietHours: quiet ? { start, end } : null });
    if (r.data) {
      queries.setQueryData(['communications', 'settings'], r.data);
      setNotice({ ok: true, text: t('communications.settings.saved') });
    } else setNotice({ ok: false, text: asProblem(r.error, r.response).detail });
  }
  return (
    <form onSubmit={(e) => void save(e)} className="max-w-xl space-y-4" data-testid="communications-settings">
      {notice ? <p role={notice.ok ? 'status' : 'alert'} className={`text-sm ${notice.ok ? 'text-green-800' : 'text-red-700'}`}>{notice.text}</p> : null}
      <fieldset disabled={!canWrite} className="space-y-4">
        <div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={openTracking} onChange={(e) => setOpenTracking(e.target.checked)} aria-describedby={`${id}-tracking`} className="size-4 accent-brand" />
            {t('communications.settings.openTracking')}
          </label>
          <p id={`${id}-tracking`} className="mt-1 text-xs text-slate-500">{t('communications.settings.openTracking.help')}</p>
        </div>
        <div className="space-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} aria-describedby={`${id}-quiet`} className="size-4 accent-brand" />
            {t('communications.settings.quietHours')}
          </label>
          <p id={`${id}-quiet`} className="text-xs text-slate-500">{t('communications.settings.quietHours.help', { zone: timeZone })}</p>
          {quiet ? (
            <div className="flex gap-4">
              <div>
                <label htmlFor={`${id}-start`} className={labelStyle}>{t('communications.settings.quietStart')}</label>
                <input id={`${id}-start`} type="time" required className={fieldStyle} value={start} onChange={(e) => setStart(e.target.value)} />
              </div>
              <div>
                <label htmlFor={`${id}-end`} className={labelStyle}>{t('communications.settings.quietEnd')}</label>
                <input id={`${id}-end`} type="time" required className={fieldStyle} value={end} onChange={(e) => setEnd(e.target.value)} />
              </div>
            </div>
          ) : null}
        </div>
      </fieldset>
      {canWrite ? (
        <button type="submit" className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2">
          {t('communications.settings.save')}
        </button>
      ) : null}
    </form>
  );
}

/** Settings → Communications: open tracking of e-mail, and the hours SMS wait for. */
export function CommunicationsSettings({ canWrite, timeZone }: { canWrite: boolean; timeZone: string }) {
  const t = useT();
  const api = useApi();
  const settings = useQuery({ queryKey: ['communications', 'settings'], queryFn: () => calls(api).settings() });
  return (
    <Section title={t('communications.settings')}>
      {settings.data ? <SettingsForm initial={settings.data} canWrite={canWrite} timeZone={timeZone} /> : <p className="text-sm text-slate-600">{settings.error ? t('list.failed') : t('list.loading')}</p>}
    </Section>
  );
}
