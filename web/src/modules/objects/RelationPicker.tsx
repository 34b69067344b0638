import { useEffect, useId, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import type { CourtyardClient } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { formatCalendarDate } from '../../ui/dates.js';
import { errorStyle, inputStyle, labelStyle } from '../../ui/field-styles.js';
import { Button } from '../../ui/Button.js';
import { listRecords, useDefinition } from './api.js';
import { recordName } from './format.js';
import { titleField, type ObjectDefinition } from './types.js';
import { RefLink } from './Value.js';

const FOUND = 20;

/** Records of a target matching `q`, as {id, label}: a standard kind through its module's list, a custom object through its records. */
async function find(api: CourtyardClient, target: string, q: string, locale: string, leaseLabel: (start: string) => string, object: ObjectDefinition | undefined): Promise<{ id: string; label: string }[]> {
  const query = { limit: FOUND, ...(q ? { q } : {}) };
  switch (target) {
    case 'member':
      return unwrap(await api.GET('/api/v1/members', { params: { query } })).data.map((m) => ({ id: m.id, label: `${m.firstName} ${m.lastName}` }));
    case 'unit':
      return unwrap(await api.GET('/api/v1/units', { params: { query } })).data.map((u) => ({ id: u.id, label: u.label }));
    case 'property':
      return unwrap(await api.GET('/api/v1/properties', { params: { query } })).data.map((p) => ({ id: p.id, label: p.name }));
    case 'lease':
      return unwrap(await api.GET('/api/v1/leases', { params: { query } })).data.map((l) => ({ id: l.id, label: leaseLabel(formatCalendarDate(l.startDate, locale)) }));
    case 'document':
      return unwrap(await api.GET('/api/v1/documents', { params: { query } })).data.map((d) => ({ id: d.id, label: d.title }));
    default: {
      const title = object ? titleField(object.fields) : undefined;
      return (await listRecords(api, target, query)).data.map((r) => ({ id: r.id, label: recordName(r, title) }));
    }
  }
}

/**
 * A relation's (or a file's) value: what it points at now, as links with "Remove", and a search
 * box that finds records of the target to choose. `many` keeps a list; otherwise a choice
 * replaces the value. Errors (from the API: a record that does not exist) show under it.
 */
export function RelationPicker({ label, target, many, value, onChange, isRequired, error, inputRef }: {
  label: string;
  target: string;
  many: boolean;
  value: string | string[];
  onChange: (v: string | string[]) => void;
  isRequired?: boolean;
  error?: string;
  inputRef?: (el: HTMLInputElement | null) => void;
}) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const isCustom = !['member', 'unit', 'property', 'lease', 'document'].includes(target);
  const object = useDefinition(target, isCustom);
  const chosenId = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 200);
    return () => window.clearTimeout(timer);
  }, [text]);
  const found = useQuery({
    queryKey: ['objects', 'picker', target, q],
    enabled: !isCustom || Boolean(object.data),
    queryFn: () => find(api, target, q, locale, (start) => t('objects.leaseFrom', { start }), object.data),
    placeholderData: keepPreviousData,
  });
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  // A choice starts the box afresh (closed, empty, focused): it lists what is not chosen yet.
  const [round, setRound] = useState(0);
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (round > 0) input.current?.focus();
  }, [round]);
  const choose = (id: string) => {
    onChange(many ? [...new Set([...chosen, id])] : id);
    setText('');
    setRound((r) => r + 1);
  };
  const remove = (id: string) => onChange(many ? chosen.filter((x) => x !== id) : '');
  return (
    <div className="block">
      <ComboBox
        key={round}
        inputValue={text}
        onInputChange={setText}
        onSelectionChange={(key) => key !== null && choose(String(key))}
        selectedKey={null}
        items={(found.data ?? []).filter((r) => !chosen.includes(r.id))}
        isRequired={isRequired && chosen.length === 0}
        isInvalid={Boolean(error)}
        allowsEmptyCollection={text.trim().length > 0}
        className="block"
      >
        <Label className={labelStyle}>{label}</Label>
        <Input ref={(el) => { input.current = el; inputRef?.(el); }} aria-describedby={chosenId} placeholder={t('objects.picker.search')} className={inputStyle} />
        {error ? <span className={errorStyle}>{error}</span> : null}
        <Popover className="min-w-(--trigger-width) rounded-md border border-slate-200 bg-white shadow-lg">
          <ListBox className="max-h-64 overflow-auto p-1 outline-none" renderEmptyState={() => <p className="px-2 py-1 text-sm text-slate-600">{found.isFetching ? t('list.loading') : t('objects.picker.nothing')}</p>}>
            {(item: { id: string; label: string }) => (
              <ListBoxItem id={item.id} textValue={item.label} className="cursor-default rounded px-2 py-1 text-sm outline-none data-[focused]:bg-slate-100">{item.label}</ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <div id={chosenId} className="mt-1 text-xs text-slate-500">
        {chosen.length === 0 ? t('objects.picker.none') : (
          <span className="flex flex-wrap items-center gap-2">
            {t('objects.picker.chosen')}
            {chosen.map((id) => (
              <span key={id} className="inline-flex items-center gap-1">
                <RefLink target={target} id={id} />
                <Button variant="secondary" className="!px-1.5 !py-0 text-xs" aria-label={t('objects.picker.removeNamed', { field: label })} onPress={() => remove(id)}>{t('objects.picker.remove')}</Button>
              </span>
            ))}
          </span>
        )}
      </div>
    </div>
  );
}
