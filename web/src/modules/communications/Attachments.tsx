import { useId, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { getDocument, listDocuments } from '../documents/api.js';
import { AudienceLabel } from '../documents/AudienceLabel.js';
import { fieldStyle, labelStyle } from './AudienceFields.js';

/**
 * Documents of the library attached to an announcement: found by title, added and removed by
 * button. Each attached one says who may open it, and warns when that is staff only: the
 * recipients open an attachment through the library, as it is shared there.
 */
export function Attachments({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['communications', 'documents', q], queryFn: () => listDocuments(api, { q: q.trim() || undefined, limit: 10 }) });
  const attached = useQueries({ queries: value.map((docId) => ({ queryKey: ['documents', 'one', docId], queryFn: () => getDocument(api, docId) })) });
  const docOf = (docId: string) => attached[value.indexOf(docId)]?.data ?? found.data?.data.find((d) => d.id === docId);
  const titleOf = (docId: string) => docOf(docId)?.title ?? '…';
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-base font-semibold">{t('communications.attachments')}</legend>
      {value.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label={t('communications.attachments.chosen')}>
          {value.map((docId) => (
            <li key={docId} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span>{titleOf(docId)}</span>
              {docOf(docId) ? (
                <span className="text-slate-600">
                  {t('communications.attachments.sharedWith')} <AudienceLabel audience={docOf(docId)!.audience} />
                  {docOf(docId)!.audience === 'staff' ? <strong className="ml-2 font-medium text-amber-800">{t('communications.attachments.staffOnly')}</strong> : null}
                </span>
              ) : null}
              <Button variant="secondary" onPress={() => onChange(value.filter((v) => v !== docId))} aria-label={t('communications.attachments.remove', { title: titleOf(docId) })}>
                {t('communications.attachments.removeButton')}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t('communications.attachments.none')}</p>
      )}
      <div>
        <label htmlFor={`${id}-q`} className={labelStyle}>{t('communications.attachments.find')}</label>
        <input id={`${id}-q`} type="search" className={`${fieldStyle} max-w-sm`} value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ul className="space-y-1 text-sm" aria-label={t('communications.attachments.found')}>
        {(found.data?.data ?? []).filter((d) => !value.includes(d.id)).map((d) => (
          <li key={d.id} className="flex items-center gap-3">
            <span>{d.title}</span>
            <Button variant="secondary" onPress={() => onChange([...value, d.id])} isDisabled={value.length >= 20} aria-label={t('communications.attachments.add', { title: d.title })}>
              {t('communications.attachments.addButton')}
            </Button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
