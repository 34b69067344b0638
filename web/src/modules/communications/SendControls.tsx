import { useId, useState } from 'react';
import { useLocale, useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { formatTimestamp, instantIn } from '../../ui/dates.js';
import { useApi } from '../../api/session.js';
import { calls, type Announcement, type Answer, type SendChannel } from './api.js';
import { fieldStyle, labelStyle } from './AudienceFields.js';
import { AudienceCount, type PreviewRequest } from './Preview.js';

/** What a send needs first: the draft saved (its id), or the refusal that stopped it. */
export type Prepared = { ok: true; id: string } | { ok: false; answer: Answer };

/**
 * "Send now" and "Schedule": each asks in a dialog that names how many it goes to. The time to
 * schedule is typed as the tenant's wall clock (`datetime-local`, read in the tenant's zone).
 */
export function SendControls({ prepare, request, channels, timeZone, isDisabled, onSent }: {
  prepare: () => Promise<Prepared>;
  request: PreviewRequest;
  channels: SendChannel[];
  timeZone: string;
  isDisabled?: boolean;
  onSent: (announcement: Announcement) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const id = useId();
  const [at, setAt] = useState('');
  // Whether the time typed is still to come, judged as it is typed (the server refuses a past one anyway).
  const [future, setFuture] = useState(false);
  const instant = at ? instantIn(at, timeZone) : null;
  const choose = (value: string) => {
    setAt(value);
    const when = value ? instantIn(value, timeZone) : null;
    setFuture(when !== null && when.getTime() > Date.now());
  };
  const send = (when?: Date) => async (headers: Record<string, string>): Promise<Answer> => {
    const prepared = await prepare();
    if (!prepared.ok) return prepared.answer;
    return calls(api).send(prepared.id, when?.toISOString(), headers);
  };
  return (
    <div className="flex flex-wrap items-end gap-4">
      <ConfirmAction
        label={t('communications.sendNow')}
        title={t('communications.sendNow.title')}
        description={<AudienceCount request={request} channels={channels} />}
        confirmLabel={t('communications.sendNow.confirm')}
        variant="primary"
        isDisabled={isDisabled}
        run={send()}
        onDone={(data) => onSent(data as Announcement)}
      />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${id}-at`} className={labelStyle}>{t('communications.schedule.at', { zone: timeZone })}</label>
          <input id={`${id}-at`} type="datetime-local" className={fieldStyle} value={at} onChange={(e) => choose(e.target.value)} aria-describedby={`${id}-at-help`} />
        </div>
        <ConfirmAction
          label={t('communications.schedule')}
          title={t('communications.schedule.title')}
          description={
            <div className="space-y-2">
              <p>{instant ? t('communications.schedule.when', { time: formatTimestamp(instant, locale, { timeZone, zoneName: true }) }) : ''}</p>
              <AudienceCount request={request} channels={channels} />
            </div>
          }
          confirmLabel={t('communications.schedule')}
          isDisabled={isDisabled || !future}
          run={send(instant ?? undefined)}
          onDone={(data) => onSent(data as Announcement)}
        />
        <p id={`${id}-at-help`} className="w-full text-xs text-slate-500">{at && !future ? t('communications.schedule.past') : t('communications.schedule.help', { zone: timeZone })}</p>
      </div>
    </div>
  );
}
