import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type Key, type ReactNode, type Ref } from 'react';
import { Button as AriaButton, ComboBox, DateField, DateInput, DateSegment, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text, TextField } from 'react-aria-components';
import { parseDate } from '@internationalized/date';
import { Controller, type Control, type FieldValues, type Path, type RegisterOptions } from 'react-hook-form';
import { ChevronDown } from 'lucide-react';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT, type MessageId } from '../../i18n/intl.js';
import type { ChargeKind, ChargeStatus, PaymentMethod } from './search.js';
import { labelStyle, inputStyle } from '../../ui/field-styles.js';
import { formatCalendarDate, formatTimestamp } from '../../ui/dates.js';

export const kindLabel = (kind: ChargeKind): MessageId => `finance.kind.${kind}`;
export const statusLabel = (status: ChargeStatus): MessageId => `finance.status.${status}`;
export const methodLabel = (method: PaymentMethod): MessageId => `finance.method.${method}`;

/** The first of the month of `day` (`YYYY-MM-DD`). */
export const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`;

/** A day (`YYYY-MM-DD`) or an instant, through Intl in the user's locale. */
export function useFormatDate(): (value: string | null | undefined) => string {
  const { locale } = useLocale();
  return (value) => {
    if (!value) return '—';
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    return dayOnly ? formatCalendarDate(value, locale) : formatTimestamp(value, locale);
  };
}

/** A member's full name, read once per member and kept (the finance lists carry only ids). */
export function useMemberName(memberId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['member', memberId],
    queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}', { params: { path: { id: memberId! } } })),
    enabled: Boolean(memberId),
    staleTime: 60_000,
    select: (m) => `${m.firstName} ${m.lastName}`,
  });
}

export function MemberName({ memberId, link = true }: { memberId: string; link?: boolean }) {
  const name = useMemberName(memberId).data ?? '…';
  return link ? (
    <Link to="/members/$memberId" params={{ memberId }} className="text-brand underline-offset-2 hover:underline">
      {name}
    </Link>
  ) : (
    <>{name}</>
  );
}

const itemStyle = 'cursor-default rounded px-2 py-1 text-sm outline-none data-[focused]:bg-slate-100 data-[selected]:font-semibold';

/**
 * A member chosen by name: typing searches the tenant's members (the API's `q`), the list
 * offers the matches, and the form holds the chosen member's id.
 */
export function MemberPicker<T extends FieldValues>({ control, name, label, rules }: { control: Control<T>; name: Path<T>; label: string; rules?: RegisterOptions<T, Path<T>> }) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <MemberCombo
          label={label}
          value={(field.value as string | undefined) || null}
          onChange={(id) => field.onChange(id ?? '')}
          onBlur={field.onBlur}
          inputRef={field.ref}
          isRequired={Boolean(rules?.required)}
          error={fieldState.error ? (fieldState.error.type === 'server' ? `${label} ${fieldState.error.message ?? ''}` : fieldState.error.message) : undefined}
        />
      )}
    />
  );
}

export function MemberCombo({ label, value, onChange, onBlur, inputRef, isRequired, error, className }: { label: string; value: string | null; onChange: (id: string | null) => void; onBlur?: () => void; inputRef?: Ref<HTMLInputElement>; isRequired?: boolean; error?: string; className?: string }) {
  const api = useApi();
  const t = useT();
  const chosen = useMemberName(value ?? undefined).data;
  const [typed, setTyped] = useState<string | null>(null);
  // The name of the member picked from the list, shown at once: a name arriving later would
  // change the text under the focused input, which reopens the list.
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const inputValue = typed ?? (picked && picked.id === value ? picked.name : chosen) ?? '';
  const q = typed ?? '';
  const members = useQuery({
    queryKey: ['members', { q, picker: true }],
    queryFn: async () => unwrap(await api.GET('/api/v1/members', { params: { query: { limit: 20, q: q || undefined } } })),
    staleTime: 30_000,
  });
  const items = (members.data?.data ?? []).map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}`, email: m.email }));
  return (
    <ComboBox
      className={className ?? 'block'}
      items={items}
      inputValue={inputValue}
      onInputChange={(text) => {
        setTyped(text);
        if (!text) onChange(null);
      }}
      selectedKey={value}
      onSelectionChange={(key: Key | null) => {
        const item = items.find((i) => i.id === key);
        setPicked(item ? { id: item.id, name: item.name } : null);
        setTyped(null);
        onChange(key === null ? null : String(key));
      }}
      onBlur={() => {
        setTyped(null);
        onBlur?.();
      }}
      menuTrigger="focus"
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label className={labelStyle}>{label}</Label>
      <div className="relative">
        <Input ref={inputRef} placeholder={t('finance.memberPlaceholder')} className={inputStyle} />
        <AriaButton aria-label={t('finance.showMembers')} className="absolute top-1 right-1 p-1 text-slate-500">
          <ChevronDown aria-hidden size={16} />
        </AriaButton>
      </div>
      <FieldError className="mt-1 block text-sm text-red-700">{error}</FieldError>
      <Popover className="min-w-(--trigger-width) rounded-md border border-slate-200 bg-white shadow-lg">
        <ListBox className="max-h-64 overflow-auto p-1 outline-none" renderEmptyState={() => <p className="px-2 py-1 text-sm text-slate-500">{t('finance.noMembers')}</p>}>
          {(item: { id: string; name: string; email: string | null }) => (
            <ListBoxItem id={item.id} textValue={item.name} className={itemStyle}>
              {item.name}
              {item.email ? <span className="ml-2 text-xs text-slate-500">{item.email}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/** A list filter: a choice among values, or any (the URL then holds nothing for it). */
export function FilterSelect<V extends string>({ label, value, options, onChange }: { label: string; value: V | undefined; options: { id: V; label: string }[]; onChange: (value: V | undefined) => void }) {
  const t = useT();
  const all = [{ id: '', label: t('finance.any') }, ...options];
  return (
    <Select selectedKey={value ?? ''} onSelectionChange={(key) => onChange(key ? (String(key) as V) : undefined)} className="block min-w-40">
      <Label className={labelStyle}>{label}</Label>
      <AriaButton className={`${inputStyle} flex items-center justify-between gap-2 text-left`}>
        <SelectValue />
        <ChevronDown aria-hidden size={16} />
      </AriaButton>
      <Popover className="min-w-(--trigger-width) rounded-md border border-slate-200 bg-white shadow-lg">
        <ListBox className="max-h-64 overflow-auto p-1 outline-none">
          {all.map((o) => (
            <ListBoxItem key={o.id} id={o.id} className={itemStyle}>
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

const toCalendar = (value: string | undefined) => {
  try {
    return value ? parseDate(value) : null;
  } catch {
    return null;
  }
};

/** A list filter or report parameter that is a day. */
export function FilterDate({ label, value, onChange }: { label: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  return (
    <DateField value={toCalendar(value)} onChange={(v) => onChange(v ? v.toString() : undefined)} className="block">
      <Label className={labelStyle}>{label}</Label>
      <DateInput className={`${inputStyle} flex`}>{(segment) => <DateSegment segment={segment} className="rounded px-0.5 tabular-nums outline-none focus:bg-brand focus:text-white data-[placeholder]:text-slate-500" />}</DateInput>
    </DateField>
  );
}

/** The row of filters above a list. */
export function Filters({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-end gap-3">
      {children}
    </div>
  );
}

/** A plain table for a report or a record's lines (not paged, so no virtual rows). */
export function SimpleTable({ label, head, rows, foot, empty }: { label: string; head: ReactNode[]; rows: ReactNode[][]; foot?: ReactNode[][]; empty: string }) {
  return (
    <div className="overflow-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-t border-slate-100">
              {r.map((c, j) => (
                <td key={j} className="px-3 py-2">
                  {c}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={head.length} className="px-3 py-6 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : null}
        </tbody>
        {foot && foot.length > 0 ? (
          <tfoot className="border-t-2 border-slate-300 font-semibold">
            {foot.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j} className="px-3 py-2">
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** A text field of a confirmation dialog (a reason, an amount), kept in the dialog's own state. */
export function DialogField({ label, value, onChange, description, isRequired }: { label: string; value: string; onChange: (value: string) => void; description?: string; isRequired?: boolean }) {
  return (
    <TextField value={value} onChange={onChange} isRequired={isRequired} className="block">
      <Label className={labelStyle}>{label}</Label>
      <Input className={inputStyle} />
      {description ? <Text slot="description" className="mt-1 block text-xs text-slate-500">{description}</Text> : null}
    </TextField>
  );
}

/** A report's JSON answer: the API may also answer CSV (`format=csv`), which these queries never ask for. */
export const asJson = <T,>(answer: T) => answer as Exclude<T, string>;
